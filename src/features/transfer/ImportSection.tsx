/** Import: pick files, see what will happen, confirm; everything lands at once or nothing does. */
import { useRef, useState } from 'react';
import type { ImportPreview } from '../../lib/transfer/import-plan';
import { describeLimits } from '../../lib/transfer/transfer-limits';
import { useSettingsStore } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import { ImportPreviewView } from './ImportPreviewView';
import { transferClient } from './transfer-client';
import type { ImportResult } from './transfer-protocol';
import { describeFailure, importedText } from './transfer-text';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; text: string; fraction: number | null }
  | { kind: 'preview'; planId: number; preview: ImportPreview }
  | { kind: 'writing'; text: string; fraction: number | null }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; message: string };

export const IMPORT_INPUT_ID = 'transfer-import-files';

export function ImportSection() {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const choose = async (files: File[]) => {
    if (!files.length) return;
    if (state.kind === 'preview') transferClient.discardImport(state.planId);
    setState({ kind: 'reading', text: 'Reading', fraction: null });
    try {
      const { defaults } = useSettingsStore.getState();
      const { planId, preview } = await transferClient.previewImport(files, defaults, (text, fraction) => setState({ kind: 'reading', text, fraction }));
      setState({ kind: 'preview', planId, preview });
    } catch (error) {
      setState(describeFailure(error) ?? { kind: 'idle' });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const confirm = async (planId: number) => {
    setState({ kind: 'writing', text: 'Saving', fraction: 0 });
    try {
      const result = await transferClient.commitImport(planId, (text, fraction) => setState({ kind: 'writing', text, fraction }));
      setState({ kind: 'done', result });
    } catch (error) {
      setState(describeFailure(error) ?? { kind: 'idle' });
    }
  };

  const cancel = () => {
    if (state.kind === 'preview') transferClient.discardImport(state.planId);
    else transferClient.cancel();
    setState({ kind: 'idle' });
  };

  const busy = state.kind === 'reading' || state.kind === 'writing';
  return (
    <section className="transfer-section" aria-labelledby="import-heading">
      <h3 id="import-heading">Import</h3>
      <label htmlFor={IMPORT_INPUT_ID}>Files to import</label>
      <input
        id={IMPORT_INPUT_ID}
        ref={input}
        type="file"
        multiple
        disabled={busy}
        accept=".json,.zip,application/json,application/zip"
        onChange={(e) => void choose([...(e.target.files ?? [])])}
      />
      <p className="hint">
        A WizardVicuna Chat export (.json, with its conversations and comparisons), or a ChatGPT data export: the .zip as downloaded, its conversations.json, or its conversations-000.json,
        conversations-001.json… parts (choose them all at once). Nothing is changed until you confirm.
      </p>
      <p className="hint" data-testid="import-limits">{describeLimits()}</p>
      {state.kind === 'reading' && (
        <>
          <ProgressBar label="Import progress" fraction={state.fraction} detail={state.text} />
          <button type="button" onClick={cancel}>Cancel</button>
        </>
      )}
      {state.kind === 'preview' && <ImportPreviewView preview={state.preview} onConfirm={() => void confirm(state.planId)} onCancel={cancel} />}
      {state.kind === 'writing' && <ProgressBar label="Import progress" fraction={state.fraction} detail={state.text} />}
      {state.kind === 'done' && (
        <Notice tone="info" onDismiss={() => setState({ kind: 'idle' })}>
          <span data-testid="import-result">{importedText(state.result)}</span>
        </Notice>
      )}
      {state.kind === 'failed' && (
        <Notice tone="error" onDismiss={() => setState({ kind: 'idle' })}>
          <span data-testid="import-error">{state.message}</span> Nothing was changed.
        </Notice>
      )}
    </section>
  );
}
