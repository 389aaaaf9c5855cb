/** Which conversation is on screen (not stored: the URL hash keeps it across reloads). */
import { create } from 'zustand';

interface SessionState {
  conversationId: string | null;
  open(id: string | null): void;
}

const fromHash = () => {
  const match = /^#\/c\/([\w-]+)$/.exec(globalThis.location?.hash ?? '');
  return match ? match[1]! : null;
};

export const useSessionStore = create<SessionState>()((set) => ({
  conversationId: fromHash(),
  open: (conversationId) => {
    if (globalThis.history) history.replaceState(null, '', conversationId ? `#/c/${conversationId}` : '#/');
    set({ conversationId });
  },
}));
