interface Props {
  /** 0..1, or null when unknown. */
  fraction: number | null;
  label: string;
  detail?: string;
}

export function ProgressBar({ fraction, label, detail }: Props) {
  const percent = fraction === null ? undefined : Math.round(fraction * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} data-indeterminate={percent === undefined || undefined} />
      </div>
      {detail && <div className="progress-detail">{detail}</div>}
    </div>
  );
}
