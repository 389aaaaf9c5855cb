import { describe, expect, it } from 'vitest';
import { MAX_QUESTIONS, QuestionListError, questionsFromFile, questionsFromJson, questionsFromLines } from './question-list';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return err instanceof QuestionListError ? err.code : 'other';
  }
  return null;
};

describe('question sets', () => {
  it('takes one question per non-empty line, trimmed, whatever the line endings', () => {
    expect(questionsFromLines(' First \r\n\r\nSecond\rThird\n\n')).toEqual(['First', 'Second', 'Third']);
  });

  it('reads a JSON array of strings', () => {
    expect(questionsFromJson('\uFEFF["a", " b ", ""]')).toEqual(['a', 'b']);
  });

  it('explains what is wrong with a file', () => {
    expect(codeOf(() => questionsFromJson('{"a":1}'))).toBe('not-a-list');
    expect(codeOf(() => questionsFromJson('[1, 2]'))).toBe('not-a-list');
    expect(codeOf(() => questionsFromJson('[oops'))).toBe('invalid-json');
    expect(codeOf(() => questionsFromLines('  \n '))).toBe('empty');
    expect(codeOf(() => questionsFromLines(Array.from({ length: MAX_QUESTIONS + 1 }, (_, i) => `q${i}`).join('\n')))).toBe('too-many');
    expect(codeOf(() => questionsFromLines('x'.repeat(5000)))).toBe('too-long');
    expect(codeOf(() => questionsFromFile('questions.csv', 'a'))).toBe('unsupported-file');
  });

  it('picks the reader by file extension', () => {
    expect(questionsFromFile('set.TXT', 'a\nb')).toEqual(['a', 'b']);
    expect(questionsFromFile('set.json', '["a"]')).toEqual(['a']);
  });
});
