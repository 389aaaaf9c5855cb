/**
 * Side-by-side comparisons in the export: the `comparisons` section, version 2.
 * Each item is a stored comparison field for field; reply speeds travel like a
 * message's (NaN and infinities as strings). Maps keyed by column id keep
 * their stored key order.
 */
import {
  encodeNumber, exportSettings, pick, STATS_FIELDS,
  type ExportedStats, type TransferFinishReason, type TransferSettings, type TransferStats,
} from './export-format';

/** The section version this app writes and reads. */
export const COMPARISONS_VERSION = 2;
/** The section as first reserved: items of no defined shape, counted and left out. */
export const RESERVED_COMPARISONS_VERSION = 1;

export type TransferReplyStatus = 'complete' | 'stopped' | 'error' | 'interrupted';
export type TransferVerdict = 'a' | 'b' | 'tie' | 'both-bad';

export const REPLY_STATUSES: readonly TransferReplyStatus[] = ['complete', 'stopped', 'error', 'interrupted'];
export const VERDICTS: readonly TransferVerdict[] = ['a', 'b', 'tie', 'both-bad'];

export interface TransferColumn {
  id: string;
  label: string;
  modelId: string | null;
  template: string;
  settings: TransferSettings;
}

export interface TransferReply {
  content: string;
  status: TransferReplyStatus;
  finishReason?: TransferFinishReason;
  stats?: TransferStats;
  error?: { code: string; message: string };
  modelId: string | null;
  modelName?: string;
  droppedMessages?: number;
}

export interface TransferTurn {
  round: number;
  input: string;
  prompt: string;
  reply: TransferReply | null;
  score?: number;
}

export interface TransferVote {
  round: number;
  a: string;
  b: string;
  verdict: TransferVerdict;
}

export interface TransferQuestion {
  question: string;
  replies: Record<string, TransferReply>;
  scores: Record<string, number>;
}

export interface TransferComparison {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  columns: TransferColumn[];
  inputs: string[];
  threads: Record<string, TransferTurn[]>;
  questions: TransferQuestion[];
  votes: TransferVote[];
  notes: string;
  pair: { a: string; b: string } | null;
}

export type ExportedReply = Omit<TransferReply, 'stats'> & { stats?: ExportedStats };
export type ExportedTurn = Omit<TransferTurn, 'reply'> & { reply: ExportedReply | null };
export type ExportedQuestion = Omit<TransferQuestion, 'replies'> & { replies: Record<string, ExportedReply> };
export type ExportedComparison = Omit<TransferComparison, 'threads' | 'questions'> & { threads: Record<string, ExportedTurn[]>; questions: ExportedQuestion[] };

export const COMPARISON_FIELDS = ['id', 'title', 'createdAt', 'updatedAt', 'columns', 'inputs', 'threads', 'questions', 'votes', 'notes', 'pair'] as const;
export const COLUMN_FIELDS = ['id', 'label', 'modelId', 'template', 'settings'] as const;
export const REPLY_FIELDS = ['content', 'status', 'finishReason', 'stats', 'error', 'modelId', 'modelName', 'droppedMessages'] as const;
export const TURN_FIELDS = ['round', 'input', 'prompt', 'reply', 'score'] as const;
export const VOTE_FIELDS = ['round', 'a', 'b', 'verdict'] as const;
export const QUESTION_FIELDS = ['question', 'replies', 'scores'] as const;
export const PAIR_FIELDS = ['a', 'b'] as const;

type SameKeys<A extends PropertyKey, B extends PropertyKey> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type ComparisonFieldListsAreComplete = [
  SameKeys<(typeof COMPARISON_FIELDS)[number], keyof TransferComparison>,
  SameKeys<(typeof COLUMN_FIELDS)[number], keyof TransferColumn>,
  SameKeys<(typeof REPLY_FIELDS)[number], keyof TransferReply>,
  SameKeys<(typeof TURN_FIELDS)[number], keyof TransferTurn>,
  SameKeys<(typeof VOTE_FIELDS)[number], keyof TransferVote>,
  SameKeys<(typeof QUESTION_FIELDS)[number], keyof TransferQuestion>,
] extends [true, true, true, true, true, true]
  ? true
  : never;
const fieldListsAreComplete: ComparisonFieldListsAreComplete = true;
void fieldListsAreComplete;

function mapValues<T, U>(map: Readonly<Record<string, T>>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, f(value)]));
}

export function exportReply(r: TransferReply): ExportedReply {
  const { stats, error, ...rest } = pick(r, REPLY_FIELDS);
  const out: ExportedReply = rest;
  if (stats) out.stats = Object.fromEntries(STATS_FIELDS.map((k) => [k, encodeNumber(stats[k])])) as ExportedStats;
  if (error) out.error = { code: error.code, message: error.message };
  return pick(out, REPLY_FIELDS);
}

export function exportComparison(c: TransferComparison): ExportedComparison {
  const out = pick(c, COMPARISON_FIELDS);
  return {
    ...out,
    columns: c.columns.map((col) => ({ ...pick(col, COLUMN_FIELDS), settings: exportSettings(col.settings) })),
    inputs: [...c.inputs],
    threads: mapValues(c.threads, (turns) => turns.map((t) => ({ ...pick(t, TURN_FIELDS), reply: t.reply && exportReply(t.reply) }))),
    questions: c.questions.map((q) => ({ question: q.question, replies: mapValues(q.replies, exportReply), scores: { ...q.scores } })),
    votes: c.votes.map((v) => pick(v, VOTE_FIELDS)),
    pair: c.pair && pick(c.pair, PAIR_FIELDS),
  };
}

/** Oldest first, ties by id, so whole-library exports are reproducible. */
export function sortComparisonsForExport<T extends { createdAt: number; id: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
