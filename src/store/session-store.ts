/** What is on screen (not stored: the URL hash keeps the open conversation across reloads). */
import { create } from 'zustand';

type View = 'chat' | 'models' | 'compare';

interface SessionState {
  conversationId: string | null;
  /** A message to scroll to and highlight (from search). */
  focusMessageId: string | null;
  searchQuery: string;
  tagFilter: string | null;
  view: View;
  setView(view: View): void;
  open(id: string | null, focusMessageId?: string | null): void;
  setSearchQuery(query: string): void;
  setTagFilter(tag: string | null): void;
}

const fromHash = () => {
  const match = /^#\/c\/([\w-]+)$/.exec(globalThis.location?.hash ?? '');
  return match ? match[1]! : null;
};

export const useSessionStore = create<SessionState>()((set) => ({
  conversationId: fromHash(),
  focusMessageId: null,
  searchQuery: '',
  tagFilter: null,
  view: globalThis.location?.hash === '#/models' ? 'models' : globalThis.location?.hash === '#/compare' ? 'compare' : 'chat',
  setView: (view) => {
    if (globalThis.history && view !== 'chat') history.replaceState(null, '', `#/${view}`);
    set({ view });
  },
  open: (conversationId, focusMessageId = null) => {
    if (globalThis.history) history.replaceState(null, '', conversationId ? `#/c/${conversationId}` : '#/');
    set({ conversationId, focusMessageId, view: 'chat' });
  },
  setSearchQuery: (searchQuery) => set({ searchQuery }),
  setTagFilter: (tagFilter) => set({ tagFilter }),
}));
