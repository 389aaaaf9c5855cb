/** Judging: per turn, which of the two diffed columns answered better; and notes on the whole comparison. */
import { useId } from 'react';
import type { ComparisonVerdict, StoredComparison } from '../../db';
import { useCompareStore } from '../../store/compare-store';
import { setVote } from './comparison-edits';

const VERDICTS: { value: ComparisonVerdict; text: (a: string, b: string) => string }[] = [
  { value: 'a', text: (a) => `${a} better` },
  { value: 'b', text: (_, b) => `${b} better` },
  { value: 'tie', text: () => 'Tie' },
  { value: 'both-bad', text: () => 'Both bad' },
];

export function JudgePanel({ doc }: { doc: StoredComparison }) {
  const id = useId();
  const a = doc.columns.find((c) => c.id === doc.pair?.a);
  const b = doc.columns.find((c) => c.id === doc.pair?.b);
  const edit = useCompareStore.getState().update;
  return (
    <section className="compare-panel judge" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Judge</h2>
      {a && b && a.id !== b.id && doc.inputs.length > 0 ? (
        doc.inputs.map((input, round) => {
          const vote = doc.votes.find((v) => v.round === round && v.a === a.id && v.b === b.id);
          return (
            <fieldset key={round} className="vote" data-testid="vote">
              <legend>
                Turn {round + 1}: <q>{input.length > 80 ? `${input.slice(0, 77)}…` : input}</q>
              </legend>
              {VERDICTS.map((v) => (
                <label key={v.value} className="vote-option">
                  <input type="radio" name={`${id}-vote-${round}`} checked={vote?.verdict === v.value} onChange={() => edit((d) => setVote(d, round, a.id, b.id, v.value))} />
                  {v.text(a.label, b.label)}
                </label>
              ))}
              {vote && (
                <button type="button" className="text-button" onClick={() => edit((d) => setVote(d, round, a.id, b.id, null))}>Clear</button>
              )}
            </fieldset>
          );
        })
      ) : (
        <p className="hint">Send an input, then vote here between the two columns picked for the differences. Score single replies 1–10 under each reply.</p>
      )}
      <label htmlFor={`${id}-notes`}>Notes</label>
      <textarea id={`${id}-notes`} rows={3} value={doc.notes} onChange={(e) => edit((d) => ({ ...d, notes: e.target.value }))} />
    </section>
  );
}
