import { useEffect } from 'react';

interface Props {
  message: string;
  actionLabel?: string;
  onAction?(): void;
  onClose(): void;
  /** Closes itself after this many milliseconds. */
  timeoutMs?: number;
}

export function Toast({ message, actionLabel, onAction, onClose, timeoutMs = 10_000 }: Props) {
  useEffect(() => {
    const timer = setTimeout(onClose, timeoutMs);
    return () => clearTimeout(timer);
  }, [onClose, timeoutMs]);
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" onClick={onAction}>
          {actionLabel}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
