import type { ReactNode } from 'react';

interface Props {
  tone: 'error' | 'warning' | 'info';
  children: ReactNode;
  onDismiss?: () => void;
}

export function Notice({ tone, children, onDismiss }: Props) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">{children}</div>
      {onDismiss && (
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
