/** One message. Only the reply being written re-renders as its text streams in. */
import { memo, useEffect, useState } from 'react';
import type { StoredMessage } from '../../db';
import { throttleLatest } from '../../lib/throttle';
import { streamRedrawMs, useEngineStore } from '../../store/engine-store';
import { MarkdownView } from '../../ui/markdown/MarkdownView';
import { EditMessageForm } from './EditMessageForm';
import { MessageActions, type MessageCommand } from './MessageActions';
import type { SiblingInfo } from './use-conversation-tree';

const STATUS_TEXT: Partial<Record<StoredMessage['status'], string>> = {
  stopped: 'Stopped by you: the reply above is what was written before stopping.',
  interrupted: 'Interrupted: the page closed while this reply was being written; the text above was saved.',
};

function useStreamedText(id: string, streaming: boolean): string | null {
  const [text, setText] = useState<string | null>(() => streamedText(useEngineStore.getState(), id));
  useEffect(() => {
    if (!streaming) return;
    const redraw = throttleLatest(setText, streamRedrawMs());
    redraw.push(streamedText(useEngineStore.getState(), id));
    const unsubscribe = useEngineStore.subscribe((state) => redraw.push(streamedText(state, id)));
    return () => {
      unsubscribe();
      redraw.cancel();
    };
  }, [id, streaming]);
  return streaming ? text : null;
}

const streamedText = (state: ReturnType<typeof useEngineStore.getState>, id: string) => (state.streaming?.messageId === id ? state.streaming.text : null);

/**
 * One element for the text whether or not it is still streaming, so when a
 * reply finishes its rendered blocks (and highlighted code) are kept rather
 * than rebuilt.
 */
function MessageText({ id, saved, streaming }: { id: string; saved: string; streaming: boolean }) {
  const text = useStreamedText(id, streaming);
  return <MarkdownView text={text ?? saved} streaming={streaming} />;
}

function Stats({ message }: { message: StoredMessage }) {
  const s = message.stats;
  if (!s) return null;
  return (
    <p className="message-stats">
      {s.completionTokens} tokens · first token {Math.round(s.timeToFirstTokenMs)} ms · prefill {s.prefillTokensPerSecond.toFixed(1)} tok/s · decode{' '}
      {s.decodeTokensPerSecond.toFixed(1)} tok/s{message.modelName ? ` · ${message.modelName}` : ''}
      {message.settings ? ` · temperature ${message.settings.temperature}` : ''}
    </p>
  );
}

interface RowProps {
  message: StoredMessage;
  siblings: SiblingInfo | undefined;
  /** A reply is being written somewhere in this conversation. */
  busy: boolean;
  editing: boolean;
  /** Pointed at from search. */
  focused: boolean;
  onCommand(command: MessageCommand): void;
  onEditDone(text: string | null): void;
}

export const MessageRow = memo(
  function MessageRow({ message, siblings, busy, editing, focused, onCommand, onEditDone }: RowProps) {
    const streaming = message.status === 'streaming';
    return (
      <article id={`message-${message.id}`} data-focused={focused || undefined} className={`message message-${message.role}`} aria-label={message.role === 'user' ? 'You' : 'Assistant'} data-status={message.status} data-testid="message">
        <div className="message-role">{message.role === 'user' ? 'You' : 'Assistant'}</div>
        {message.droppedMessages ? (
          <p className="context-marker">{message.droppedMessages} earlier message{message.droppedMessages > 1 ? 's were' : ' was'} left out: they no longer fit in the model&apos;s context window.</p>
        ) : null}
        <div className="message-content" aria-live={streaming ? 'polite' : undefined} aria-busy={streaming || undefined}>
          <MessageText id={message.id} saved={message.content} streaming={streaming} />
          {streaming && <span className="cursor" aria-hidden="true" />}
        </div>
        {STATUS_TEXT[message.status] && <p className="message-note">{STATUS_TEXT[message.status]}</p>}
        {message.status === 'error' && message.error && (
          <p className="message-note message-error" role="alert">
            The reply failed: {message.error.message}
          </p>
        )}
        <Stats message={message} />
        {editing ? (
          <EditMessageForm initial={message.content} onSave={(text) => onEditDone(text)} onCancel={() => onEditDone(null)} />
        ) : (
          !streaming && <MessageActions messageId={message.id} role={message.role} text={message.content} siblings={siblings} busy={busy} onCommand={onCommand} />
        )}
      </article>
    );
  },
  (a, b) =>
    a.message.id === b.message.id &&
    a.message.content === b.message.content &&
    a.message.status === b.message.status &&
    a.message.stats === b.message.stats &&
    a.busy === b.busy &&
    a.editing === b.editing &&
    a.focused === b.focused &&
    a.siblings?.index === b.siblings?.index &&
    a.siblings?.count === b.siblings?.count &&
    a.onCommand === b.onCommand,
);
