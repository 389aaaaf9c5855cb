/** A column's setup: model, prompt template around the shared input, system prompt and sampling settings. */
import { useId, useMemo } from 'react';
import type { ComparisonVariant } from '../../db';
import { INPUT_PLACEHOLDER, templateProblem } from '../../lib/compare/prompt-template';
import type { ModelRecord } from '../../models/records';
import { useEngineStore } from '../../store/engine-store';
import { GenerationSettingsForm } from '../settings/GenerationSettingsForm';
import { columnModel } from './compare-actions';

interface Props {
  column: ComparisonVariant;
  catalog: readonly ModelRecord[];
  /** Changes when settings were changed from outside the form (same seed for all), so it shows them. */
  formKey: string;
  locked: boolean;
  onChange(patch: Partial<Omit<ComparisonVariant, 'id'>>): void;
}

const GROUPS: { key: ModelRecord['group']; label: string }[] = [
  { key: 'wizard-vicuna', label: 'WizardVicuna' },
  { key: 'custom', label: 'Added by you' },
  { key: 'other', label: 'Other models (web-llm catalog)' },
];

export function VariantSetup({ column, catalog, formKey, locked, onChange }: Props) {
  const id = useId();
  const device = useEngineStore((s) => s.device);
  const model = useMemo(() => columnModel(column.modelId, catalog, device), [column.modelId, catalog, device]);
  const problem = templateProblem(column.template);
  return (
    <fieldset className="variant-setup" disabled={locked}>
      <legend className="visually-hidden">Setup of column {column.label}</legend>
      <label htmlFor={`${id}-model`}>Model</label>
      <select id={`${id}-model`} value={column.modelId ?? ''} onChange={(e) => onChange({ modelId: e.target.value || null })}>
        {!column.modelId && <option value="">Pick a model…</option>}
        {column.modelId && !catalog.some((r) => r.id === column.modelId) && <option value={column.modelId}>Missing model</option>}
        {GROUPS.map((g) => {
          const items = catalog.filter((m) => m.group === g.key);
          return items.length ? (
            <optgroup key={g.key} label={g.label}>
              {items.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </optgroup>
          ) : null;
        })}
      </select>
      {'reason' in model && <p className="reply-note reply-error" data-testid="column-unrunnable">Cannot run here: {model.reason}</p>}
      <label htmlFor={`${id}-template`}>Prompt template</label>
      <textarea
        id={`${id}-template`}
        rows={2}
        value={column.template}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-template-help`}
        onChange={(e) => onChange({ template: e.target.value })}
      />
      <p id={`${id}-template-help`} className={problem ? 'reply-note reply-error' : 'hint'}>
        {problem ? problem.message : `${INPUT_PLACEHOLDER} is replaced by the shared input, e.g. "Answer briefly: ${INPUT_PLACEHOLDER}".`}
      </p>
      <GenerationSettingsForm key={formKey} value={column.settings} onChange={(settings) => onChange({ settings })} />
    </fieldset>
  );
}
