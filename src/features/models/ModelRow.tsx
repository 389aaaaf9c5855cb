/** One model in the manager: facts, whether it runs here, what is stored, actions. */
import { memo } from 'react';
import type { DeviceReport } from '../../engine/device-check';
import type { StoredModel } from '../../engine/model-storage';
import { formatBytes } from '../../lib/format-units';
import type { ModelRecord } from '../../models/records';
import { assessModel } from '../../models/runnability';
import type { ModelJob } from '../../store/model-jobs-store';
import { ProgressBar } from '../../ui/ProgressBar';
import { describeProgress } from './load-progress-text';

interface Props {
  record: ModelRecord;
  device: DeviceReport | null;
  stored: StoredModel | undefined;
  job: ModelJob | undefined;
  onDownload(record: ModelRecord): void;
  onCancel(record: ModelRecord): void;
  onDelete(record: ModelRecord): void;
  onRemove?(record: ModelRecord): void;
}

const STATUS = { none: 'Not downloaded', partial: 'Partly downloaded', ready: 'Ready' } as const;

export const ModelRow = memo(function ModelRow({ record, device, stored, job, onDownload, onCancel, onDelete, onRemove }: Props) {
  const verdict = device ? assessModel(record, device) : null;
  const busy = !!job && !job.error;
  const status = stored?.status ?? 'none';
  return (
    <tr data-testid="model-row" data-model-id={record.id} data-status={status}>
      <th scope="row">
        {record.name}
        {record.notes && <div className="hint">{record.notes}</div>}
      </th>
      <td>{record.engine.toUpperCase()}</td>
      <td>{record.quantization}</td>
      <td>{record.downloadBytes ? formatBytes(record.downloadBytes) : '—'}</td>
      <td>{record.memoryMB ? formatBytes(record.memoryMB * 1e6) : '—'}</td>
      <td className={verdict && !verdict.ok ? 'cannot-run' : undefined}>{!verdict ? '…' : verdict.ok ? (verdict.target === 'gpu' ? 'Yes (GPU)' : 'Yes (CPU, slower)') : 'No'}
        {verdict && !verdict.ok && <div className="hint">{verdict.message}</div>}
      </td>
      <td data-testid="model-status">
        {STATUS[status]}
        {stored && stored.bytes > 0 && ` · ${formatBytes(stored.bytes)}`}
        {busy && <ProgressBar label={`Download of ${record.name}`} fraction={job.progress?.phase === 'downloading' ? job.progress.fraction : null} detail={job.progress ? describeProgress(job.progress) : 'Starting…'} />}
        {job?.error && <div className="message-error" role="alert">{job.error.message}</div>}
      </td>
      <td className="model-actions">
        {busy ? (
          <button type="button" onClick={() => onCancel(record)}>Cancel</button>
        ) : (
          status !== 'ready' && (
            <button type="button" disabled={verdict?.ok === false || record.source.kind === 'gguf' && record.source.urls[0]?.startsWith('local:')} onClick={() => onDownload(record)}>
              {status === 'partial' ? 'Resume' : 'Download'}
            </button>
          )
        )}
        {status !== 'none' && !busy && (
          <button type="button" className="danger" onClick={() => onDelete(record)}>Delete</button>
        )}
        {onRemove && !busy && (
          <button type="button" className="text-button" onClick={() => onRemove(record)}>Remove from list</button>
        )}
      </td>
    </tr>
  );
});
