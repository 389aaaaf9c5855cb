/** The sidebar: new conversation and every conversation, most recent first. */
import { useLiveQuery } from 'dexie-react-hooks';
import { conversationsRepo } from '../../db';
import { useSessionStore } from '../../store/session-store';

export function ConversationList() {
  const conversations = useLiveQuery(() => conversationsRepo.listRecent(), [], []);
  const activeId = useSessionStore((s) => s.conversationId);
  const open = useSessionStore((s) => s.open);
  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="primary new-chat" onClick={() => open(null)}>
        New conversation
      </button>
      <ul className="conversation-list">
        {conversations.map((c) => (
          <li key={c.id}>
            <button type="button" className="conversation-link" aria-current={c.id === activeId ? 'page' : undefined} onClick={() => open(c.id)}>
              <span className="conversation-title">{c.title}</span>
              <time dateTime={new Date(c.updatedAt).toISOString()}>{new Date(c.updatedAt).toLocaleDateString()}</time>
            </button>
          </li>
        ))}
      </ul>
      {conversations.length === 0 && <p className="hint">No conversations yet.</p>}
    </nav>
  );
}
