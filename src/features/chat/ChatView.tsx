/** The open conversation: its visible branch and the composer. */
import { useEffect, useRef, useState } from 'react';
import type { ModelRecord } from '../../models/records';
import { useEngineStore } from '../../store/engine-store';
import { useSessionStore } from '../../store/session-store';
import { Notice } from '../../ui/Notice';
import { ChatError, sendMessage, stopGeneration } from './chat-controller';
import { Composer } from './Composer';
import { MessageRow } from './MessageRow';
import { useConversation, useVisiblePath } from './use-visible-path';

export function ChatView({ record }: { record: ModelRecord | undefined }) {
  const conversationId = useSessionStore((s) => s.conversationId);
  const conversation = useConversation(conversationId);
  const messages = useVisiblePath(conversation);
  const generating = useEngineStore((s) => s.streaming !== null);
  const ready = useEngineStore((s) => s.status === 'ready' && s.modelId === record?.id);
  const [problem, setProblem] = useState<string | null>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const count = messages?.length ?? 0;

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  const onSend = async (text: string) => {
    setProblem(null);
    if (!record) return;
    try {
      await sendMessage(text, record);
    } catch (err) {
      setProblem(err instanceof ChatError ? err.message : String(err));
      throw err;
    }
  };

  return (
    <section className="chat" aria-label="Conversation">
      <h1 className="chat-title">{conversation?.title ?? 'New conversation'}</h1>
      <div className="messages" role="log" aria-label="Messages">
        {conversationId && conversation === null && <Notice tone="warning">This conversation no longer exists.</Notice>}
        {count === 0 && <p className="empty-chat">{ready ? 'Say something to start.' : 'Load a model above, then start chatting. Everything stays on this device.'}</p>}
        {messages?.map((m) => <MessageRow key={m.id} message={m} />)}
        <div ref={endRef} />
      </div>
      {problem && <Notice tone="error" onDismiss={() => setProblem(null)}>{problem}</Notice>}
      <Composer generating={generating} disabledReason={ready ? null : 'Load a model to chat'} onSend={onSend} onStop={stopGeneration} />
    </section>
  );
}
