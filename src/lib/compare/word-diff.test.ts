import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, MAX_DIFF_CELLS, splitWords } from './word-diff';

const side = (parts: ReturnType<typeof diffWords>['parts'], keep: 'added' | 'removed') =>
  parts.filter((p) => p.kind === 'same' || p.kind === keep).map((p) => p.text).join(keep === 'removed' ? ' ' : '');
const words = (text: string) => splitWords(text).map((w) => w.word).filter(Boolean);

describe('word diff', () => {
  it('marks a replaced word as removed then added, keeping shared words', () => {
    const diff = diffWords('the cat sat on the mat', 'the dog sat on the mat');
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'cat ' },
      { kind: 'added', text: 'dog ' },
      { kind: 'same', text: 'sat on the mat' },
    ]);
    expect(diff).toMatchObject({ added: 1, removed: 1, approximate: false });
  });

  it('finds the longest common subsequence, not just a common prefix and suffix', () => {
    const diff = diffWords('a b c d e', 'a x c y e');
    expect(diff.parts.map((p) => [p.kind, p.text.trim()])).toEqual([
      ['same', 'a'], ['removed', 'b'], ['added', 'x'], ['same', 'c'], ['removed', 'd'], ['added', 'y'], ['same', 'e'],
    ]);
  });

  it('handles empty texts and identical texts', () => {
    expect(diffWords('', '')).toEqual({ parts: [], added: 0, removed: 0, approximate: false });
    expect(diffWords('', 'new words')).toMatchObject({ parts: [{ kind: 'added', text: 'new words' }], added: 2, removed: 0 });
    expect(diffWords('old', '')).toMatchObject({ parts: [{ kind: 'removed', text: 'old' }], removed: 1 });
    expect(diffWords('same text here', 'same text here').parts).toEqual([{ kind: 'same', text: 'same text here' }]);
  });

  it('never counts whitespace as a difference', () => {
    expect(diffWords('a  b\n', ' a b')).toEqual({ parts: [{ kind: 'same', text: ' a b' }], added: 0, removed: 0, approximate: false });
    expect(diffWords(', there was', ' She was').parts).toEqual([
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: ', there ' },
      { kind: 'added', text: 'She ' },
      { kind: 'same', text: 'was' },
    ]);
  });

  it('compares words exactly (case and punctuation count)', () => {
    expect(diffWords('Lily, the girl', 'Lily the girl')).toMatchObject({ added: 1, removed: 1 });
  });

  it('gives up aligning very long texts and says so', () => {
    const n = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 2;
    const a = Array.from({ length: n }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: n }, (_, i) => `b${i}`).join(' ');
    const diff = diffWords(`start ${a} end`, `start ${b} end`);
    expect(diff.approximate).toBe(true);
    expect(diff).toMatchObject({ added: n, removed: n });
  });

  it('always rebuilds both texts word for word, with a minimal edit count', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 14 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const diff = diffWords(a, b);
        expect(words(side(diff.parts, 'removed'))).toEqual(words(a));
        expect(side(diff.parts, 'added')).toBe(b);
        // |a| - removed = |b| - added = the common subsequence length, which no edit can beat.
        expect(words(a).length - diff.removed).toBe(words(b).length - diff.added);
        expect(diff.removed + diff.added).toBeLessThanOrEqual(words(a).length + words(b).length);
      }),
    );
  });
});
