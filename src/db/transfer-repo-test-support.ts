/** Database helpers for the export and import tests: throwaway databases, seeding, whole-library export and import, raw rows. */
import { wordsOf } from '../lib/search-words';
import { sortComparisonsForExport, type TransferComparison } from '../lib/transfer/comparison-format';
import { sortConversationsForExport, type ConversationWithMessages } from '../lib/transfer/export-format';
import { exportJsonParts } from '../lib/transfer/export-json';
import { readImportFiles } from '../lib/transfer/read-import-files';
import { memoryFile, SETTINGS } from '../lib/transfer/transfer-test-support';
import { openDatabase, type ChatDatabase } from './database';
import type { StoredComparison, StoredMessage } from './records';
import { createTransferRepo } from './transfer-repo';

export const AT = new Date('2026-11-24T12:00:00Z');
export const newId = () => crypto.randomUUID();

const opened: ChatDatabase[] = [];

export function freshDb(): ChatDatabase {
  const db = openDatabase(`transfer-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/** For afterEach. */
export async function deleteOpenedDbs(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
}

export async function seed(db: ChatDatabase, library: { conversations?: readonly ConversationWithMessages[]; comparisons?: readonly StoredComparison[] }): Promise<void> {
  const conversations = library.conversations ?? [];
  await db.conversations.bulkAdd(conversations.map((c) => ({ ...c.conversation })));
  await db.messages.bulkAdd(conversations.flatMap((c) => c.messages.map((m): StoredMessage => ({ ...m, conversationId: c.conversation.id, words: wordsOf(m.content) }))));
  await db.comparisons.bulkAdd((library.comparisons ?? []).map((c) => structuredClone(c)));
}

/** The whole library as the export job writes it. */
export async function exportText(db: ChatDatabase): Promise<string> {
  const read = await createTransferRepo(db).readForExport({ kind: 'all' });
  return exportJsonParts(sortConversationsForExport(read.conversations), AT, sortComparisonsForExport(read.comparisons)).join('');
}

export async function readText(text: string, name = 'library.json') {
  return readImportFiles([memoryFile(name, text)], { defaults: SETTINGS, newId });
}

export async function importText(db: ChatDatabase, text: string, name = 'library.json') {
  return createTransferRepo(db).commitImport(await readText(text, name), { newId });
}

const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => (a.id < b.id ? -1 : 1));

export const rows = async (db: ChatDatabase) => ({
  conversations: byId(await db.conversations.toArray()),
  messages: byId(await db.messages.toArray()),
  comparisons: byId(await db.comparisons.toArray()),
});

/** A comparison as written to the library (the export shapes are the stored ones, checked in transfer-repo.ts). */
export const asStored = (c: TransferComparison): StoredComparison => c;
