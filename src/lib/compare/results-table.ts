/**
 * A question set's results as a table (rows = questions, columns = variants)
 * and its exports: a Markdown table for a README, CSV (RFC 4180) and JSON.
 */

export interface ResultsVariant {
  label: string;
  model: string;
  template: string;
}

export interface ResultsCell {
  reply: string;
  /** 1–10, or null when not scored. */
  score: number | null;
  /** complete, stopped, error…; anything but complete is noted in Markdown. */
  status: string;
}

export interface ResultsTable {
  title: string;
  variants: ResultsVariant[];
  rows: { question: string; cells: ResultsCell[] }[];
}

function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
    .trim();
}

export function resultsToMarkdown(table: ResultsTable): string {
  const header = ['Question', ...table.variants.map((v) => `${v.label} (${v.model})`)];
  const lines = [`| ${header.map(markdownCell).join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`];
  for (const row of table.rows) {
    const cells = row.cells.map((c) => {
      const note = c.status === 'complete' ? '' : ` _(${c.status})_`;
      const score = c.score === null ? '' : ` **${c.score}/10**`;
      return `${markdownCell(c.reply)}${note}${score}`.trim();
    });
    lines.push(`| ${[markdownCell(row.question), ...cells].join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Spreadsheets run cells starting with these as formulas; a leading ' makes them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsToCsv(table: ResultsTable): string {
  const header = ['Question', ...table.variants.flatMap((v) => [v.label, `${v.label} score`])];
  const rows = table.rows.map((row) => [row.question, ...row.cells.flatMap((c) => [c.reply, c.score])]);
  return [header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function resultsToJson(table: ResultsTable): string {
  const document = {
    title: table.title,
    variants: table.variants,
    rows: table.rows.map((row) => ({
      question: row.question,
      results: row.cells.map((c, i) => ({ variant: table.variants[i]?.label ?? '', reply: c.reply, score: c.score, status: c.status })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
