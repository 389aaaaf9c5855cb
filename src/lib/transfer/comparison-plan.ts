/**
 * Merging imported comparisons, by the conversations' rules: unchanged and
 * already present is skipped, an id taken by different content comes in as a
 * copy under a new id, the rest is added. Nothing stored is overwritten.
 */
import { exportComparison, type TransferComparison } from './comparison-format';
import type { ImportAction } from './import-plan';

export type ComparisonReason = 'new' | 'already-present' | 'id-taken';

export interface PlannedComparison {
  action: ImportAction;
  reason: ComparisonReason;
  incoming: TransferComparison;
}

export const COMPARISON_REASON_TEXT: Record<ComparisonReason, string> = {
  new: 'new',
  'already-present': 'already in your library, unchanged',
  'id-taken': 'a different comparison with the same id is in your library, so it comes in as a copy',
};

/** JSON with every object's keys in order, so the order of a lookup table's entries does not count. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Equal when every stored field matches. */
export function sameComparison(a: TransferComparison, b: TransferComparison): boolean {
  return canonical(exportComparison(a)) === canonical(exportComparison(b));
}

/** `stored`: the library's comparisons whose ids the import uses. */
export function planComparisons(incoming: readonly TransferComparison[], stored: ReadonlyMap<string, TransferComparison>): PlannedComparison[] {
  return incoming.map((c): PlannedComparison => {
    const present = stored.get(c.id);
    if (!present) return { action: 'add', reason: 'new', incoming: c };
    return sameComparison(present, c) ? { action: 'skip', reason: 'already-present', incoming: c } : { action: 'copy', reason: 'id-taken', incoming: c };
  });
}

/** Column ids belong to the comparison alone, so only its own id changes. */
export function comparisonWithNewId(c: TransferComparison, newId: () => string): TransferComparison {
  return { ...c, id: newId(), title: `${c.title} (imported copy)` };
}
