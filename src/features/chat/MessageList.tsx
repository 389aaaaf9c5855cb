/**
 * The open conversation's messages in a scrolling log; long conversations are
 * windowed (use-message-window.ts) and a reply being written is followed
 * while the view is at the end (use-follow-end.ts).
 */
import type { ReactNode } from 'react';
import type { StoredMessage } from '../../db';
import './message-list.css';
import { useFollowEnd } from './use-follow-end';
import { useMessageWindow } from './use-message-window';

interface Props {
  messages: StoredMessage[];
  /** A message to scroll to (picked in search); otherwise new messages scroll to the end. */
  focusId: string | null;
  /** Shown above the messages: notices, the empty-conversation hint. */
  children?: ReactNode;
  renderRow(message: StoredMessage): ReactNode;
}

export function MessageList({ messages, focusId, children, renderRow }: Props) {
  const { shown, scrollerRef, listRef } = useMessageWindow(messages, focusId);
  useFollowEnd(scrollerRef, listRef);
  return (
    <div className="messages" role="log" aria-label="Messages" ref={scrollerRef} data-count={messages.length} data-windowed={shown.windowed || undefined}>
      {children}
      <div className="message-rows" ref={listRef} style={shown.windowed ? { paddingTop: shown.before, paddingBottom: shown.after } : undefined}>
        {messages.slice(shown.start, shown.end).map(renderRow)}
      </div>
    </div>
  );
}
