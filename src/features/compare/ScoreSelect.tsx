/** A 1–10 score, or none. */
import { useId } from 'react';

export function ScoreSelect({ label, value, onChange }: { label: string; value: number | undefined; onChange(score: number | undefined): void }) {
  const id = useId();
  return (
    <span className="score-select">
      <label htmlFor={id}>Score</label>
      <select id={id} aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">–</option>
        {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>{n}</option>
        ))}
      </select>
    </span>
  );
}
