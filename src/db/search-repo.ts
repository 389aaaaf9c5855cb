/** Full-text search over conversation titles and message text. */
import { queryTerms, snippetAround, wordsOf } from '../lib/search-words';
import type { ChatDatabase } from './database';

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  /** null when the title matched. */
  messageId: string | null;
  snippet: string;
  createdAt: number;
}

export function createSearchRepo(db: ChatDatabase) {
  return {
    /** Every term must match the start of a word; newest first. */
    async search(query: string, limit = 50): Promise<SearchHit[]> {
      const terms = queryTerms(query);
      if (!terms.length) return [];
      const [lead, ...rest] = terms;
      const hasAll = (words: readonly string[]) => rest.every((t) => words.some((w) => w.startsWith(t)));
      const [conversations, messages] = await Promise.all([
        db.conversations.toArray(),
        db.messages.where('words').startsWith(lead!).distinct().filter((m) => hasAll(m.words ?? [])).toArray(),
      ]);
      const titles = new Map(conversations.map((c) => [c.id, c.title]));
      const titleHits: SearchHit[] = conversations
        .filter((c) => {
          const words = wordsOf(c.title);
          return words.some((w) => w.startsWith(lead!)) && hasAll(words);
        })
        .map((c) => ({ conversationId: c.id, conversationTitle: c.title, messageId: null, snippet: c.title, createdAt: c.updatedAt }));
      const messageHits: SearchHit[] = messages
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, limit)
        .map((m) => ({
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
