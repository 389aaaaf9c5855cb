/** A column's own thread: each input as its template made it, the reply, and a 1–10 score. */
import type { ComparisonTurn } from '../../db';
import { useCompareStore } from '../../store/compare-store';
import { setTurnScore } from './comparison-edits';
import { runKey } from './compare-run';
import { ReplyView } from './ReplyView';
import { ScoreSelect } from './ScoreSelect';

export function ColumnThread({ columnId, label, thread }: { columnId: string; label: string; thread: readonly ComparisonTurn[] }) {
  if (!thread.length) return <p className="hint compare-empty">Replies appear here.</p>;
  return (
    <ol className="column-thread" aria-label={`Thread of ${label}`}>
      {thread.map((turn) => (
        <li key={turn.round} className="column-turn" data-testid="column-turn">
          <p className="turn-input">
            <span className="turn-role">You</span> {turn.prompt}
          </p>
          <ReplyView runKey={runKey(columnId, 'turn', turn.round)} reply={turn.reply} />
          {turn.reply?.content && (
            <ScoreSelect
              label={`Score for ${label}, turn ${turn.round + 1}`}
              value={turn.score}
              onChange={(score) => useCompareStore.getState().update((d) => setTurnScore(d, columnId, turn.round, score))}
            />
          )}
        </li>
      ))}
    </ol>
  );
}
