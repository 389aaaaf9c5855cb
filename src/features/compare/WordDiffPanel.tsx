/** Word-level differences between two columns' latest replies; removed and added words are marked in text, not by colour alone. */
import { useId, useMemo } from 'react';
import type { StoredComparison } from '../../db';
import { diffWords, type DiffPart } from '../../lib/compare/word-diff';
import { useCompareStore } from '../../store/compare-store';
import { setPair } from './comparison-edits';

export function latestReply(doc: StoredComparison, columnId: string): string | null {
  const turn = (doc.threads[columnId] ?? []).findLast((t) => t.reply?.content);
  return turn?.reply?.content ?? null;
}

function Part({ part, spaced, labels }: { part: DiffPart; spaced: boolean; labels: [string, string] }) {
  const text = spaced ? ` ${part.text}` : part.text;
  if (part.kind === 'same') return <span>{text}</span>;
  const Tag = part.kind === 'added' ? 'ins' : 'del';
  return (
    <Tag>
      <span className="visually-hidden">[only in {part.kind === 'added' ? labels[1] : labels[0]}: </span>
      {text}
      <span className="visually-hidden">]</span>
    </Tag>
  );
}

export function WordDiffPanel({ doc }: { doc: StoredComparison }) {
  const id = useId();
  const columns = doc.columns;
  const a = columns.find((c) => c.id === doc.pair?.a) ?? columns[0];
  const b = columns.find((c) => c.id === doc.pair?.b) ?? columns[1];
  const textA = a ? latestReply(doc, a.id) : null;
  const textB = b ? latestReply(doc, b.id) : null;
  const diff = useMemo(() => (textA !== null && textB !== null ? diffWords(textA, textB) : null), [textA, textB]);
  if (!a || !b) return null;
  const pick = (side: 'a' | 'b', value: string) => useCompareStore.getState().update((d) => setPair(d, side === 'a' ? value : a.id, side === 'b' ? value : b.id));

  return (
    <section className="compare-panel word-diff" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Differences between latest replies</h2>
      <div className="pair-pickers">
        <label htmlFor={`${id}-a`}>A</label>
        <select id={`${id}-a`} value={a.id} onChange={(e) => pick('a', e.target.value)}>
          {columns.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
        <label htmlFor={`${id}-b`}>B</label>
        <select id={`${id}-b`} value={b.id} onChange={(e) => pick('b', e.target.value)}>
          {columns.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
      </div>
      {!diff ? (
        <p className="hint">Both columns need a reply to compare.</p>
      ) : (
        <>
          <p className="hint" data-testid="diff-summary">
            {diff.removed} word{diff.removed === 1 ? '' : 's'} only in {a.label} (struck through), {diff.added} only in {b.label} (underlined)
            {diff.approximate ? '. The replies are long, so differing stretches are shown whole.' : '.'}
          </p>
          <p className="diff-text" data-testid="word-diff">
            {diff.parts.map((part, i) => {
              const previous = diff.parts[i - 1];
              return <Part key={i} part={part} labels={[a.label, b.label]} spaced={!!previous && !/\s$/.test(previous.text) && !/^\s/.test(part.text)} />;
            })}
          </p>
        </>
      )}
    </section>
  );
}
