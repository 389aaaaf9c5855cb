/** The open conversation: its visible branch, branch controls and the composer. */
import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import type { StoredMessage } from '../../db';
import type { ModelRecord } from '../../models/records';
import { useEngineStore } from '../../store/engine-store';
import { useSessionStore } from '../../store/session-store';
import { useSettingsStore } from '../../store/settings-store';
import { Notice } from '../../ui/Notice';
import { editAndResend, regenerate, showSibling } from './branch-actions';
import { ChatError, sendMessage, stopGeneration } from './chat-controller';
import { Composer } from './Composer';
import { ContextMeter } from './ContextMeter';
import { ConversationSettingsPanel } from './ConversationSettingsPanel';
import type { MessageCommand } from './MessageActions';
import { MessageList } from './MessageList';
import { MessageRow } from './MessageRow';
import { useConversation, useConversationTree } from './use-conversation-tree';

const NO_MESSAGES: StoredMessage[] = [];

export function ChatView({ record }: { record: ModelRecord | undefined }) {
  const conversationId = useSessionStore((s) => s.conversationId);
  const conversation = useConversation(conversationId);
  const tree = useConversationTree(conversation);
  const generating = useEngineStore((s) => s.streaming !== null);
  const ready = useEngineStore((s) => s.status === 'ready' && s.modelId === record?.id);
  const loadedContext = useEngineStore((s) => s.loaded?.contextWindow);
  const defaults = useSettingsStore((s) => s.defaults);
  const focusId = useSessionStore((s) => s.focusMessageId);
  const [problem, setProblem] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const count = tree?.path.length ?? 0;
  // The meter adds up the whole path: in a long conversation it is worth a render of its own.
  const meterPath = useDeferredValue(tree?.path ?? NO_MESSAGES);
  const context = useRef({ conversationId, record });
  useEffect(() => {
    context.current = { conversationId, record };
  }, [conversationId, record]);

  const report = useCallback((err: unknown) => setProblem(err instanceof ChatError ? err.message : err instanceof Error ? err.message : String(err)), []);

  const onCommand = useCallback(
    (command: MessageCommand) => {
      const { conversationId: id, record: model } = context.current;
      setProblem(null);
      if (command.kind === 'copy') return void navigator.clipboard?.writeText(command.text).catch(report);
      if (!id) return;
      if (command.kind === 'show') return void showSibling(id, command.id).catch(report);
      if (command.kind === 'edit') return setEditingId(command.id);
      if (!model) return report(new ChatError('no-model', 'Pick a model first.'));
      void regenerate(id, command.id, model).catch(report);
    },
    [report],
  );

  const onEditDone = useCallback(
    (text: string | null) => {
      const { conversationId: id, record: model } = context.current;
      const editing = editingId;
      setEditingId(null);
      if (text === null || !id || !editing) return;
      if (!model) return report(new ChatError('no-model', 'Pick a model first.'));
      void editAndResend(id, editing, text, model).catch(report);
    },
    [editingId, report],
  );

  const renderRow = (m: StoredMessage) => (
    <MessageRow
      key={m.id}
      message={m}
      siblings={tree?.siblings.get(m.id)}
      busy={generating}
      editing={editingId === m.id}
      focused={focusId === m.id}
      onCommand={onCommand}
      onEditDone={onEditDone}
    />
  );

  const onSend = async (text: string) => {
    setProblem(null);
    if (!record) return;
    try {
      await sendMessage(text, record);
    } catch (err) {
      report(err);
      throw err;
    }
  };

  return (
    <section className="chat" aria-label="Conversation">
      <header className="chat-header">
        <h1 className="chat-title">{conversation?.title ?? 'New conversation'}</h1>
        <ConversationSettingsPanel conversation={conversation} />
      </header>
      <MessageList messages={tree?.path ?? NO_MESSAGES} focusId={focusId} renderRow={renderRow}>
        {conversation === null && <Notice tone="warning">This conversation no longer exists.</Notice>}
        {count === 0 && <p className="empty-chat">{ready ? 'Say something to start.' : 'Load a model above, then start chatting. Everything stays on this device.'}</p>}
      </MessageList>
      {problem && <Notice tone="error" onDismiss={() => setProblem(null)}>{problem}</Notice>}
      <ContextMeter path={meterPath} settings={conversation?.settings ?? defaults} contextWindow={loadedContext ?? record?.contextWindow ?? 2048} />
      <Composer generating={generating} disabledReason={ready ? null : 'Load a model to chat'} onSend={onSend} onStop={stopGeneration} />
    </section>
  );
}
