/**
 * Compare side by side: two to four columns (model, template, settings) run
 * on the same inputs, one at a time on the one GPU; replies stream into their
 * columns; then diff, vote, score, and run a whole question set.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ModelRecord } from '../../models/records';
import { useCompareStore } from '../../store/compare-store';
import { useSettingsStore } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';
import { giveAllColumnsOneSeed, runAgain, sendInput } from './compare-actions';
import { messageOf } from './compare-error';
import { stopAll } from './compare-runner';
import { startAutosave } from './comparison-autosave';
import { addColumn, MAX_COLUMNS, newColumn } from './comparison-edits';
import { openLatestOrNew, UNTITLED } from './comparison-library';
import { CompareComposer } from './CompareComposer';
import { ComparisonList } from './ComparisonList';
import { JudgePanel } from './JudgePanel';
import { QuestionSetPanel } from './QuestionSetPanel';
import { VariantColumn } from './VariantColumn';
import { WordDiffPanel } from './WordDiffPanel';

export function CompareWorkspace({ catalog }: { catalog: ModelRecord[] }) {
  const doc = useCompareStore((s) => s.doc);
  const busy = useCompareStore((s) => s.busy);
  const switching = useCompareStore((s) => s.switching);
  const [problem, setProblem] = useState<string | null>(null);
  // Bumped when settings change from outside the forms (same seed for all), so they show the new values.
  const [formEpoch, setFormEpoch] = useState(0);
  const report = useCallback((err: unknown) => setProblem(messageOf(err)), []);
  const attempt = (action: () => void): boolean => {
    setProblem(null);
    try {
      action();
      return true;
    } catch (err) {
      report(err);
      return false;
    }
  };

  useEffect(() => {
    startAutosave();
    void openLatestOrNew(catalog).catch(report);
    // Only on entering the workspace: later catalog changes must not open anything.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const edit = useCompareStore.getState().update;
  const addOne = () => edit((d) => addColumn(d, newColumn(d.columns, d.columns.at(-1)?.modelId ?? null, d.columns.at(-1)?.settings ?? useSettingsStore.getState().defaults)));

  return (
    <section className="compare" aria-label="Compare side by side" data-busy={busy || undefined}>
      <ComparisonList openId={doc?.id} busy={busy} catalog={catalog} onProblem={report} />
      {doc && (
        <>
          <header className="compare-header">
            <input
              className="compare-title"
              aria-label="Comparison title"
              value={doc.title}
              maxLength={200}
              onChange={(e) => edit((d) => ({ ...d, title: e.target.value }))}
              onBlur={() => !doc.title.trim() && edit((d) => ({ ...d, title: UNTITLED }))}
            />
            <div className="compare-toolbar">
              <button type="button" disabled={busy || doc.columns.length >= MAX_COLUMNS} onClick={addOne}>Add column</button>
              <button type="button" disabled={busy} onClick={() => { giveAllColumnsOneSeed(); setFormEpoch((n) => n + 1); }}>Same seed for all columns</button>
              <button type="button" disabled={busy || doc.inputs.length === 0} onClick={() => attempt(() => runAgain(catalog))}>Run again</button>
              <button type="button" disabled={!busy} onClick={stopAll}>Stop all</button>
            </div>
          </header>
          <p className="hint compare-gpu-note">Columns run one at a time: one model fits on the GPU, so a column with another model waits while it is switched in.</p>
          {switching && <p className="compare-switching" role="status" data-testid="compare-switching">{switching}</p>}
          {problem && <Notice tone="error" onDismiss={() => setProblem(null)}>{problem}</Notice>}
          <div className="compare-columns" data-count={doc.columns.length}>
            {doc.columns.map((column, index) => (
              <VariantColumn key={column.id} column={column} index={index} count={doc.columns.length} catalog={catalog} formKey={`${column.id}:${formEpoch}`} busy={busy} onProblem={report} />
            ))}
          </div>
          <CompareComposer busy={busy} turns={doc.inputs.length} onSend={(text) => attempt(() => sendInput(text, catalog))} onStopAll={stopAll} />
          <div className="compare-judging">
            <WordDiffPanel doc={doc} />
            <JudgePanel doc={doc} />
          </div>
          <QuestionSetPanel key={doc.id} doc={doc} catalog={catalog} busy={busy} onProblem={report} />
        </>
      )}
    </section>
  );
}
