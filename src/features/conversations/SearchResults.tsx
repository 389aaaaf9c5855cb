/** Search hits; choosing one opens the conversation at that message. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue } from 'react';
import { searchRepo } from '../../db';
import { openAtMessage } from './conversation-actions';

export function SearchResults({ query }: { query: string }) {
  const deferred = useDeferredValue(query);
  const hits = useLiveQuery(() => searchRepo.search(deferred), [deferred]);
  if (!hits) return <p className="hint">Searching…</p>;
  if (!hits.length) return <p className="hint">No matches for “{deferred}”.</p>;
  return (
    <ul className="search-results" aria-label="Search results">
      {hits.map((h) => (
        <li key={`${h.conversationId}:${h.messageId ?? 'title'}`}>
          <button type="button" className="conversation-link" onClick={() => void openAtMessage(h.conversationId, h.messageId)}>
            <span className="conversation-title">{h.conversationTitle}</span>
            <span className="search-snippet">{h.snippet}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
