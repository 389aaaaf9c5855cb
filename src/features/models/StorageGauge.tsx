/** How much of the browser's storage quota is used, and persistent storage. */
import { useEffect, useState } from 'react';
import { estimateStorage, requestPersistentStorage, type StorageEstimate } from '../../engine/model-storage';
import { formatBytes } from '../../lib/format-units';
import { useModelJobsStore } from '../../store/model-jobs-store';

export function StorageGauge() {
  const version = useModelJobsStore((s) => s.storageVersion);
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [asked, setAsked] = useState<boolean | null>(null);
  useEffect(() => {
    void estimateStorage().then(setEstimate);
  }, [version, asked]);
  if (!estimate) return null;
  return (
    <div className="storage-gauge" data-testid="storage-gauge">
      <meter min={0} max={estimate.quota || 1} value={estimate.usage} high={(estimate.quota || 1) * 0.8} aria-label="Storage used" />
      <span>
        {formatBytes(estimate.usage)} used of {formatBytes(estimate.quota)} available to this app
      </span>
      {estimate.persisted ? (
        <span className="hint">Storage is persistent: the browser will not clear models on its own.</span>
      ) : (
        <span className="hint">
          The browser may clear downloaded models when the disk runs low.{' '}
          <button type="button" className="link-button" onClick={() => void requestPersistentStorage().then(setAsked)}>
            Keep models (persistent storage)
          </button>
          {asked === false && ' The browser declined; it may grant this after you use the app more or install it.'}
        </span>
      )}
    </div>
  );
}
