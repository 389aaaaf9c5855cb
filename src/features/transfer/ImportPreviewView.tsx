/** What an import will do, before anything is written. */
import { COMPARISON_REASON_TEXT } from '../../lib/transfer/comparison-plan';
import { REASON_TEXT, type ImportAction, type ImportPreview } from '../../lib/transfer/import-plan';
import { conversationsText, plural } from './transfer-text';

interface Props {
  preview: ImportPreview;
  onConfirm(): void;
  onCancel(): void;
}

const ACTION_TEXT: Record<ImportAction, string> = { add: 'add', copy: 'add as a copy', skip: 'skip' };

function sourceText(s: ImportPreview['sources'][number]): string {
  const counts = [plural(s.conversations, 'conversation'), ...(s.comparisons ? [plural(s.comparisons, 'comparison')] : [])];
  return `${s.label} (${s.kind === 'chatgpt' ? 'ChatGPT' : 'WizardVicuna Chat'}, ${counts.join(', ')})`;
}

export function ImportPreviewView({ preview: p, onConfirm, onCancel }: Props) {
  const conversationWrites = p.added.conversations + p.copied.conversations;
  const comparisonWrites = p.added.comparisons + p.copied.comparisons;
  const hasComparisons = p.comparisonItems.length > 0;
  const hasConversations = p.items.length > 0 || !hasComparisons;
  const writes = [conversationWrites && plural(conversationWrites, 'conversation'), comparisonWrites && plural(comparisonWrites, 'comparison')].filter(Boolean);
  const drop = (text: string) => text.replace(/^\d+ /, '');
  return (
    <section className="import-preview" aria-label="Import preview">
      <p className="hint">From {p.sources.map(sourceText).join(', ')}:</p>
      <ul className="import-counts">
        {hasConversations && (
          <li>
            Add <strong data-testid="import-added">{p.added.conversations}</strong> {drop(conversationsText(p.added))}
          </li>
        )}
        {p.copied.conversations > 0 && (
          <li>
            Add as copies with new ids <strong data-testid="import-copied">{p.copied.conversations}</strong> {drop(conversationsText(p.copied))}:
            their ids belong to different conversations already in your library.
          </li>
        )}
        {p.skipped.conversations > 0 && (
          <li>
            Skip <strong data-testid="import-skipped">{p.skipped.conversations}</strong> {drop(conversationsText(p.skipped))}: already in your library,
            unchanged.
          </li>
        )}
        {hasComparisons && (
          <li>
            Add <strong data-testid="import-comparisons-added">{p.added.comparisons}</strong> {drop(plural(p.added.comparisons, 'comparison'))}
          </li>
        )}
        {p.copied.comparisons > 0 && (
          <li>
            Add as copies with new ids <strong data-testid="import-comparisons-copied">{p.copied.comparisons}</strong> {drop(plural(p.copied.comparisons, 'comparison'))}:
            their ids belong to different comparisons already in your library.
          </li>
        )}
        {p.skipped.comparisons > 0 && (
          <li>
            Skip <strong data-testid="import-comparisons-skipped">{p.skipped.comparisons}</strong> {drop(plural(p.skipped.comparisons, 'comparison'))}: already in
            your library, unchanged.
          </li>
        )}
      </ul>
      {p.leftOut.length > 0 && (
        <p className="hint" data-testid="import-left-out">
          Left out (no place for them here): {p.leftOut.map((l) => `${l.label}: ${l.count}`).join(', ')}.
        </p>
      )}
      {p.comparisonsLeftOut > 0 && (
        <p className="hint" data-testid="import-comparisons-left-out">
          Left out: {plural(p.comparisonsLeftOut, 'comparison')} saved in a format this version cannot read. If the file comes from a newer version of
          WizardVicuna Chat, update the app and import it again.
        </p>
      )}
      {hasConversations && (
        <details className="import-items">
          <summary>Each conversation</summary>
          <ul>
            {p.items.map((item, i) => (
              <li key={i}>
                <span className="import-item-title">{item.title}</span> — {ACTION_TEXT[item.action]}
                {item.action === 'add' ? '' : ` (${REASON_TEXT[item.reason]})`}, {plural(item.messages, 'message')}
              </li>
            ))}
            {p.moreItems > 0 && <li>…and {p.moreItems} more</li>}
          </ul>
        </details>
      )}
      {hasComparisons && (
        <details className="import-items">
          <summary>Each comparison</summary>
          <ul>
            {p.comparisonItems.map((item, i) => (
              <li key={i}>
                <span className="import-item-title">{item.title}</span> — {ACTION_TEXT[item.action]}
                {item.action === 'add' ? '' : ` (${COMPARISON_REASON_TEXT[item.reason]})`}
              </li>
            ))}
            {p.moreComparisonItems > 0 && <li>…and {p.moreComparisonItems} more</li>}
          </ul>
        </details>
      )}
      <div className="form-actions">
        <button type="button" className="primary" disabled={writes.length === 0} onClick={onConfirm}>
          {writes.length === 0 ? 'Nothing new to import' : `Import ${writes.join(' and ')}`}
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </section>
  );
}
