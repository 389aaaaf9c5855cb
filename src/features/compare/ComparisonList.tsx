/** Saved comparisons, newest first: open, rename, delete, or start a new one. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { comparisonsRepo, type StoredComparison } from '../../db';
import type { ModelRecord } from '../../models/records';
import { deleteComparison, newComparison, openComparison, renameComparison } from './comparison-library';

interface Props {
  openId: string | undefined;
  busy: boolean;
  catalog: readonly ModelRecord[];
  onProblem(err: unknown): void;
}

const describe = (c: StoredComparison) =>
  [`${c.columns.length} columns`, `${c.inputs.length} turn${c.inputs.length === 1 ? '' : 's'}`, ...(c.questions.length ? [`${c.questions.length} questions`] : [])].join(', ');

export function ComparisonList({ openId, busy, catalog, onProblem }: Props) {
  const list = useLiveQuery(() => comparisonsRepo.list(), [], []);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const saveTitle = (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    renameComparison(renaming.id, renaming.title).then(() => setRenaming(null), onProblem);
  };

  return (
    <details className="compare-library">
      <summary>Saved comparisons ({list.length})</summary>
      <button type="button" className="new-comparison" disabled={busy} onClick={() => void newComparison(catalog).catch(onProblem)}>New comparison</button>
      <ul className="comparison-list" aria-label="Saved comparisons">
        {list.map((c) => (
          <li key={c.id} className="comparison-item" data-testid="saved-comparison">
            {renaming?.id === c.id ? (
              <form className="comparison-rename" onSubmit={saveTitle}>
                <input aria-label="New title" value={renaming.title} autoFocus onChange={(e) => setRenaming({ id: c.id, title: e.target.value })} />
                <button type="submit">Save</button>
                <button type="button" onClick={() => setRenaming(null)}>Cancel</button>
              </form>
            ) : (
              <button type="button" className="comparison-open" aria-current={c.id === openId ? 'page' : undefined} disabled={busy && c.id !== openId} onClick={() => void openComparison(c.id).catch(onProblem)}>
                <span className="comparison-title">{c.title}</span>
                <span className="comparison-meta">
                  <time dateTime={new Date(c.updatedAt).toISOString()}>{new Date(c.updatedAt).toLocaleString()}</time> · {describe(c)}
                </span>
              </button>
            )}
            <div className="comparison-item-actions">
              {renaming?.id !== c.id && <button type="button" className="text-button" aria-label={`Rename ${c.title}`} onClick={() => setRenaming({ id: c.id, title: c.title })}>Rename</button>}
              {deleting === c.id ? (
                <>
                  <button type="button" className="text-button danger" aria-label={`Yes, delete ${c.title}`} onClick={() => void deleteComparison(c.id).then(() => setDeleting(null), onProblem)}>Yes, delete</button>
                  <button type="button" className="text-button" onClick={() => setDeleting(null)}>Keep</button>
                </>
              ) : (
                <button type="button" className="text-button danger" aria-label={`Delete ${c.title}`} disabled={busy && c.id === openId} onClick={() => setDeleting(c.id)}>Delete</button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
