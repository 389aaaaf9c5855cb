/**
 * Sending a message and streaming the reply: the reply is shown through a
 * throttled store field, checkpointed to IndexedDB about once a second and
 * saved in full when it ends, however it ends.
 */
import { conversationsRepo, messagesRepo, type StoredMessage } from '../../db';
import { isAbort } from '../../engine/errors';
import type { FinishReason, GenerationStats } from '../../engine/port';
import { fitToContext } from '../../lib/context-budget';
import { throttleLatest } from '../../lib/throttle';
import { buildRequest } from '../../models/build-request';
import type { ModelRecord } from '../../models/records';
import { useEngineStore } from '../../store/engine-store';
import { useSessionStore } from '../../store/session-store';
import { useSettingsStore } from '../../store/settings-store';
import { loadedEngine, toUserError } from '../models/model-runtime';

const RENDER_MS = 50;
const CHECKPOINT_MS = 1000;

let current: { controller: AbortController; messageId: string } | null = null;

export class ChatError extends Error {
  constructor(
    readonly code: 'no-model' | 'busy' | 'empty',
    message: string,
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

export function isGenerating(): boolean {
  return current !== null;
}

export function stopGeneration(): void {
  current?.controller.abort();
}

export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]!.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || 'New conversation';
}

/** Send `text` in the open conversation (creating one if needed) and stream the reply. */
export async function sendMessage(text: string, record: ModelRecord): Promise<void> {
  const content = text.trim();
  if (!content) throw new ChatError('empty', 'Type a message first.');
  assertReady(record);
  let conversationId = useSessionStore.getState().conversationId;
  let conversation = conversationId ? await conversationsRepo.get(conversationId) : undefined;
  if (!conversation) {
    conversation = await conversationsRepo.create({ title: titleFrom(content), modelId: record.id, settings: useSettingsStore.getState().defaults });
    conversationId = conversation.id;
    useSessionStore.getState().open(conversationId);
  }
  await continueFrom(conversation.id, null, record, { parentId: conversation.leafId, content });
}

/**
 * Answer `parent`, or first add the user message `newUser` and answer that.
 * Regenerating and editing use this too, so every reply is made the same way.
 */
export async function continueFrom(
  conversationId: string,
  parent: StoredMessage | null,
  record: ModelRecord,
  newUser?: { parentId: string | null; content: string },
): Promise<void> {
  assertReady(record);
  await withGenerationLock(async () => {
    const question = newUser
      ? await messagesRepo.append({ conversationId, parentId: newUser.parentId, role: 'user', content: newUser.content, status: 'complete' })
      : parent;
    if (!question) throw new ChatError('empty', 'There is no message to answer.');
    await conversationsRepo.setModel(conversationId, record.id);
    await generateReply(conversationId, question, record);
  });
}

/** Held while a reply is written; the compare queue takes it too, so chat and comparisons never share the GPU. */
export const GENERATION_LOCK = 'wv-generation';

/** One reply at a time across tabs: the GPU is shared, so a second tab is told, not queued silently. */
async function withGenerationLock(run: () => Promise<void>): Promise<void> {
  if (!globalThis.navigator?.locks) return run();
  await navigator.locks.request(GENERATION_LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) throw new ChatError('busy', 'The model is busy writing a reply in another tab. Wait for it to finish there (or stop it), then send again.');
    await run();
  });
}

function assertReady(record: ModelRecord) {
  const engineState = useEngineStore.getState();
  if (engineState.status !== 'ready' || engineState.modelId !== record.id || !loadedEngine()) {
    throw new ChatError('no-model', 'Load a model first: pick one above and press Load.');
  }
  if (current) throw new ChatError('busy', 'A reply is still being written. Stop it or wait for it to finish.');
}

async function generateReply(conversationId: string, parent: StoredMessage, record: ModelRecord): Promise<void> {
  const engine = loadedEngine()!;
  const conversation = (await conversationsRepo.get(conversationId))!;
  const settings = conversation.settings;
  const history = (await messagesRepo.visiblePath(conversationId, parent.id))
    .filter((m) => m.content.length > 0)
    .map((m) => ({ role: m.role, content: m.content }));
  const contextWindow = useEngineStore.getState().loaded?.contextWindow ?? record.contextWindow;
  const fitted = fitToContext(settings.systemPrompt, history, contextWindow, settings.maxTokens);
  const request = buildRequest(record, settings, fitted.turns);
  const reply = await messagesRepo.append({
    conversationId, parentId: parent.id, role: 'assistant', content: '', status: 'streaming',
    modelId: record.id, modelName: record.name, settings, droppedMessages: fitted.dropped,
  });

  const controller = new AbortController();
  current = { controller, messageId: reply.id };
  const store = useEngineStore.getState();
  const render = throttleLatest((text: string) => store.setStreaming({ conversationId, messageId: reply.id, text }), RENDER_MS);
  store.setStreaming({ conversationId, messageId: reply.id, text: '' });
  let text = '';
  let lastCheckpoint = Date.now();
  let ending: { finishReason: FinishReason; stats?: GenerationStats; error?: { code: string; message: string } } = { finishReason: 'stop' };

  await withReplyLock(reply.id, async () => {
    try {
      for await (const event of engine.complete(request, controller.signal)) {
        if (event.type === 'done') {
          ending = { finishReason: event.finishReason, stats: event.stats };
          break;
        }
        text += event.text;
        render.push(text);
        if (Date.now() - lastCheckpoint >= CHECKPOINT_MS) {
          lastCheckpoint = Date.now();
          await messagesRepo.update(reply.id, { content: text });
        }
      }
    } catch (err) {
      ending = isAbort(err) ? { finishReason: 'abort' } : { finishReason: 'error', error: toUserError(err) };
    } finally {
      render.cancel();
      const status = ending.finishReason === 'error' ? 'error' : ending.finishReason === 'abort' ? 'stopped' : 'complete';
      await messagesRepo.update(reply.id, { content: text, status, finishReason: ending.finishReason, stats: ending.stats, error: ending.error });
      current = null;
      useEngineStore.getState().setStreaming(null);
    }
  });
}

/** Holding a Web Lock marks the reply as live, so other tabs do not call it interrupted. */
async function withReplyLock(messageId: string, run: () => Promise<void>): Promise<void> {
  if (!globalThis.navigator?.locks) return run();
  await navigator.locks.request(replyLockName(messageId), run);
}

export const replyLockName = (messageId: string) => `wv-reply:${messageId}`;

/** On start: replies left 'streaming' with no live tab behind them were cut off. */
export async function recoverInterruptedReplies(): Promise<number> {
  const held = globalThis.navigator?.locks ? ((await navigator.locks.query()).held ?? []).map((l) => l.name) : [];
  return messagesRepo.markInterrupted((id) => held.includes(replyLockName(id)));
}
