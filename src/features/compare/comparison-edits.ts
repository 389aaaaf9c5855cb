/** Pure changes to a comparison: columns, rounds, replies and judging. Each returns a new object. */
import type { ComparisonReply, ComparisonVariant, ComparisonVerdict, ConversationSettings, StoredComparison } from '../../db';

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
const LABELS = ['A', 'B', 'C', 'D', 'E', 'F'];

export function nextLabel(columns: readonly ComparisonVariant[]): string {
  const used = new Set(columns.map((c) => c.label));
  return LABELS.find((l) => !used.has(l)) ?? `Column ${columns.length + 1}`;
}

export function newColumn(columns: readonly ComparisonVariant[], modelId: string | null, settings: ConversationSettings): ComparisonVariant {
  return { id: crypto.randomUUID(), label: nextLabel(columns), modelId, template: '{input}', settings: { ...settings, stop: [...settings.stop] } };
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

const withColumns = (doc: StoredComparison, columns: ComparisonVariant[]): StoredComparison => {
  const ids = new Set(columns.map((c) => c.id));
  const pair = doc.pair && ids.has(doc.pair.a) && ids.has(doc.pair.b) ? doc.pair : columns.length >= 2 ? { a: columns[0]!.id, b: columns[1]!.id } : null;
  return { ...doc, columns, pair };
};

export function addColumn(doc: StoredComparison, column: ComparisonVariant): StoredComparison {
  if (doc.columns.length >= MAX_COLUMNS) return doc;
  return { ...withColumns(doc, [...doc.columns, column]), threads: { ...doc.threads, [column.id]: [] } };
}

/** A copy of the column's setup (not its replies), placed right after it. */
export function duplicateColumn(doc: StoredComparison, id: string): StoredComparison {
  const index = doc.columns.findIndex((c) => c.id === id);
  if (index < 0 || doc.columns.length >= MAX_COLUMNS) return doc;
  const source = doc.columns[index]!;
  const copy: ComparisonVariant = { ...source, id: crypto.randomUUID(), label: `${source.label} copy`, settings: { ...source.settings, stop: [...source.settings.stop] } };
  const columns = [...doc.columns.slice(0, index + 1), copy, ...doc.columns.slice(index + 1)];
  return { ...withColumns(doc, columns), threads: { ...doc.threads, [copy.id]: [] } };
}

export function moveColumn(doc: StoredComparison, id: string, by: -1 | 1): StoredComparison {
  const from = doc.columns.findIndex((c) => c.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= doc.columns.length) return doc;
  const columns = [...doc.columns];
  [columns[from], columns[to]] = [columns[to]!, columns[from]!];
  return { ...doc, columns };
}

/** Removes the column with its thread, its question replies and the votes that involve it. */
export function removeColumn(doc: StoredComparison, id: string): StoredComparison {
  if (doc.columns.length <= MIN_COLUMNS) return doc;
  const threads = { ...doc.threads };
  delete threads[id];
  const questions = doc.questions.map((q) => ({ ...q, replies: without(q.replies, id), scores: without(q.scores, id) }));
  const votes = doc.votes.filter((v) => v.a !== id && v.b !== id);
  return { ...withColumns(doc, doc.columns.filter((c) => c.id !== id)), threads, questions, votes };
}

export function updateColumn(doc: StoredComparison, id: string, patch: Partial<Omit<ComparisonVariant, 'id'>>): StoredComparison {
  return { ...doc, columns: doc.columns.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

export function setSeedForAll(doc: StoredComparison, seed: number): StoredComparison {
  return { ...doc, columns: doc.columns.map((c) => ({ ...c, settings: { ...c.settings, seed } })) };
}

/**
 * Adds a shared input as a new round: a turn in every column's thread with
 * the prompt its template made, and a reply already set for columns that
 * will not run (why they cannot).
 */
export function appendRound(doc: StoredComparison, input: string, prompts: Record<string, string>, blocked: Record<string, ComparisonReply>): StoredComparison {
  const round = doc.inputs.length;
  const threads = { ...doc.threads };
  for (const column of doc.columns) {
    threads[column.id] = [...(threads[column.id] ?? []), { round, input, prompt: prompts[column.id] ?? input, reply: blocked[column.id] ?? null }];
  }
  return { ...doc, inputs: [...doc.inputs, input], threads };
}

/** Empties every thread and the per-turn judging, keeping the columns and the inputs to send again. */
export function clearRounds(doc: StoredComparison): StoredComparison {
  return { ...doc, inputs: [], threads: Object.fromEntries(doc.columns.map((c) => [c.id, []])), votes: [] };
}

export function setTurnReply(doc: StoredComparison, columnId: string, round: number, reply: ComparisonReply): StoredComparison {
  const thread = doc.threads[columnId];
  if (!thread) return doc;
  return { ...doc, threads: { ...doc.threads, [columnId]: thread.map((t) => (t.round === round ? { ...t, reply } : t)) } };
}

export function setTurnScore(doc: StoredComparison, columnId: string, round: number, score: number | undefined): StoredComparison {
  const thread = doc.threads[columnId];
  if (!thread) return doc;
  return { ...doc, threads: { ...doc.threads, [columnId]: thread.map((t) => (t.round === round ? { ...t, score } : t)) } };
}

export function setQuestions(doc: StoredComparison, questions: string[]): StoredComparison {
  return { ...doc, questions: questions.map((question) => ({ question, replies: {}, scores: {} })) };
}

export function setQuestionReply(doc: StoredComparison, row: number, columnId: string, reply: ComparisonReply): StoredComparison {
  return { ...doc, questions: doc.questions.map((q, i) => (i === row ? { ...q, replies: { ...q.replies, [columnId]: reply } } : q)) };
}

export function setQuestionScore(doc: StoredComparison, row: number, columnId: string, score: number | undefined): StoredComparison {
  return {
    ...doc,
    questions: doc.questions.map((q, i) => {
      if (i !== row) return q;
      const scores = without(q.scores, columnId);
      return { ...q, scores: score === undefined ? scores : { ...scores, [columnId]: score } };
    }),
  };
}

/** One vote per round and pair of columns; null clears it. */
export function setVote(doc: StoredComparison, round: number, a: string, b: string, verdict: ComparisonVerdict | null): StoredComparison {
  const votes = doc.votes.filter((v) => !(v.round === round && v.a === a && v.b === b));
  return { ...doc, votes: verdict ? [...votes, { round, a, b, verdict }] : votes };
}

export function setPair(doc: StoredComparison, a: string, b: string): StoredComparison {
  return { ...doc, pair: { a, b } };
}
