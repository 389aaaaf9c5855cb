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
 * Above this many messages with a word starting with the lead term, reading
 * them all costs more than reading the newest messages until enough match.
 * About sqrt(limit × library size) for 50 results in 20,000 messages.
 */
const COMMON_FROM = 1000;

export function createSearchRepo(db: ChatDatabase) {
  /**
   * Messages that pass `matches` (every term), newest first. When one of the
   * terms is rare, the messages with it are read through the word index. When
   * every term is common, messages are read newest first until `limit` match,
   * which for common words is soon. Either way a query reads about a thousand
   * messages in a library of 20,000.
   */
  async function newestMatching(terms: string[], matches: (m: StoredMessage) => boolean, limit: number): Promise<StoredMessage[]> {
    const byWord = (term: string) => db.messages.where('words').startsWith(term);
    const counts = await Promise.all(terms.map(async (term) => ({ term, n: (await byWord(term).limit(COMMON_FROM).primaryKeys()).length })));
    const rarest = counts.reduce((a, b) => (b.n < a.n ? b : a));
    if (rarest.n >= COMMON_FROM) return db.messages.orderBy('createdAt').reverse().filter(matches).limit(limit).toArray();
    const unique = new Map((await byWord(rarest.term).toArray()).map((m) => [m.id, m]));
    return [...unique.values()].filter(matches).sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
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
