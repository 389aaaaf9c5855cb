/** The shapes stored in IndexedDB. */
import type { FinishReason, GenerationSettings, GenerationStats } from '../engine/port';
import type { PromptFormat } from '../models/records';

export type MessageRole = 'user' | 'assistant';

/**
 * complete: finished normally; streaming: being written now (or the tab died
 * mid-reply, see `interrupted`); stopped: the person stopped it; error: failed.
 */
export type MessageStatus = 'complete' | 'streaming' | 'stopped' | 'error' | 'interrupted';

export interface ConversationSettings extends GenerationSettings {
  systemPrompt: string;
}

export interface StoredConversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** 1 when pinned (IndexedDB cannot index booleans). */
  pinned: 0 | 1;
  tags: string[];
  /** The leaf of the branch on screen. */
  leafId: string | null;
  modelId: string | null;
  settings: ConversationSettings;
}

export interface StoredMessage {
  id: string;
  conversationId: string;
  /** null for the first message; regenerations and edits share a parent. */
  parentId: string | null;
  role: MessageRole;
  content: string;
  createdAt: number;
  status: MessageStatus;
  error?: { code: string; message: string };
  finishReason?: FinishReason;
  modelId?: string;
  /** The model's display name when the reply was written. */
  modelName?: string;
  stats?: GenerationStats;
  /** Settings the reply was generated with. */
  settings?: ConversationSettings;
  /** Search words of `content` (kept by the messages repository). */
  words?: string[];
  /** How many earlier messages did not fit in the context window and were not sent. */
  droppedMessages?: number;
}

export interface StoredCustomModel {
  id: string;
  name: string;
  /** Absent on models saved before MLC models could be added: those are GGUF. */
  engine?: 'gguf' | 'mlc';
  /** GGUF: the file (or shards); MLC: [weights folder URL]. */
  urls: string[];
  /** MLC only. */
  modelLibUrl?: string;
  quantization?: string;
  downloadBytes?: number;
  promptFormat: PromptFormat;
  contextWindow: number;
  createdAt: number;
}

/** One column of a comparison: a model, a prompt template around the shared input, and settings. */
export interface ComparisonVariant {
  id: string;
  label: string;
  modelId: string | null;
  /** Wraps each shared input; contains {input}. */
  template: string;
  settings: ConversationSettings;
}

export interface ComparisonReply {
  content: string;
  /** interrupted: the page closed while it was being written (the text is what was saved). */
  status: 'complete' | 'stopped' | 'error' | 'interrupted';
  finishReason?: FinishReason;
  stats?: GenerationStats;
  error?: { code: string; message: string };
  modelId: string | null;
  modelName?: string;
  /** Earlier turns left out because they did not fit in the context window. */
  droppedMessages?: number;
}

/** One exchange in a column's thread. */
export interface ComparisonTurn {
  /** Index into the comparison's shared inputs. */
  round: number;
  input: string;
  /** The input inside the column's template: what the model was sent as the user turn. */
  prompt: string;
  reply: ComparisonReply | null;
  /** 1–10, given by the person judging. */
  score?: number;
}

export type ComparisonVerdict = 'a' | 'b' | 'tie' | 'both-bad';

/** A judgement between two columns' replies to one shared input. */
export interface ComparisonVote {
  round: number;
  a: string;
  b: string;
  verdict: ComparisonVerdict;
}

/** One question of a question set, with each column's fresh single-turn reply (by column id). */
export interface ComparisonQuestion {
  question: string;
  replies: Record<string, ComparisonReply>;
  scores: Record<string, number>;
}

export interface StoredComparison {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Two to four, in the order shown. */
  columns: ComparisonVariant[];
  /** The shared inputs, in the order they were sent (run again from these). */
  inputs: string[];
  /** Each column's own history, by column id. */
  threads: Record<string, ComparisonTurn[]>;
  questions: ComparisonQuestion[];
  votes: ComparisonVote[];
  notes: string;
  /** The two columns shown in the word diff and voted on. */
  pair: { a: string; b: string } | null;
}
