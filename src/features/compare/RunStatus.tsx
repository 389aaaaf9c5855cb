/** Where a column's latest run is: waiting / loading model / running / done / stopped / failed, in words and a symbol. */
import type { ComparisonReply } from '../../db';
import { useCompareStore, type RunPhase } from '../../store/compare-store';

const SHOWN: Record<RunPhase | 'idle' | 'interrupted', { symbol: string; text: string }> = {
  idle: { symbol: '○', text: 'Not run yet' },
  waiting: { symbol: '⏳', text: 'Waiting for the GPU' },
  loading: { symbol: '⇅', text: 'Loading model…' },
  running: { symbol: '▶', text: 'Running' },
  done: { symbol: '✓', text: 'Done' },
  stopped: { symbol: '■', text: 'Stopped' },
  failed: { symbol: '✕', text: 'Failed' },
  unrunnable: { symbol: '⚠', text: 'Cannot run here' },
  interrupted: { symbol: '■', text: 'Interrupted' },
};

const FROM_REPLY: Record<ComparisonReply['status'], RunPhase | 'interrupted'> = { complete: 'done', stopped: 'stopped', error: 'failed', interrupted: 'interrupted' };

/** `latest`: the column's last saved reply, shown after a reload when no run state is in memory. */
export function RunStatus({ columnId, latest }: { columnId: string; latest: ComparisonReply | null | undefined }) {
  const run = useCompareStore((s) => s.columnRuns[columnId]);
  const phase = run?.phase ?? (latest ? FROM_REPLY[latest.status] : 'idle');
  const note = run ? run.note : latest?.status === 'error' ? latest.error?.message : undefined;
  const shown = SHOWN[phase];
  const detail = note && note !== shown.text ? note : null;
  return (
    <p className="run-status" data-phase={phase} data-testid="column-status" role="status">
      <span aria-hidden="true" className="run-symbol">{shown.symbol}</span> <strong>{shown.text}</strong>
      {detail && <span className="run-detail"> — {detail}</span>}
    </p>
  );
}
