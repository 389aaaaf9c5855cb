/** Full-text search over conversation titles and message text. */
import { queryTerms, snippetAround, wordsOf } from '../lib/search-words';
import type { ChatDatabase } from './database';
import type { StoredMessage } from './records';

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  /** null when the title matched. */
  messageId: string | null;
  snippet: string;
  createdAt: number;
}

/**
 * Above this many messages with a word starting with a term, reading them all
 * costs more than reading the newest messages until enough match. About
 * sqrt(limit × library size) for 50 results in 20,000 messages.
 */
const COMMON_FROM = 1000;
/**
 * When every term is common, this many of the newest messages are read at
 * most before the messages with every term are found from the word index.
 */
const SCAN_NEWEST = 1000;
const BATCH = 64;

export function createSearchRepo(db: ChatDatabase) {
  const byWord = (term: string) => db.messages.where('words').startsWith(term);
  const newestFirst = (list: Iterable<StoredMessage | undefined>, matches: (m: StoredMessage) => boolean) =>
    [...list].filter((m): m is StoredMessage => m !== undefined && matches(m)).sort((a, b) => b.createdAt - a.createdAt);

  /** The newest of the messages `ids` that pass `matches`: read whole if few, else newest first by the time index. */
  async function newestOf(ids: string[], matches: (m: StoredMessage) => boolean, limit: number): Promise<StoredMessage[]> {
    if (ids.length <= COMMON_FROM) return newestFirst(await db.messages.bulkGet(ids), matches).slice(0, limit);
    const wanted = new Set(ids);
    const ordered = (await db.messages.orderBy('createdAt').primaryKeys()).filter((id) => wanted.has(id)).reverse();
    const found: StoredMessage[] = [];
    for (let at = 0; at < ordered.length && found.length < limit; at += BATCH) {
      const read = await db.messages.bulkGet(ordered.slice(at, at + BATCH));
      found.push(...read.filter((m): m is StoredMessage => m !== undefined && matches(m)));
    }
    return found.slice(0, limit);
  }

  /**
   * Messages that pass `matches` (every term), newest first. When one of the
   * terms is rare, the messages with it are read through the word index. When
   * every term is common, the newest messages are read until `limit` match,
   * which is usually soon; when they hold too few (the newest conversations
   * are about something else, or the words are rare together), the keys of
   * every term are intersected and only the newest of those are read.
   */
  async function newestMatching(terms: string[], matches: (m: StoredMessage) => boolean, limit: number): Promise<StoredMessage[]> {
    const counts = await Promise.all(terms.map(async (term) => ({ term, n: (await byWord(term).limit(COMMON_FROM).primaryKeys()).length })));
    const rarest = counts.reduce((a, b) => (b.n < a.n ? b : a));
    if (rarest.n < COMMON_FROM) return newestFirst(new Map((await byWord(rarest.term).toArray()).map((m) => [m.id, m])).values(), matches).slice(0, limit);

    let scanned = 0;
    const newest = await db.messages.orderBy('createdAt').reverse().until(() => ++scanned > SCAN_NEWEST).filter(matches).limit(limit).toArray();
    if (newest.length >= limit || scanned <= SCAN_NEWEST) return newest;
    const keys = await Promise.all(terms.map((term) => byWord(term).primaryKeys()));
    const inAll = keys.reduce((kept, next) => {
      const set = new Set(next);
      return kept.filter((id) => set.has(id));
    });
    return newestOf([...new Set(inAll)], matches, limit);
  }

  return {
    /** Every term must match the start of a word; newest first. */
    async search(query: string, limit = 50): Promise<SearchHit[]> {
      const terms = queryTerms(query);
      if (!terms.length) return [];
      const hasAll = (words: readonly string[]) => terms.every((t) => words.some((w) => w.startsWith(t)));
      const [conversations, messages] = await Promise.all([db.conversations.toArray(), newestMatching(terms, (m) => hasAll(m.words ?? []), limit)]);
      const titles = new Map(conversations.map((c) => [c.id, c.title]));
      const titleHits: SearchHit[] = conversations
        .filter((c) => hasAll(wordsOf(c.title)))
        .map((c) => ({ conversationId: c.id, conversationTitle: c.title, messageId: null, snippet: c.title, createdAt: c.updatedAt }));
      const messageHits: SearchHit[] = messages.map((m) => ({
        conversationId: m.conversationId,
        conversationTitle: titles.get(m.conversationId) ?? 'Untitled',
        messageId: m.id,
        snippet: snippetAround(m.content, terms),
        createdAt: m.createdAt,
      }));
      return [...titleHits, ...messageHits].slice(0, limit);
    },
  };
}
