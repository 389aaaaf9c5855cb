/** Reads a WizardVicuna export (version 1) into conversations and comparisons, checking every field. */
import type { TransferComparison } from './comparison-format';
import {
  CONVERSATION_FIELDS, EXPORT_VERSION, FINISH_REASONS, MESSAGE_FIELDS, ROLES, STATUSES,
  type ConversationWithMessages, type TransferConversation, type TransferMessage,
} from './export-format';
import {
  childPath, onlyKnownKeys, optional, own, readArray, readId, readNumber, readObject, readOneOf, readString, required, type JsonObject,
} from './json-fields';
import { readComparisonsSection } from './read-comparisons';
import { nullOr, readErrorInfo, readSettings, readStats } from './read-record-fields';
import { checkTree } from './tree-shape';
import { FieldProblem, placeProblem, TransferError } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';

export interface ReadDocument {
  conversations: ConversationWithMessages[];
  comparisons: TransferComparison[];
  /** Comparisons in a section version this app does not read, left out. */
  comparisonsLeftOut: number;
}

const TOP_FIELDS = new Set(['format', 'version', 'exportedAt', 'conversations', 'comparisons']);
const CONVERSATION_KEYS = new Set<string>([...CONVERSATION_FIELDS, 'messages']);
const MESSAGE_KEYS = new Set<string>(MESSAGE_FIELDS);
const L = TRANSFER_LIMITS;

export function readExportDocument(doc: JsonObject, fileName: string, onProgress?: (done: number, total: number) => void): ReadDocument {
  const version = own(doc, 'version');
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION) {
    throw new TransferError(
      'unsupported-format',
      `${fileName} was made by a newer version of WizardVicuna Chat (format version ${version}); this version reads version ${EXPORT_VERSION}. Update the app and try again.`,
    );
  }
  let list: readonly unknown[];
  try {
    onlyKnownKeys(doc, TOP_FIELDS, '');
    required(doc, 'version', '', (v, p) => {
      if (v !== EXPORT_VERSION) throw new FieldProblem('invalid', p, `must be ${EXPORT_VERSION}`);
    });
    required(doc, 'exportedAt', '', (v, p) => readString(v, p, 100));
    list = required(doc, 'conversations', '', (v, p) => readArray(v, p, L.maxConversations));
  } catch (error) {
    throw placeProblem(error, fileName);
  }
  const conversations: ConversationWithMessages[] = [];
  let messageCount = 0;
  list.forEach((raw, index) => {
    const title = typeof own(raw as JsonObject, 'title') === 'string' ? (own(raw as JsonObject, 'title') as string).slice(0, 60) : '';
    const where = `${fileName}: conversation ${index + 1}${title ? ` (${JSON.stringify(title)})` : ''}`;
    try {
      const read = readConversation(raw);
      messageCount += read.messages.length;
      if (messageCount > L.maxMessages) {
        throw new TransferError('too-large', `${fileName} holds more than ${L.maxMessages.toLocaleString('en')} messages, the most one import can take. Export fewer conversations at a time.`);
      }
      conversations.push(read);
    } catch (error) {
      throw placeProblem(error, where);
    }
    if (onProgress && index % 100 === 99) onProgress(index + 1, list.length);
  });
  if (!Object.hasOwn(doc, 'comparisons')) return { conversations, comparisons: [], comparisonsLeftOut: 0 };
  const read = readComparisonsSection(doc.comparisons, fileName);
  return { conversations, comparisons: read.comparisons, comparisonsLeftOut: read.leftOut };
}

function readConversation(raw: unknown): ConversationWithMessages {
  const c = readObject(raw, '');
  onlyKnownKeys(c, CONVERSATION_KEYS, '');
  const messages = required(c, 'messages', '', (v, p) => readArray(v, p, L.maxMessages)).map((m, i) => readMessage(m, `messages[${i}]`));
  const conversation: TransferConversation = {
    id: required(c, 'id', '', readId),
    title: required(c, 'title', '', (v, p) => readString(v, p)),
    createdAt: required(c, 'createdAt', '', readNumber),
    updatedAt: required(c, 'updatedAt', '', readNumber),
    pinned: required(c, 'pinned', '', (v, p): 0 | 1 => {
      if (v !== 0 && v !== 1) throw new FieldProblem('invalid', p, 'must be 0 or 1');
      return v;
    }),
    tags: required(c, 'tags', '', (v, p) => readArray(v, p, L.maxTags).map((t, i) => readString(t, childPath(p, i), 200))),
    leafId: required(c, 'leafId', '', nullOr(readId)),
    modelId: required(c, 'modelId', '', nullOr((v, p) => readString(v, p))),
    settings: required(c, 'settings', '', readSettings),
  };
  const parents = new Map<string, string | null>();
  const indexOf = new Map<string, number>();
  messages.forEach((m, i) => {
    if (indexOf.has(m.id)) throw new FieldProblem('duplicate-id', `messages[${i}].id`, `repeats ${JSON.stringify(m.id)}, already used by messages[${indexOf.get(m.id)}]`);
    indexOf.set(m.id, i);
    parents.set(m.id, m.parentId);
  });
  checkTree({ parents, parentPath: (id) => `messages[${indexOf.get(id)}].parentId`, name: 'messages' });
  if (conversation.leafId !== null && !parents.has(conversation.leafId)) {
    throw new FieldProblem('invalid', 'leafId', `refers to ${JSON.stringify(conversation.leafId)}, which is not a message of this conversation`);
  }
  return { conversation, messages };
}

function readMessage(raw: unknown, path: string): TransferMessage {
  const m = readObject(raw, path);
  onlyKnownKeys(m, MESSAGE_KEYS, path);
  const message: TransferMessage = {
    id: required(m, 'id', path, readId),
    parentId: required(m, 'parentId', path, nullOr(readId)),
    role: required(m, 'role', path, (v, p) => readOneOf(v, p, ROLES)),
    content: required(m, 'content', path, (v, p) => readString(v, p, L.maxMessageChars)),
    createdAt: required(m, 'createdAt', path, readNumber),
    status: required(m, 'status', path, (v, p) => readOneOf(v, p, STATUSES)),
  };
  const error = optional(m, 'error', path, readErrorInfo);
  if (error) message.error = error;
  const finishReason = optional(m, 'finishReason', path, (v, p) => readOneOf(v, p, FINISH_REASONS));
  if (finishReason) message.finishReason = finishReason;
  const modelId = optional(m, 'modelId', path, (v, p) => readString(v, p));
  if (modelId !== undefined) message.modelId = modelId;
  const modelName = optional(m, 'modelName', path, (v, p) => readString(v, p));
  if (modelName !== undefined) message.modelName = modelName;
  const stats = optional(m, 'stats', path, readStats);
  if (stats) message.stats = stats;
  const settings = optional(m, 'settings', path, readSettings);
  if (settings) message.settings = settings;
  const dropped = optional(m, 'droppedMessages', path, readNumber);
  if (dropped !== undefined) message.droppedMessages = dropped;
  return message;
}
