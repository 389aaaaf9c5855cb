/**
 * File names for exports: `wizardvicuna-2026-11-24-my-title.md`, `wizardvicuna-library-2026-11-24.json`,
 * `wizardvicuna-2026-11-24-3-conversations-2-comparisons.json`.
 */

export type ExportFileFormat = 'json' | 'markdown' | 'text' | 'html';
/** `all`: every conversation, and in JSON every comparison; `ids`: the chosen ones (comparisons go into JSON only). */
export type ExportScope = { kind: 'all' } | { kind: 'ids'; ids: string[]; comparisonIds?: string[] };

const EXTENSIONS: Record<ExportFileFormat, string> = { json: 'json', markdown: 'md', text: 'txt', html: 'html' };

export const MIME_TYPES: Record<ExportFileFormat, string> = {
  json: 'application/json',
  markdown: 'text/markdown;charset=utf-8',
  text: 'text/plain;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** Lower-case letters and digits (any script) joined by dashes, at most 60 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'conversation';
}

/** The local calendar date, YYYY-MM-DD. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `titles`: of the exported conversations; `comparisonTitles`: of the exported comparisons. */
export function exportFileName(what: { scope: ExportScope; titles: string[]; comparisonTitles?: string[] }, format: ExportFileFormat, now: Date): string {
  const date = localDate(now);
  const ext = EXTENSIONS[format];
  if (what.scope.kind === 'all') return `wizardvicuna-library-${date}.${ext}`;
  const comparisons = what.comparisonTitles ?? [];
  const all = [...what.titles, ...comparisons];
  if (all.length === 1) return `wizardvicuna-${date}-${slugify(all[0]!)}.${ext}`;
  const counts = [
    ...(what.titles.length || !comparisons.length ? [`${what.titles.length}-conversation${what.titles.length === 1 ? '' : 's'}`] : []),
    ...(comparisons.length ? [`${comparisons.length}-comparison${comparisons.length === 1 ? '' : 's'}`] : []),
  ];
  return `wizardvicuna-${date}-${counts.join('-')}.${ext}`;
}
