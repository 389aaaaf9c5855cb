/** One run of a comparison: a column answering one shared input (a turn) or one question of the set. */
import type { ComparisonReply } from '../../db';
import type { ModelRecord } from '../../models/records';
import { useCompareStore } from '../../store/compare-store';
import { setQuestionReply, setTurnReply } from './comparison-edits';

export interface CompareRun {
  /** `<column>:r<round>` or `<column>:q<row>`. */
  key: string;
  comparisonId: string;
  columnId: string;
  kind: 'turn' | 'question';
  /** The round (turn) or row (question). */
  index: number;
  record: ModelRecord;
  /** Runs of one column keep their order. */
  lane: string;
  modelId: string;
}

export const runKey = (columnId: string, kind: CompareRun['kind'], index: number) => `${columnId}:${kind === 'turn' ? 'r' : 'q'}${index}`;

export function compareRun(comparisonId: string, columnId: string, kind: CompareRun['kind'], index: number, record: ModelRecord): CompareRun {
  return { key: runKey(columnId, kind, index), comparisonId, columnId, kind, index, record, lane: columnId, modelId: record.id };
}

/** Writes a run's reply into the open comparison (if it is still the one open). */
export function recordReply(run: CompareRun, reply: ComparisonReply): void {
  useCompareStore.getState().update((doc) => {
    if (doc.id !== run.comparisonId) return doc;
    return run.kind === 'turn' ? setTurnReply(doc, run.columnId, run.index, reply) : setQuestionReply(doc, run.index, run.columnId, reply);
  });
}

