/** Side-by-side comparisons: each is stored whole (columns, threads, question set, judging). */
import type { ChatDatabase } from './database';
import type { ComparisonVariant, StoredComparison } from './records';

export type ComparisonsRepoErrorCode = 'empty-title' | 'not-found';

export class ComparisonsRepoError extends Error {
  constructor(
    readonly code: ComparisonsRepoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ComparisonsRepoError';
  }
}

const cleanTitle = (title: string) => {
  const clean = title.trim().replace(/\s+/g, ' ').slice(0, 200);
  if (!clean) throw new ComparisonsRepoError('empty-title', 'A title cannot be empty.');
  return clean;
};

export function createComparisonsRepo(db: ChatDatabase) {
  return {
    async create(input: { title: string; columns: ComparisonVariant[]; now?: number }): Promise<StoredComparison> {
      const now = input.now ?? Date.now();
      const comparison: StoredComparison = {
        id: crypto.randomUUID(),
        title: cleanTitle(input.title),
        createdAt: now,
        updatedAt: now,
        columns: input.columns,
        inputs: [],
        threads: Object.fromEntries(input.columns.map((c) => [c.id, []])),
        questions: [],
        votes: [],
        notes: '',
        pair: input.columns.length >= 2 ? { a: input.columns[0]!.id, b: input.columns[1]!.id } : null,
      };
      await db.comparisons.add(comparison);
      return comparison;
    },

    get: (id: string) => db.comparisons.get(id),

    /** Most recently changed first. */
    list: (limit = 500) => db.comparisons.orderBy('updatedAt').reverse().limit(limit).toArray(),

    /** Stores the whole comparison as it is now; `updatedAt` moves to `now`. */
    async save(comparison: StoredComparison, now = Date.now()): Promise<StoredComparison> {
      const saved = { ...comparison, updatedAt: Math.max(now, comparison.createdAt) };
      await db.comparisons.put(saved);
      return saved;
    },

    async rename(id: string, title: string): Promise<void> {
      const changed = await db.comparisons.update(id, { title: cleanTitle(title), updatedAt: Date.now() });
      if (!changed) throw new ComparisonsRepoError('not-found', 'This comparison no longer exists.');
    },

    remove: (id: string) => db.comparisons.delete(id),
  };
}

export type ComparisonsRepo = ReturnType<typeof createComparisonsRepo>;
