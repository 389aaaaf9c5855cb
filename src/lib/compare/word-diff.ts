/**
 * Word-level diff of two texts by longest common subsequence. Words are
 * compared exactly; the whitespace after each word travels with it, so
 * joining the 'same' and 'added' parts gives the newer text back.
 */

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export interface WordDiff {
  parts: DiffPart[];
  added: number;
  removed: number;
  /** The texts were too long to align word by word; the differing middle is shown as replaced. */
  approximate: boolean;
}

/** Beyond this many cells (words of A × words of B) the middle is not aligned. */
export const MAX_DIFF_CELLS = 4_000_000;

interface Word {
  word: string;
  /** The word with the whitespace that follows it. */
  text: string;
}

/** The words of `text` after its leading whitespace, each with the whitespace that follows it. */
export function splitWords(text: string): Word[] {
  return [...text.matchAll(/(\S+)(\s*)/g)].map((match) => ({ word: match[1]!, text: match[0] }));
}

/** Whitespace is never a difference: shared words, and the text's start, take theirs from the newer text. */
export function diffWords(before: string, after: string): WordDiff {
  const a = splitWords(before);
  const b = splitWords(after);
  const leading = /^\s*/.exec(after)![0];
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.word === b[start]!.word) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]!.word === b[endB - 1]!.word) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], word: Word) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += word.text;
    else parts.push({ kind, text: word.text });
  };
  if (leading) parts.push({ kind: 'same', text: leading });
  for (let i = 0; i < start; i++) push('same', b[i]!);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const approximate = midA.length * midB.length > MAX_DIFF_CELLS;
  const ops = approximate ? [...midA.map(() => 'removed' as const), ...midB.map(() => 'added' as const)] : alignWords(midA, midB);
  let i = 0;
  let j = 0;
  let added = 0;
  let removed = 0;
  for (const op of ops) {
    if (op === 'same') {
      push('same', midB[j++]!);
      i++;
    } else if (op === 'removed') {
      push('removed', midA[i++]!);
      removed++;
    } else {
      push('added', midB[j++]!);
      added++;
    }
  }
  for (let k = endB; k < b.length; k++) push('same', b[k]!);
  return { parts, added, removed, approximate };
}

/** Classic LCS table, walked from the start; removals are listed before additions at a change. */
function alignWords(a: Word[], b: Word[]): ('same' | 'added' | 'removed')[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i]!.word === b[j]!.word ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: ('same' | 'added' | 'removed')[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.word === b[j]!.word) {
      ops.push('same');
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      ops.push('removed');
      i++;
    } else {
      ops.push('added');
      j++;
    }
  }
  while (i++ < n) ops.push('removed');
  while (j++ < m) ops.push('added');
  return ops;
}
