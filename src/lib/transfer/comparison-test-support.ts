/** Builders for transfer tests: random valid comparisons, a hand-made one, and whole random libraries. */
import fc from 'fast-check';
import { REPLY_STATUSES, VERDICTS, type TransferComparison, type TransferReply, type TransferTurn } from './comparison-format';
import type { ConversationWithMessages } from './export-format';
import { conversationArbitrary, id, SETTINGS, settings, stats, text, time } from './transfer-test-support';

const columnId = id.filter((s) => !(s in Object.prototype));
const score = fc.integer({ min: 1, max: 10 });
const modelId = fc.option(fc.constantFrom('WizardVicuna-7B-q4f16_1-MLC', 'custom:abc'), { nil: null });

const reply: fc.Arbitrary<TransferReply> = fc
  .record({
    content: text,
    status: fc.constantFrom(...REPLY_STATUSES),
    modelId,
    extras: fc.record(
      {
        finishReason: fc.constantFrom('stop', 'length', 'abort', 'error'),
        stats,
        error: fc.record({ code: fc.constantFrom('cannot-run', 'device-lost'), message: text }),
        modelName: fc.constantFrom('WizardVicuna 7B', 'Tiny'),
        droppedMessages: fc.nat(20),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ extras, ...r }) => ({ ...r, ...extras }));

const MAX_COLUMNS = 4;
const perColumn = <T>(value: fc.Arbitrary<T>) => fc.array(value, { minLength: MAX_COLUMNS, maxLength: MAX_COLUMNS });

/** A comparison whose every column, input and round reference holds (as the Compare workspace keeps them). */
export const comparisonArbitrary: fc.Arbitrary<TransferComparison> = fc
  .record({
    id,
    title: text,
    createdAt: time,
    updatedAt: time,
    columns: fc.uniqueArray(fc.record({ id: columnId, label: text, modelId, template: text, settings }), { minLength: 2, maxLength: MAX_COLUMNS, selector: (c) => c.id }),
    inputs: fc.array(text, { maxLength: 4 }),
    threads: perColumn(
      fc.option(fc.array(fc.record({ round: fc.nat(), input: text, prompt: text, reply: fc.option(reply, { nil: null }), score: fc.option(score, { nil: undefined }) }), { maxLength: 4 }), { nil: null }),
    ),
    questions: fc.array(fc.record({ question: text, replies: perColumn(fc.option(reply, { nil: null })), scores: perColumn(fc.option(score, { nil: null })) }), { maxLength: 3 }),
    votes: fc.array(fc.record({ round: fc.nat(), a: fc.nat(), b: fc.nat(), verdict: fc.constantFrom(...VERDICTS) }), { maxLength: 4 }),
    notes: text,
    pair: fc.option(fc.record({ a: fc.nat(), b: fc.nat() }), { nil: null }),
  })
  .map((d): TransferComparison => {
    const ids = d.columns.map((c) => c.id);
    const column = (n: number) => ids[n % ids.length]!;
    const rounds = d.inputs.length;
    const byColumn = <T>(values: (T | null)[]) => Object.fromEntries(ids.flatMap((cid, i) => (values[i] === null ? [] : [[cid, values[i]!]])));
    const turns = d.threads.map((thread) =>
      thread === null
        ? null
        : thread.flatMap(({ round, score: s, ...t }): TransferTurn[] => (rounds ? [{ round: round % rounds, ...t, ...(s === undefined ? {} : { score: s }) }] : [])),
    );
    return {
      ...d,
      threads: byColumn(turns),
      questions: d.questions.map((q) => ({ question: q.question, replies: byColumn(q.replies), scores: byColumn(q.scores) })),
      votes: rounds ? d.votes.map((v) => ({ round: v.round % rounds, a: column(v.a), b: column(v.b), verdict: v.verdict })) : [],
      pair: d.pair && { a: column(d.pair.a), b: column(d.pair.b) },
    };
  });

export interface RandomLibrary {
  conversations: ConversationWithMessages[];
  comparisons: TransferComparison[];
}

/** Conversations and comparisons, never both empty. */
export const fullLibraryArbitrary: fc.Arbitrary<RandomLibrary> = fc
  .record({
    conversations: fc.uniqueArray(conversationArbitrary, { maxLength: 5, selector: (c) => c.conversation.id }),
    comparisons: fc.uniqueArray(comparisonArbitrary, { maxLength: 4, selector: (c) => c.id }),
  })
  .filter((l) => l.conversations.length + l.comparisons.length > 0);

const STATS = { promptTokens: 4, completionTokens: 9, timeToFirstTokenMs: 12, prefillTokensPerSecond: Infinity, decodeTokensPerSecond: 50.5, totalMs: 200 };

/** Two columns, two rounds, a question, a vote, a note: every part of a comparison filled in. */
export function handmadeComparison(compId: string, title = `Comparison ${compId}`): TransferComparison {
  const a = `${compId}-a`;
  const b = `${compId}-b`;
  const done = (content: string): TransferReply => ({ content, status: 'complete', finishReason: 'stop', stats: STATS, modelId: 'WizardVicuna-7B-q4f16_1-MLC', modelName: 'WizardVicuna 7B' });
  return {
    id: compId,
    title,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_100_000,
    columns: [
      { id: a, label: 'A', modelId: 'WizardVicuna-7B-q4f16_1-MLC', template: '{input}', settings: SETTINGS },
      { id: b, label: 'B', modelId: null, template: 'Briefly: {input}', settings: { ...SETTINGS, temperature: 0.2, seed: 7 } },
    ],
    inputs: ['Once upon a time', 'And then?'],
    threads: {
      [a]: [{ round: 0, input: 'Once upon a time', prompt: 'Once upon a time', reply: done('there was a llama'), score: 8 }, { round: 1, input: 'And then?', prompt: 'And then?', reply: null }],
      [b]: [{ round: 0, input: 'Once upon a time', prompt: 'Briefly: Once upon a time', reply: { content: '', status: 'error', error: { code: 'cannot-run', message: 'Cannot run here: no model' }, modelId: null } }],
    },
    questions: [{ question: 'Capital of Norway?', replies: { [a]: done('Oslo') }, scores: { [a]: 10 } }],
    votes: [{ round: 0, a, b, verdict: 'a' }],
    notes: 'A tells better stories.',
    pair: { a, b },
  };
}
