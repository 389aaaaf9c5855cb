/** The question set as a results table, downloaded as Markdown, CSV or JSON. */
import type { StoredComparison } from '../../db';
import { resultsToCsv, resultsToJson, resultsToMarkdown, type ResultsTable } from '../../lib/compare/results-table';
import { localDate, slugify } from '../../lib/transfer/export-file-names';
import type { ModelRecord } from '../../models/records';
import { saveDownload } from '../transfer/save-download';

export type ResultsFormat = 'markdown' | 'csv' | 'json';

const FORMATS: Record<ResultsFormat, { write: (t: ResultsTable) => string; extension: string; type: string }> = {
  markdown: { write: resultsToMarkdown, extension: 'md', type: 'text/markdown;charset=utf-8' },
  csv: { write: resultsToCsv, extension: 'csv', type: 'text/csv;charset=utf-8' },
  json: { write: resultsToJson, extension: 'json', type: 'application/json' },
};

export function resultsTable(doc: StoredComparison, catalog: readonly ModelRecord[]): ResultsTable {
  return {
    title: doc.title,
    variants: doc.columns.map((c) => ({ label: c.label, model: catalog.find((r) => r.id === c.modelId)?.name ?? c.modelId ?? 'no model', template: c.template })),
    rows: doc.questions.map((q) => ({
      question: q.question,
      cells: doc.columns.map((c) => {
        const reply = q.replies[c.id];
        return { reply: reply?.content ?? '', score: q.scores[c.id] ?? null, status: reply?.status ?? 'not run' };
      }),
    })),
  };
}

export function downloadResults(doc: StoredComparison, catalog: readonly ModelRecord[], format: ResultsFormat, now = new Date()): void {
  const { write, extension, type } = FORMATS[format];
  saveDownload(new Blob([write(resultsTable(doc, catalog))], { type }), `wizardvicuna-compare-${localDate(now)}-${slugify(doc.title)}.${extension}`);
}
