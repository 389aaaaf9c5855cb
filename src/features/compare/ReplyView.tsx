/** A column's reply: the live text while it is written (throttled store field), else the saved reply with its stats. */
import type { ComparisonReply } from '../../db';
import type { GenerationStats } from '../../engine/port';
import { useCompareStore } from '../../store/compare-store';
import { MarkdownView } from '../../ui/markdown/MarkdownView';

const NOTES: Partial<Record<ComparisonReply['status'], string>> = {
  stopped: 'Stopped: this is what was written before stopping.',
  interrupted: 'Interrupted: the page closed while this reply was being written.',
};

export function formatStats(s: GenerationStats): string {
  return [
    `${s.completionTokens} tokens`,
    `first token ${Math.round(s.timeToFirstTokenMs)} ms`,
    `decode ${s.decodeTokensPerSecond.toFixed(1)} tok/s`,
    `total ${(s.totalMs / 1000).toFixed(2)} s`,
  ].join(' · ');
}

export function ReplyView({ runKey, reply }: { runKey: string; reply: ComparisonReply | null | undefined }) {
  const live = useCompareStore((s) => s.live[runKey]);
  const phase = useCompareStore((s) => s.runs[runKey]?.phase);
  if (live !== undefined) {
    return (
      <div className="compare-reply" data-testid="column-reply" data-status="streaming" aria-live="polite" aria-busy="true">
        <MarkdownView text={live} streaming />
        <span className="cursor" aria-hidden="true" />
      </div>
    );
  }
  if (!reply || (phase && reply.status === 'interrupted')) {
    return (
      <p className="compare-reply compare-pending" data-testid="column-reply" data-status={phase ?? 'pending'}>
        {phase === 'loading' ? 'Loading the model…' : phase === 'running' ? 'Starting…' : phase === 'waiting' ? 'Waiting for its turn…' : 'Not run'}
      </p>
    );
  }
  const note =
    reply.status === 'error' ? reply.error?.message ?? 'The reply failed.' : reply.status === 'stopped' && !reply.content ? 'Stopped before it wrote anything.' : NOTES[reply.status];
  return (
    <div className="compare-reply" data-testid="column-reply" data-status={reply.status}>
      {reply.content && <MarkdownView text={reply.content} />}
      {note && <p className={`reply-note${reply.status === 'error' ? ' reply-error' : ''}`}>{note}</p>}
      {reply.droppedMessages ? <p className="reply-note">{reply.droppedMessages} earlier messages did not fit in the context window and were left out.</p> : null}
      {reply.stats && (
        <p className="reply-stats" data-testid="reply-stats">
          {formatStats(reply.stats)}
        </p>
      )}
    </div>
  );
}
