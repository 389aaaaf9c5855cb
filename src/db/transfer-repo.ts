/** Reads conversations and comparisons for export and writes imports whole, in one transaction, or not at all. */
import { wordsOf } from '../lib/search-words';
import type {
  TransferColumn, TransferComparison, TransferQuestion, TransferReply, TransferTurn, TransferVote,
} from '../lib/transfer/comparison-format';
import { comparisonWithNewId, planComparisons } from '../lib/transfer/comparison-plan';
import type { ExportScope } from '../lib/transfer/export-file-names';
import type { ConversationWithMessages, TransferConversation, TransferMessage, TransferSettings, TransferStats } from '../lib/transfer/export-format';
import { planImport, withNewIds, type ImportBundle, type ImportPlan, type LibraryState } from '../lib/transfer/import-plan';
import { TransferError } from '../lib/transfer/transfer-error';
import type { ChatDatabase } from './database';
import type {
  ComparisonQuestion, ComparisonReply, ComparisonTurn, ComparisonVariant, ComparisonVote, ConversationSettings, StoredComparison, StoredConversation, StoredMessage,
} from './records';
import type { GenerationStats } from '../engine/port';

/** The export format must carry every stored field: adding one to the records without adding it to the format fails here. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
export type TransferShapesMatchRecords = [
  Expect<Equal<keyof StoredConversation, keyof TransferConversation>>,
  Expect<Equal<Exclude<keyof StoredMessage, 'conversationId' | 'words'>, keyof TransferMessage>>,
  Expect<Equal<keyof ConversationSettings, keyof TransferSettings>>,
  Expect<Equal<keyof GenerationStats, keyof TransferStats>>,
  Expect<Equal<StoredComparison, TransferComparison>>,
  Expect<Equal<ComparisonVariant, TransferColumn>>,
  Expect<Equal<ComparisonReply, TransferReply>>,
  Expect<Equal<ComparisonTurn, TransferTurn>>,
  Expect<Equal<ComparisonVote, TransferVote>>,
  Expect<Equal<ComparisonQuestion, TransferQuestion>>,
];

export interface ExportSelection {
  conversations: ConversationWithMessages[];
  comparisons: TransferComparison[];
}

const WRITE_CHUNK = 2000;

export interface CommitOptions {
  newId: () => string;
  /** Called between written chunks; throwing from it abandons the whole import. */
  onProgress?: (written: number, total: number) => void;
}

export function createTransferRepo(db: ChatDatabase) {
  const withMessages = (conversation: StoredConversation, messages: StoredMessage[]): ConversationWithMessages => ({ conversation, messages });

  async function libraryState(incoming: readonly ConversationWithMessages[]): Promise<LibraryState> {
    const stored = (await db.conversations.bulkGet(incoming.map((c) => c.conversation.id))).filter((c): c is StoredConversation => !!c);
    const conversations = new Map<string, ConversationWithMessages>();
    for (const c of stored) conversations.set(c.id, withMessages(c, await db.messages.where('conversationId').equals(c.id).toArray()));
    const ids = incoming.flatMap((c) => c.messages.map((m) => m.id));
    const messageOwners = new Map<string, string>();
    for (const m of await db.messages.bulkGet(ids)) if (m) messageOwners.set(m.id, m.conversationId);
    return { conversations, messageOwners };
  }

  async function plan(bundle: ImportBundle): Promise<ImportPlan> {
    const stored = await db.comparisons.bulkGet(bundle.comparisons.map((c) => c.id));
    const comparisons = new Map(stored.filter((c): c is StoredComparison => !!c).map((c) => [c.id, c]));
    return { conversations: planImport(bundle.conversations, await libraryState(bundle.conversations)), comparisons: planComparisons(bundle.comparisons, comparisons) };
  }

  async function readConversations(scope: ExportScope, onProgress?: (done: number, total: number) => void): Promise<ConversationWithMessages[]> {
    if (scope.kind === 'all') {
      const [conversations, messages] = await Promise.all([db.conversations.toArray(), db.messages.toArray()]);
      const byConversation = new Map(conversations.map((c) => [c.id, [] as StoredMessage[]]));
      for (const m of messages) byConversation.get(m.conversationId)?.push(m);
      onProgress?.(conversations.length, conversations.length);
      return conversations.map((c) => withMessages(c, byConversation.get(c.id)!));
    }
    const found = await db.conversations.bulkGet(scope.ids);
    const out: ConversationWithMessages[] = [];
    for (const [i, c] of found.entries()) {
      if (!c) throw new TransferError('not-found', 'A conversation chosen for export is no longer in your library. Choose again.');
      out.push(withMessages(c, await db.messages.where('conversationId').equals(c.id).toArray()));
      onProgress?.(i + 1, found.length);
    }
    return out;
  }

  async function readComparisons(scope: ExportScope): Promise<StoredComparison[]> {
    if (scope.kind === 'all') return db.comparisons.toArray();
    const found = await db.comparisons.bulkGet(scope.comparisonIds ?? []);
    if (found.some((c) => !c)) throw new TransferError('not-found', 'A comparison chosen for export is no longer in your library. Choose again.');
    return found as StoredComparison[];
  }

  return {
    /** One consistent snapshot of the chosen conversations and comparisons (or all), with every message of every branch. */
    readForExport: (scope: ExportScope, onProgress?: (done: number, total: number) => void): Promise<ExportSelection> =>
      db.transaction('r', db.conversations, db.messages, db.comparisons, async () => ({
        comparisons: await readComparisons(scope),
        conversations: await readConversations(scope, onProgress),
      })),

    /** What importing would do right now (nothing is written). */
    planImport: (bundle: ImportBundle): Promise<ImportPlan> => db.transaction('r', db.conversations, db.messages, db.comparisons, () => plan(bundle)),

    /**
     * Plans again inside the write transaction (the library may have changed
     * since the preview) and writes everything, or nothing if anything fails.
     */
    async commitImport(bundle: ImportBundle, options: CommitOptions): Promise<ImportPlan> {
      try {
        return await db.transaction('rw', db.conversations, db.messages, db.comparisons, async () => {
          const planned = await plan(bundle);
          const comparisons = planned.comparisons.filter((p) => p.action !== 'skip').map((p) => (p.action === 'copy' ? comparisonWithNewId(p.incoming, options.newId) : p.incoming));
          await db.comparisons.bulkAdd(comparisons.map((c) => ({ ...c })));
          const writes = planned.conversations.filter((p) => p.action !== 'skip').map((p) => (p.action === 'copy' ? withNewIds(p.incoming, options.newId) : p.incoming));
          await db.conversations.bulkAdd(writes.map((w) => ({ ...w.conversation })));
          const messages = writes.flatMap((w) => w.messages.map((m): StoredMessage => ({ ...m, conversationId: w.conversation.id })));
          for (let at = 0; at < messages.length; at += WRITE_CHUNK) {
            const chunk = messages.slice(at, at + WRITE_CHUNK);
            for (const m of chunk) m.words = wordsOf(m.content);
            await db.messages.bulkAdd(chunk);
            options.onProgress?.(at + chunk.length, messages.length);
          }
          return planned;
        });
      } catch (error) {
        if (error instanceof TransferError) throw error;
        const name = error instanceof Error ? error.name : '';
        const why = /Quota/i.test(name) || /quota/i.test(String(error)) ? 'there is not enough storage space for it' : `the browser refused to save it (${String(error instanceof Error ? error.message : error).slice(0, 300)})`;
        throw new TransferError('storage-failed', `Nothing was imported: ${why}.`);
      }
    },
  };
}

export type TransferRepo = ReturnType<typeof createTransferRepo>;
