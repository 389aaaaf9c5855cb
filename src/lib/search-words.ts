/** Words for full-text search: lower-case letter/digit runs, unique, bounded. */

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORDS = 2000;
const MAX_WORD_LENGTH = 40;

export function wordsOf(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].slice(0, MAX_WORD_LENGTH);
    if (word.length < 2 && !/\p{Lo}/u.test(word)) continue;
    seen.add(word);
    if (seen.size >= MAX_WORDS) break;
  }
  return [...seen];
}

/** The query's terms, unique, longest first. */
export function queryTerms(query: string): string[] {
  return [...new Set(query.toLowerCase().match(WORD) ?? [])].sort((a, b) => b.length - a.length);
}

/** A short excerpt around the first match of any term. */
export function snippetAround(text: string, terms: readonly string[], radius = 60): string {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const index = at === Number.MAX_SAFE_INTEGER ? 0 : at;
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + radius * 2);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}
