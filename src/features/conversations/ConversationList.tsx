/** The sidebar: new conversation, search, tag filter, and every conversation (pinned first). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { conversationsRepo, type DeletedConversation, type StoredConversation } from '../../db';
import { useSessionStore } from '../../store/session-store';
import { Toast } from '../../ui/Toast';
import { deleteConversation, undoDelete } from './conversation-actions';
import { ConversationItem } from './ConversationItem';
import { SearchResults } from './SearchResults';

export const SEARCH_INPUT_ID = 'conversation-search';

export function ConversationList() {
  const conversations = useLiveQuery(() => conversationsRepo.listForSidebar(), [], []);
  const tags = useLiveQuery(() => conversationsRepo.allTags(), [], []);
  const activeId = useSessionStore((s) => s.conversationId);
  const query = useSessionStore((s) => s.searchQuery);
  const tagFilter = useSessionStore((s) => s.tagFilter);
  const [deleted, setDeleted] = useState<DeletedConversation | null>(null);

  const onOpen = useCallback((id: string) => useSessionStore.getState().open(id), []);
  const onDelete = useCallback(async (c: StoredConversation) => setDeleted(await deleteConversation(c.id)), []);
  const closeToast = useCallback(() => setDeleted(null), []);
  const shown = tagFilter ? conversations.filter((c) => c.tags.includes(tagFilter)) : conversations;

  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="primary new-chat" onClick={() => useSessionStore.getState().open(null)} title="New conversation (Ctrl+Shift+O)">
        New conversation
      </button>
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        aria-label="Search conversations"
        placeholder="Search (Ctrl+K)"
        value={query}
        onChange={(e) => useSessionStore.getState().setSearchQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && useSessionStore.getState().setSearchQuery('')}
      />
      {tags.length > 0 && (
        <select aria-label="Filter by tag" value={tagFilter ?? ''} onChange={(e) => useSessionStore.getState().setTagFilter(e.target.value || null)}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      )}
      {query.trim() ? (
        <SearchResults query={query} />
      ) : (
        <ul className="conversation-list">
          {shown.map((c) => (
            <ConversationItem key={c.id} conversation={c} active={c.id === activeId} onOpen={onOpen} onDelete={(x) => void onDelete(x)} />
          ))}
        </ul>
      )}
      {!query.trim() && conversations.length === 0 && <p className="hint">No conversations yet.</p>}
      {deleted && (
        <Toast
          message={`Deleted “${deleted.conversation.title}”.`}
          actionLabel="Undo"
          onAction={() => {
            void undoDelete(deleted);
            setDeleted(null);
          }}
          onClose={closeToast}
        />
      )}
    </nav>
  );
}
