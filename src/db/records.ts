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
  urls: string[];
  promptFormat: PromptFormat;
  contextWindow: number;
  createdAt: number;
}
