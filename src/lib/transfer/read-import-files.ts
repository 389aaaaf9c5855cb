/**
 * Turns the picked files (our JSON export, a ChatGPT zip, conversations.json
 * or its conversations-NNN.json parts) into checked conversations and
 * comparisons. Nothing is written here; the first problem found stops
 * everything, naming the file, the conversation or comparison, and the field.
 */
import { convertChatGptConversation } from './chatgpt-conversation';
import { countSkipped, type SkippedCounts } from './chatgpt-message';
import type { TransferComparison } from './comparison-format';
import { EXPORT_FORMAT, type ConversationWithMessages, type TransferSettings } from './export-format';
import { isObject, own } from './json-fields';
import { readExportDocument } from './read-export-document';
import { readFileText, type PickedFile } from './read-file-text';
import { placeProblem, TransferError } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';
import { isZip, unzipConversations, type TextEntry } from './unzip-conversations';

export interface ImportSource {
  label: string;
  kind: 'wizardvicuna' | 'chatgpt';
  conversations: number;
  comparisons: number;
}

export interface ReadImport {
  sources: ImportSource[];
  conversations: ConversationWithMessages[];
  messages: number;
  /** ChatGPT content that has no place here, by kind. */
  skipped: SkippedCounts;
  comparisons: TransferComparison[];
  /** Comparisons in a section version this app does not read, left out. */
  comparisonsLeftOut: number;
}

export interface ReadOptions {
  defaults: TransferSettings;
  newId: () => string;
  onProgress?: (text: string, fraction: number | null) => void;
}

export async function readImportFiles(files: readonly PickedFile[], options: ReadOptions): Promise<ReadImport> {
  const result: ReadImport = { sources: [], conversations: [], messages: 0, skipped: new Map(), comparisons: [], comparisonsLeftOut: 0 };
  const origins: string[] = [];
  const comparisonOrigins: string[] = [];
  for (const file of files) {
    const progress = (read: number, total: number) => options.onProgress?.(`Reading ${file.name}`, total ? read / total : null);
    const entries: TextEntry[] = /\.zip$/i.test(file.name) || (await isZip(file))
      ? await unzipConversations(file, progress)
      : [{ label: file.name, text: await readFileText(file, progress) }];
    for (const entry of entries) {
      options.onProgress?.(`Checking ${entry.label}`, null);
      const before = result.conversations.length;
      const comparisonsBefore = result.comparisons.length;
      readEntry(entry, options, result);
      entry.text = ''; // Parsed: let the (possibly huge) text go before the next entry is read.
      for (let i = 0; i < result.conversations.length - before; i++) origins.push(`conversation ${i + 1} of ${entry.label}`);
      for (let i = 0; i < result.comparisons.length - comparisonsBefore; i++) comparisonOrigins.push(`comparison ${i + 1} of ${entry.label}`);
    }
  }
  if (!result.conversations.length && !result.comparisons.length) {
    const what = result.comparisonsLeftOut ? 'conversations or comparisons this version can import' : 'conversations';
    throw new TransferError('nothing-to-import', `There are no ${what} in ${files.map((f) => f.name).join(', ') || 'the chosen files'}.`);
  }
  checkUniqueIds(result.conversations, origins);
  checkUniqueComparisonIds(result.comparisons, comparisonOrigins);
  return result;
}

export function parseJson(text: string, label: string): unknown {
  if (!text.trim()) throw new TransferError('not-json', `${label} is empty.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/end of JSON input|Unterminated string|Unexpected end/i.test(reason)) {
      throw new TransferError('not-json', `${label} ends in the middle of the data: it looks cut off. Was the download complete?`);
    }
    throw new TransferError('not-json', `${label} is not valid JSON (${reason}).`);
  }
}

function add(into: ReadImport, conversation: ConversationWithMessages): void {
  into.conversations.push(conversation);
  into.messages += conversation.messages.length;
  if (into.messages > TRANSFER_LIMITS.maxMessages) {
    throw new TransferError('too-large', `These files hold more than ${TRANSFER_LIMITS.maxMessages.toLocaleString('en')} messages, the most one import can take. Import them a few at a time.`);
  }
  if (into.conversations.length > TRANSFER_LIMITS.maxConversations) {
    throw new TransferError('too-large', `These files hold more than ${TRANSFER_LIMITS.maxConversations.toLocaleString('en')} conversations, the most one import can take.`);
  }
}

function readEntry(entry: TextEntry, options: ReadOptions, into: ReadImport): void {
  const data = parseJson(entry.text, entry.label);
  if (isObject(data) && own(data, 'format') === EXPORT_FORMAT) {
    const read = readExportDocument(data, entry.label, (done, total) => options.onProgress?.(`Checking ${entry.label}`, done / total));
    for (const c of read.conversations) add(into, c);
    into.comparisons.push(...read.comparisons);
    into.comparisonsLeftOut += read.comparisonsLeftOut;
    if (into.comparisons.length > TRANSFER_LIMITS.maxComparisons) {
      throw new TransferError('too-large', `These files hold more than ${TRANSFER_LIMITS.maxComparisons.toLocaleString('en')} comparisons, the most one import can take.`);
    }
    into.sources.push({ label: entry.label, kind: 'wizardvicuna', conversations: read.conversations.length, comparisons: read.comparisons.length });
    return;
  }
  const list = Array.isArray(data) ? data : isObject(data) && Object.hasOwn(data, 'mapping') ? [data] : null;
  if (!list) {
    const format = isObject(data) ? own(data, 'format') : undefined;
    throw new TransferError(
      'unsupported-format',
      typeof format === 'string'
        ? `${entry.label} is a ${JSON.stringify(format.slice(0, 60))} file, not a WizardVicuna Chat export or a ChatGPT export.`
        : `${entry.label} is JSON, but neither a WizardVicuna Chat export nor a ChatGPT conversations file.`,
    );
  }
  if (list.length > TRANSFER_LIMITS.maxConversations) {
    throw new TransferError('too-large', `${entry.label} holds ${list.length.toLocaleString('en')} conversations; one import takes at most ${TRANSFER_LIMITS.maxConversations.toLocaleString('en')}.`);
  }
  list.forEach((raw, index) => {
    const title = isObject(raw) && typeof own(raw, 'title') === 'string' ? (own(raw, 'title') as string).slice(0, 60) : '';
    try {
      const converted = convertChatGptConversation(raw, options.defaults, options.newId);
      add(into, { conversation: converted.conversation, messages: converted.messages });
      for (const [label, n] of converted.skipped) countSkipped(into.skipped, label, n);
    } catch (error) {
      throw placeProblem(error, `${entry.label}: conversation ${index + 1}${title ? ` (${JSON.stringify(title)})` : ''}`);
    }
    if (index % 100 === 99) options.onProgress?.(`Checking ${entry.label}`, (index + 1) / list.length);
  });
  into.sources.push({ label: entry.label, kind: 'chatgpt', conversations: list.length, comparisons: 0 });
}

/** The same id twice across the chosen files is a mistake in the files, not something to merge. */
function checkUniqueIds(conversations: readonly ConversationWithMessages[], origins: readonly string[]): void {
  const conversationAt = new Map<string, number>();
  const messageAt = new Map<string, number>();
  const name = (i: number) => `${origins[i]} (${JSON.stringify(conversations[i]!.conversation.title.slice(0, 60))})`;
  conversations.forEach(({ conversation, messages }, i) => {
    const earlier = conversationAt.get(conversation.id);
    if (earlier !== undefined) {
      throw new TransferError('duplicate-id', `${name(i)} has the id ${JSON.stringify(conversation.id)}, which ${name(earlier)} has too. Each conversation may appear once.`);
    }
    conversationAt.set(conversation.id, i);
    for (const m of messages) {
      const other = messageAt.get(m.id);
      if (other !== undefined && other !== i) {
        throw new TransferError('duplicate-id', `${name(i)} has a message with the id ${JSON.stringify(m.id)}, which ${name(other)} also uses.`);
      }
      messageAt.set(m.id, i);
    }
  });
}

function checkUniqueComparisonIds(comparisons: readonly TransferComparison[], origins: readonly string[]): void {
  const seen = new Map<string, number>();
  const name = (i: number) => `${origins[i]} (${JSON.stringify(comparisons[i]!.title.slice(0, 60))})`;
  comparisons.forEach(({ id }, i) => {
    const earlier = seen.get(id);
    if (earlier !== undefined) throw new TransferError('duplicate-id', `${name(i)} has the id ${JSON.stringify(id)}, which ${name(earlier)} has too. Each comparison may appear once.`);
    seen.set(id, i);
  });
}
