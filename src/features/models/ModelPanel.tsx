/** Pick a model, see whether it runs here, load it with progress, cancel or unload. */
import { useMemo, useState } from 'react';
import { formatBytes } from '../../lib/format-units';
import type { ModelRecord } from '../../models/records';
import { assessModel } from '../../models/runnability';
import { useEngineStore } from '../../store/engine-store';
import { useSettingsStore } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { AddModelForm } from './AddModelForm';
import { describeProgress } from './load-progress-text';
import { cancelLoad, loadModel, unloadModel } from './model-runtime';

const GROUPS: { key: ModelRecord['group']; label: string }[] = [
  { key: 'wizard-vicuna', label: 'WizardVicuna' },
  { key: 'custom', label: 'Added by you' },
  { key: 'other', label: 'Other models (web-llm catalog)' },
];

export function ModelPanel({ catalog }: { catalog: ModelRecord[] }) {
  const selectedId = useSettingsStore((s) => s.selectedModelId);
  const selectModel = useSettingsStore((s) => s.selectModel);
  const device = useEngineStore((s) => s.device);
  const status = useEngineStore((s) => s.status);
  const loadingId = useEngineStore((s) => s.modelId);
  const progress = useEngineStore((s) => s.progress);
  const loaded = useEngineStore((s) => s.loaded);
  const error = useEngineStore((s) => s.error);
  const [adding, setAdding] = useState(false);

  const record = catalog.find((m) => m.id === selectedId) ?? catalog[0];
  const verdict = useMemo(() => (record && device ? assessModel(record, device) : null), [record, device]);
  if (!record) return null;
  const busy = status === 'loading';
  const isLoaded = status === 'ready' && loadingId === record.id;

  return (
    <section className="model-panel" aria-label="Model selection">
      <div className="model-row">
        <label htmlFor="model-select">Model</label>
        <select id="model-select" value={record.id} disabled={busy} onChange={(e) => selectModel(e.target.value)}>
          {GROUPS.map((g) => {
            const items = catalog.filter((m) => m.group === g.key);
            return items.length ? (
              <optgroup key={g.key} label={g.label}>
                {items.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
        {busy ? (
          <button type="button" onClick={cancelLoad}>Cancel</button>
        ) : isLoaded ? (
          <button type="button" onClick={() => void unloadModel()}>Unload</button>
        ) : (
          <button type="button" className="primary" disabled={verdict?.ok === false} onClick={() => void loadModel(record)}>
            Load
          </button>
        )}
        <button type="button" className="link-button" aria-expanded={adding} onClick={() => setAdding((v) => !v)}>
          Add a model by URL
        </button>
      </div>
      <p className="model-facts" data-testid="model-facts">
        {record.engine.toUpperCase()} · {record.quantization}
        {record.downloadBytes > 0 && ` · download ${formatBytes(record.downloadBytes)}`}
        {record.memoryMB > 0 && ` · needs ~${formatBytes(record.memoryMB * 1e6)} ${record.engine === 'mlc' ? 'GPU memory' : 'memory'}`}
        {` · context ${record.contextWindow} tokens`}
        {record.notes && ` · ${record.notes}`}
      </p>
      {verdict && verdict.message && <Notice tone={verdict.ok ? 'info' : 'warning'}>{verdict.message}</Notice>}
      {busy && loadingId === record.id && (
        <ProgressBar
          label="Model download"
          fraction={progress?.phase === 'downloading' ? progress.fraction : null}
          detail={progress ? describeProgress(progress) : 'Starting…'}
        />
      )}
      {isLoaded && loaded && (
        <p className="model-status" role="status" data-testid="model-status">
          Ready · {loaded.backendDetail}
        </p>
      )}
      {status === 'error' && error && loadingId === record.id && (
        <Notice tone="error" onDismiss={() => useEngineStore.getState().loadFailed(null)}>
          {error.message}
        </Notice>
      )}
      {adding && <AddModelForm onDone={() => setAdding(false)} />}
    </section>
  );
}
