/** One conversation in the sidebar: open, pin, rename, tag, delete. */
import { memo, useState, type FormEvent } from 'react';
import { conversationsRepo, type StoredConversation } from '../../db';
import { requestConversationExport } from '../../lib/transfer/export-request';

interface Props {
  conversation: StoredConversation;
  active: boolean;
  onOpen(id: string): void;
  onDelete(conversation: StoredConversation): void;
}

export const ConversationItem = memo(function ConversationItem({ conversation: c, active, onOpen, onDelete }: Props) {
  const [mode, setMode] = useState<'view' | 'rename' | 'tags'>('view');
  const [draft, setDraft] = useState('');

  const start = (next: 'rename' | 'tags') => {
    setDraft(next === 'rename' ? c.title : c.tags.join(', '));
    setMode(next);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'rename' && draft.trim()) await conversationsRepo.rename(c.id, draft);
    if (mode === 'tags') await conversationsRepo.setTags(c.id, draft.split(','));
    setMode('view');
  };

  if (mode !== 'view') {
    return (
      <li className="conversation-item">
        <form onSubmit={(e) => void save(e)} aria-label={mode === 'rename' ? 'Rename conversation' : 'Edit tags'}>
          <input
            aria-label={mode === 'rename' ? 'New title' : 'Tags, separated by commas'}
            value={draft}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
          />
        </form>
      </li>
    );
  }
  return (
    <li className="conversation-item" data-pinned={c.pinned ? '' : undefined}>
      <button type="button" className="conversation-link" aria-current={active ? 'page' : undefined} onClick={() => onOpen(c.id)}>
        <span className="conversation-title">
          {c.pinned ? <span aria-label="Pinned">📌 </span> : null}
          {c.title}
        </span>
        <span className="conversation-meta">
          <time dateTime={new Date(c.updatedAt).toISOString()}>{new Date(c.updatedAt).toLocaleDateString()}</time>
          {c.tags.map((t) => (
            <span key={t} className="tag">{t}</span>
          ))}
        </span>
      </button>
      <details className="conversation-menu">
        <summary aria-label={`Actions for ${c.title}`}>⋯</summary>
        <div className="menu" role="group" aria-label={`Actions for ${c.title}`}>
          <button type="button" onClick={() => void conversationsRepo.setPinned(c.id, !c.pinned)}>{c.pinned ? 'Unpin' : 'Pin'}</button>
          <button type="button" onClick={() => start('rename')}>Rename</button>
          <button type="button" onClick={() => start('tags')}>Tags</button>
          <button type="button" onClick={() => requestConversationExport(c.id)}>Export</button>
          <button type="button" className="danger" onClick={() => onDelete(c)}>Delete</button>
        </div>
      </details>
    </li>
  );
});
