/** App-wide keys: Ctrl/Cmd+K search, Ctrl/Cmd+Shift+O new conversation, Esc stops a reply. */
import { useEffect } from 'react';
import { stopGeneration } from '../features/chat/chat-controller';
import { SEARCH_INPUT_ID } from '../features/conversations/ConversationList';
import { useSessionStore } from '../store/session-store';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        document.getElementById(SEARCH_INPUT_ID)?.focus();
      } else if (mod && e.shiftKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        useSessionStore.getState().open(null);
        document.getElementById('composer-input')?.focus();
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        stopGeneration();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
