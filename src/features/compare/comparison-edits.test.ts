import { describe, expect, it } from 'vitest';
import type { ConversationSettings, StoredComparison } from '../../db';
import { addColumn, appendRound, clearRounds, duplicateColumn, moveColumn, newColumn, removeColumn, setQuestionReply, setQuestions, setSeedForAll, setTurnReply, setVote } from './comparison-edits';

const settings: ConversationSettings = { systemPrompt: 'S', temperature: 0, topP: 1, maxTokens: 8, repetitionPenalty: 1, stop: [] };

function twoColumns(): StoredComparison {
  const a = { ...newColumn([], 'm1', settings), id: 'a' };
  const b = { ...newColumn([a], 'm2', settings), id: 'b' };
  return { id: 'k', title: 'T', createdAt: 1, updatedAt: 1, columns: [a, b], inputs: [], threads: { a: [], b: [] }, questions: [], votes: [], notes: '', pair: { a: 'a', b: 'b' } };
}

const reply = (content: string) => ({ content, status: 'complete' as const, modelId: 'm1' });

describe('comparison edits', () => {
  it('labels new columns with the next free letter and caps them at four', () => {
    let doc = twoColumns();
    expect(doc.columns.map((c) => c.label)).toEqual(['A', 'B']);
    doc = addColumn(doc, newColumn(doc.columns, null, settings));
    doc = duplicateColumn(doc, 'a');
    expect(doc.columns.map((c) => c.label)).toEqual(['A', 'A copy', 'B', 'C']);
    expect(addColumn(doc, newColumn(doc.columns, null, settings))).toBe(doc);
    expect(Object.keys(doc.threads)).toHaveLength(4);
  });

  it('moves columns left and right within bounds', () => {
    const doc = twoColumns();
    expect(moveColumn(doc, 'b', -1).columns.map((c) => c.id)).toEqual(['b', 'a']);
    expect(moveColumn(doc, 'a', -1)).toBe(doc);
    expect(moveColumn(doc, 'b', 1)).toBe(doc);
  });

  it('keeps at least two columns, and removing one drops its thread, replies and votes', () => {
    let doc = addColumn(twoColumns(), { ...newColumn([], null, settings), id: 'c' });
    doc = setQuestionReply(setQuestions(doc, ['q']), 0, 'c', reply('x'));
    doc = setVote(doc, 0, 'a', 'c', 'tie');
    doc = { ...doc, pair: { a: 'a', b: 'c' } };
    doc = removeColumn(doc, 'c');
    expect(doc.columns.map((c) => c.id)).toEqual(['a', 'b']);
    expect(doc.threads).not.toHaveProperty('c');
    expect(doc.questions[0]!.replies).toEqual({});
    expect(doc.votes).toEqual([]);
    expect(doc.pair).toEqual({ a: 'a', b: 'b' });
    expect(removeColumn(doc, 'a')).toBe(doc);
  });

  it('appends a round to every thread, filling replies in by round', () => {
    let doc = appendRound(twoColumns(), 'Hi', { a: 'Hi', b: 'Say: Hi' }, {});
    doc = appendRound(doc, 'More', { a: 'More', b: 'Say: More' }, { b: { content: '', status: 'error', modelId: null } });
    doc = setTurnReply(doc, 'a', 1, reply('second'));
    expect(doc.inputs).toEqual(['Hi', 'More']);
    expect(doc.threads.a!.map((t) => [t.round, t.prompt, t.reply?.content ?? null])).toEqual([[0, 'Hi', null], [1, 'More', 'second']]);
    expect(doc.threads.b!.map((t) => [t.prompt, t.reply?.status ?? null])).toEqual([['Say: Hi', null], ['Say: More', 'error']]);
    expect(clearRounds(doc)).toMatchObject({ inputs: [], threads: { a: [], b: [] }, votes: [] });
  });

  it('sets one seed in every column and one vote per round and pair', () => {
    const doc = setSeedForAll(twoColumns(), 42);
    expect(doc.columns.map((c) => c.settings.seed)).toEqual([42, 42]);
    const voted = setVote(setVote(doc, 0, 'a', 'b', 'a'), 0, 'a', 'b', 'both-bad');
    expect(voted.votes).toEqual([{ round: 0, a: 'a', b: 'b', verdict: 'both-bad' }]);
    expect(setVote(voted, 0, 'a', 'b', null).votes).toEqual([]);
  });
});
