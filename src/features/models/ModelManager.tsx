/** Every model, what it costs, whether it runs here, what is stored; download, delete, import. */
import { useCallback, useMemo } from 'react';
import { customModelsRepo } from '../../db';
import type { ModelRecord } from '../../models/records';
import { useEngineStore } from '../../store/engine-store';
import { useModelJobsStore } from '../../store/model-jobs-store';
import { AddModelForm } from './AddModelForm';
import { GgufImport } from './GgufImport';
import { MlcFolderImport } from './MlcFolderImport';
import { cancelModelJob, deleteModel, downloadModel } from './model-storage-actions';
import { ModelRow } from './ModelRow';
import { StorageGauge } from './StorageGauge';
import { useStoredModels } from './use-stored-models';

function ModelTable({ records, catalog, removable }: { records: ModelRecord[]; catalog: ModelRecord[]; removable?: boolean }) {
  const device = useEngineStore((s) => s.device);
  const jobs = useModelJobsStore((s) => s.jobs);
  const stored = useStoredModels(records);
  const onDownload = useCallback((r: ModelRecord) => void downloadModel(r), []);
  const onCancel = useCallback((r: ModelRecord) => cancelModelJob(r.id), []);
  const onDelete = useCallback((r: ModelRecord) => void deleteModel(r, catalog), [catalog]);
  const onRemove = useCallback(async (r: ModelRecord) => {
    await deleteModel(r, catalog);
    await customModelsRepo.remove(r.id);
  }, [catalog]);
  return (
    <table className="model-table">
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Engine</th>
          <th scope="col">Quantization</th>
          <th scope="col">Download</th>
          <th scope="col">Memory</th>
          <th scope="col">Runs here</th>
          <th scope="col">Stored</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <ModelRow key={r.id} record={r} device={device} stored={stored[r.id]} job={jobs[r.id]} onDownload={onDownload} onCancel={onCancel} onDelete={onDelete} onRemove={removable ? (x) => void onRemove(x) : undefined} />
        ))}
      </tbody>
    </table>
  );
}

export function ModelManager({ catalog }: { catalog: ModelRecord[] }) {
  const groups = useMemo(() => {
    const of = (g: ModelRecord['group']) => catalog.filter((m) => m.group === g);
    return { wizard: of('wizard-vicuna'), custom: of('custom'), other: of('other') };
  }, [catalog]);
  const custom = groups.custom;
  return (
    <section className="model-manager" aria-label="Model manager">
      <h2>Models</h2>
      <StorageGauge />
      <h3>WizardVicuna</h3>
      <ModelTable records={groups.wizard} catalog={catalog} />
      <h3>Added by you</h3>
      {custom.length ? <ModelTable records={custom} catalog={catalog} removable /> : <p className="hint">None yet: import a file or add a model by URL below.</p>}
      <div className="model-add">
        <GgufImport />
        <MlcFolderImport />
        <section className="import-box">
          <h3>Add a model by URL</h3>
          <AddModelForm onDone={() => undefined} />
        </section>
      </div>
      <details>
        <summary>Other models (web-llm catalog, {groups.other.length})</summary>
        <ModelTable records={groups.other} catalog={catalog} />
      </details>
    </section>
  );
}
