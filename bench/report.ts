/** Results: one row per measured number, with its budget; printed as a table and written as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Budget {
  op: '<=' | '<' | '>=' | '=';
  limit: number;
}

export interface Metric {
  suite: string;
  name: string;
  /** null: could not be measured here (see note). */
  value: number | null;
  unit: string;
  budget?: Budget;
  note?: string;
}

export type Verdict = 'pass' | 'FAIL' | 'info' | 'n/a';

export function verdictOf(m: Metric): Verdict {
  if (m.value === null) return 'n/a';
  if (!m.budget) return 'info';
  const { op, limit } = m.budget;
  const ok = op === '<=' ? m.value <= limit : op === '<' ? m.value < limit : op === '>=' ? m.value >= limit : m.value === limit;
  return ok ? 'pass' : 'FAIL';
}

const SYMBOL: Record<Budget['op'], string> = { '<=': '≤', '<': '<', '>=': '≥', '=': '=' };

function formatNumber(value: number, unit: string): string {
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

export const formatValue = (m: Metric) => (m.value === null ? 'not available' : formatNumber(m.value, m.unit));
export const formatBudget = (m: Metric) => (m.budget ? `${SYMBOL[m.budget.op]} ${formatNumber(m.budget.limit, m.unit)}` : '');

export function printTable(metrics: Metric[]): void {
  const rows = metrics.map((m) => [`${m.suite}: ${m.name}`, formatValue(m), formatBudget(m), verdictOf(m), m.note ?? '']);
  const header = ['benchmark', 'value', 'budget', 'result', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
}

export function writeJson(path: string, metrics: Metric[], extra: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true });
  const rows = metrics.map((m) => ({ ...m, verdict: verdictOf(m) }));
  writeFileSync(path, `${JSON.stringify({ ...extra, failed: rows.filter((r) => r.verdict === 'FAIL').length, metrics: rows }, null, 2)}\n`);
}

/** The q-quantile (0…1) of `values`, interpolating between neighbours. */
export const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
};

export const median = (values: number[]): number => quantile(values, 0.5);
