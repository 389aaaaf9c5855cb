/**
 * The WizardVicuna export format, version 1 (schema/wizardvicuna-export.v1.schema.json).
 * Records are the stored shapes, minus what is implied (a message's
 * conversationId) or derived (its search words).
 */

export const EXPORT_FORMAT = 'wizardvicuna-chat-export';
export const EXPORT_VERSION = 1;

export type TransferRole = 'user' | 'assistant';
export type TransferStatus = 'complete' | 'streaming' | 'stopped' | 'error' | 'interrupted';
export type TransferFinishReason = 'stop' | 'length' | 'abort' | 'error';

export const ROLES: readonly TransferRole[] = ['user', 'assistant'];
export const STATUSES: readonly TransferStatus[] = ['complete', 'streaming', 'stopped', 'error', 'interrupted'];
export const FINISH_REASONS: readonly TransferFinishReason[] = ['stop', 'length', 'abort', 'error'];

export interface TransferSettings {
  systemPrompt: string;
  temperature: number;
  topP: number;
  maxTokens: number;
  repetitionPenalty: number;
  seed?: number;
  stop: string[];
}

export interface TransferStats {
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  totalMs: number;
}

export interface TransferConversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  pinned: 0 | 1;
  tags: string[];
  leafId: string | null;
  modelId: string | null;
  settings: TransferSettings;
}

export interface TransferMessage {
  id: string;
  parentId: string | null;
  role: TransferRole;
  content: string;
  createdAt: number;
  status: TransferStatus;
  error?: { code: string; message: string };
  finishReason?: TransferFinishReason;
  modelId?: string;
  modelName?: string;
  stats?: TransferStats;
  settings?: TransferSettings;
  droppedMessages?: number;
}

export interface ConversationWithMessages {
  conversation: TransferConversation;
  messages: TransferMessage[];
}

/** JSON has no NaN or Infinity; speeds can be, so they travel as these strings. */
export type ExportedNumber = number | 'NaN' | 'Infinity' | '-Infinity';
export type ExportedStats = { [K in keyof TransferStats]: ExportedNumber };
export type ExportedMessage = Omit<TransferMessage, 'stats'> & { stats?: ExportedStats };
export type ExportedConversation = TransferConversation & { messages: ExportedMessage[] };

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  conversations: ExportedConversation[];
  /** Side-by-side comparisons, versioned on their own (see comparison-format.ts); absent from older files. */
  comparisons?: { version: number; items: unknown[] };
}

/** Field names in the order they are written; the db layer checks at compile time that none is missing. */
export const CONVERSATION_FIELDS = ['id', 'title', 'createdAt', 'updatedAt', 'pinned', 'tags', 'leafId', 'modelId', 'settings'] as const;
export const MESSAGE_FIELDS = [
  'id', 'parentId', 'role', 'content', 'createdAt', 'status', 'error', 'finishReason', 'modelId', 'modelName', 'stats', 'settings', 'droppedMessages',
] as const;
export const SETTINGS_FIELDS = ['systemPrompt', 'temperature', 'topP', 'maxTokens', 'repetitionPenalty', 'seed', 'stop'] as const;
export const STATS_FIELDS = ['promptTokens', 'completionTokens', 'timeToFirstTokenMs', 'prefillTokensPerSecond', 'decodeTokensPerSecond', 'totalMs'] as const;

type SameKeys<A extends PropertyKey, B extends PropertyKey> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check that the field lists above name every field of the shapes. */
export type FieldListsAreComplete = [
  SameKeys<(typeof CONVERSATION_FIELDS)[number], keyof TransferConversation>,
  SameKeys<(typeof MESSAGE_FIELDS)[number], keyof TransferMessage>,
  SameKeys<(typeof SETTINGS_FIELDS)[number], keyof TransferSettings>,
  SameKeys<(typeof STATS_FIELDS)[number], keyof TransferStats>,
] extends [true, true, true, true]
  ? true
  : never;
const fieldListsAreComplete: FieldListsAreComplete = true;
void fieldListsAreComplete;

export function encodeNumber(n: number): ExportedNumber {
  if (Number.isFinite(n)) return n;
  return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
}

export function decodeNumber(n: ExportedNumber): number {
  return typeof n === 'number' ? n : n === 'NaN' ? NaN : n === 'Infinity' ? Infinity : -Infinity;
}

/** Copies the known fields in a fixed order, leaving out absent (or undefined) ones. */
export function pick<T extends object, K extends keyof T>(source: T, fields: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of fields) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

export function exportSettings(s: TransferSettings): TransferSettings {
  return { ...pick(s, SETTINGS_FIELDS), stop: [...s.stop] };
}

export function exportMessage(m: TransferMessage): ExportedMessage {
  const { stats, settings, error, ...rest } = pick(m, MESSAGE_FIELDS);
  const out: ExportedMessage = rest;
  if (error) out.error = { code: error.code, message: error.message };
  if (stats) out.stats = Object.fromEntries(STATS_FIELDS.map((k) => [k, encodeNumber(stats[k])])) as ExportedStats;
  if (settings) out.settings = exportSettings(settings);
  // Keep the documented field order after the destructuring above.
  return pick(out, MESSAGE_FIELDS);
}

const byTimeThenId = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One conversation in export order: messages oldest first (ties by id), so exports are reproducible. */
export function exportConversation({ conversation, messages }: ConversationWithMessages): ExportedConversation {
  const c = pick(conversation, CONVERSATION_FIELDS);
  return { ...c, tags: [...c.tags], settings: exportSettings(c.settings), messages: [...messages].sort(byTimeThenId).map(exportMessage) };
}

export function sortConversationsForExport<T extends { conversation: { createdAt: number; id: string } }>(list: T[]): T[] {
  return [...list].sort((a, b) => byTimeThenId(a.conversation, b.conversation));
}
