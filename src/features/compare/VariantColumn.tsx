/** One column of the workspace: its name, run status, actions, setup and thread. */
import { memo, useState } from 'react';
import type { ComparisonTurn, ComparisonVariant } from '../../db';
import type { ModelRecord } from '../../models/records';
import { useCompareStore } from '../../store/compare-store';
import { openAsConversation } from './compare-actions';
import { stopColumn } from './compare-runner';
import { duplicateColumn, MAX_COLUMNS, MIN_COLUMNS, moveColumn, removeColumn, updateColumn } from './comparison-edits';
import { ColumnThread } from './ColumnThread';
import { RunStatus } from './RunStatus';
import { VariantSetup } from './VariantSetup';

interface Props {
  column: ComparisonVariant;
  index: number;
  count: number;
  catalog: readonly ModelRecord[];
  formKey: string;
  busy: boolean;
  onProblem(err: unknown): void;
}

const NO_TURNS: ComparisonTurn[] = [];

/** After a move the column's DOM node moves too; keep focus on the button that moved it (or its partner at an edge). */
function refocus(columnId: string, by: -1 | 1) {
  requestAnimationFrame(() => {
    const column = document.querySelector(`[data-column-id="${columnId}"]`);
    const same = column?.querySelector<HTMLButtonElement>(`button[data-move="${by}"]`);
    const other = column?.querySelector<HTMLButtonElement>(`button[data-move="${-by}"]`);
    (same && !same.disabled ? same : other)?.focus();
  });
}

export const VariantColumn = memo(function VariantColumn({ column, index, count, catalog, formKey, busy, onProblem }: Props) {
  const thread = useCompareStore((s) => s.doc?.threads[column.id]) ?? NO_TURNS;
  const active = useCompareStore((s) => Object.keys(s.runs).some((key) => key.startsWith(`${column.id}:`)));
  // The setup starts open and folds away once the column has a thread, unless the person chose.
  const [openChoice, setOpenChoice] = useState<boolean | null>(null);
  const open = openChoice ?? thread.length === 0;
  const edit = useCompareStore.getState().update;
  const label = column.label || `Column ${index + 1}`;
  const model = catalog.find((r) => r.id === column.modelId);
  const move = (by: -1 | 1) => {
    edit((d) => moveColumn(d, column.id, by));
    refocus(column.id, by);
  };

  return (
    <section className="variant" aria-label={`Column ${label}`} data-testid="compare-column" data-column-id={column.id}>
      <header className="variant-header">
        <input
          className="variant-label"
          aria-label={`Name of column ${index + 1}`}
          value={column.label}
          maxLength={40}
          onChange={(e) => edit((d) => updateColumn(d, column.id, { label: e.target.value }))}
          onBlur={() => !column.label.trim() && edit((d) => updateColumn(d, column.id, { label: `Column ${index + 1}` }))}
        />
        <div className="variant-actions" role="group" aria-label={`Arrange ${label}`}>
          <button type="button" data-move="-1" aria-label={`Move ${label} left`} title="Move left" disabled={index === 0} onClick={() => move(-1)}>←</button>
          <button type="button" data-move="1" aria-label={`Move ${label} right`} title="Move right" disabled={index === count - 1} onClick={() => move(1)}>→</button>
          <button type="button" aria-label={`Duplicate ${label}`} disabled={busy || count >= MAX_COLUMNS} onClick={() => edit((d) => duplicateColumn(d, column.id))}>Duplicate</button>
          <button type="button" className="danger" aria-label={`Remove ${label}`} disabled={busy || count <= MIN_COLUMNS} onClick={() => edit((d) => removeColumn(d, column.id))}>Remove</button>
        </div>
      </header>
      <div className="variant-run">
        <RunStatus columnId={column.id} latest={thread.at(-1)?.reply} />
        <div className="variant-run-actions">
          {active && <button type="button" aria-label={`Stop ${label}`} onClick={() => stopColumn(column.id)}>Stop</button>}
          <button type="button" className="text-button" disabled={active || !thread.some((t) => t.reply?.content)} onClick={() => void openAsConversation(column.id).catch(onProblem)}>
            Open as conversation
          </button>
        </div>
      </div>
      <details className="variant-details" open={open} onToggle={(e) => e.currentTarget.open !== open && setOpenChoice(e.currentTarget.open)}>
        <summary>
          Setup <span className="variant-summary">· {model?.name ?? 'no model'} · “{column.template}”</span>
        </summary>
        <VariantSetup column={column} catalog={catalog} formKey={formKey} locked={active} onChange={(patch) => edit((d) => updateColumn(d, column.id, patch))} />
      </details>
      <ColumnThread columnId={column.id} label={label} thread={thread} />
    </section>
  );
});
