/** What an import will do, before anything is written. */
import { REASON_TEXT, type ImportAction, type ImportPreview } from '../../lib/transfer/import-plan';
import { tallyText } from './transfer-text';

interface Props {
  preview: ImportPreview;
  onConfirm(): void;
  onCancel(): void;
}

const ACTION_TEXT: Record<ImportAction, string> = { add: 'add', copy: 'add as a copy', skip: 'skip' };

export function ImportPreviewView({ preview: p, onConfirm, onCancel }: Props) {
  const writes = p.added.conversations + p.copied.conversations;
  return (
    <section className="import-preview" aria-label="Import preview">
      <p className="hint">
        From{' '}
        {p.sources
          .map((s) => `${s.label} (${s.kind === 'chatgpt' ? 'ChatGPT' : 'WizardVicuna Chat'}, ${s.conversations} conversation${s.conversations === 1 ? '' : 's'})`)
          .join(', ')}
        :
      </p>
      <ul className="import-counts">
        <li>
          Add <strong data-testid="import-added">{p.added.conversations}</strong> {tallyText(p.added).replace(/^\d+ /, '')}
        </li>
        {p.copied.conversations > 0 && (
          <li>
            Add as copies with new ids <strong data-testid="import-copied">{p.copied.conversations}</strong> {tallyText(p.copied).replace(/^\d+ /, '')}:
            their ids belong to different conversations already in your library.
          </li>
        )}
        {p.skipped.conversations > 0 && (
          <li>
            Skip <strong data-testid="import-skipped">{p.skipped.conversations}</strong> {tallyText(p.skipped).replace(/^\d+ /, '')}: already in your library,
            unchanged.
          </li>
        )}
      </ul>
      {p.leftOut.length > 0 && (
        <p className="hint" data-testid="import-left-out">
          Left out (no place for them here): {p.leftOut.map((l) => `${l.label}: ${l.count}`).join(', ')}.
        </p>
      )}
      {p.comparisons > 0 && (
        <p className="hint">
          The file also holds {p.comparisons} model comparison{p.comparisons === 1 ? '' : 's'}; this version cannot import comparisons yet.
        </p>
      )}
      <details className="import-items">
        <summary>Each conversation</summary>
        <ul>
          {p.items.map((item, i) => (
            <li key={i}>
              <span className="import-item-title">{item.title}</span> — {ACTION_TEXT[item.action]}
              {item.action === 'add' ? '' : ` (${REASON_TEXT[item.reason]})`}, {item.messages} message{item.messages === 1 ? '' : 's'}
            </li>
          ))}
          {p.moreItems > 0 && <li>…and {p.moreItems} more</li>}
        </ul>
      </details>
      <div className="form-actions">
        <button type="button" className="primary" disabled={writes === 0} onClick={onConfirm}>
          {writes === 0 ? 'Nothing new to import' : `Import ${writes} conversation${writes === 1 ? '' : 's'}`}
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </section>
  );
}
