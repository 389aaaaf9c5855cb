/**
 * One run of one column: wait for the GPU (a chat reply here or in another
 * tab may hold it), switch the loaded model if the column needs another,
 * then stream the reply to the screen (throttled) and into the comparison
 * (checkpointed about once a second, in full when it ends).
 */
import type { ComparisonReply, StoredComparison } from '../../db';
import { isAbort } from '../../engine/errors';
import type { FinishReason, GenerationStats } from '../../engine/port';
import { fillTemplate } from '../../lib/compare/prompt-template';
import { fitToContext } from '../../lib/context-budget';
import { throttleLatest } from '../../lib/throttle';
import { buildRequest } from '../../models/build-request';
import type { Turn } from '../../models/vicuna';
import { useCompareStore, type RunPhase } from '../../store/compare-store';
import { streamRedrawMs, useEngineStore } from '../../store/engine-store';
import { GENERATION_LOCK } from '../chat/chat-controller';
import { cancelLoad, loadedEngine, loadModel, toUserError } from '../models/model-runtime';
import { recordReply, type CompareRun } from './compare-run';

const CHECKPOINT_MS = 1000;

type SetPhase = (phase: RunPhase, note?: string) => void;

export async function runColumn(run: CompareRun, signal: AbortSignal): Promise<void> {
  const store = useCompareStore.getState();
  const setPhase: SetPhase = (phase, note) => store.setRun(run.columnId, { key: run.key, phase, note });
  try {
    await withGpu(signal, () => setPhase('waiting', 'Waiting for the GPU: another reply is being written'), async () => {
      if (await ensureModel(run, signal, setPhase)) await streamReply(run, signal, setPhase);
    });
  } catch (err) {
    if (!isAbort(err) && !signal.aborted) throw err;
    recordReply(run, { content: '', status: 'stopped', modelId: run.record.id, modelName: run.record.name });
    setPhase('stopped', 'before it started');
  }
}

/** Runs `task` holding the generation lock, waiting for it (and saying so) if a reply is being written elsewhere. */
async function withGpu(signal: AbortSignal, onWait: () => void, task: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return task();
  const ran = await locks.request(GENERATION_LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await task();
    return true;
  });
  if (ran) return;
  onWait();
  await locks.request(GENERATION_LOCK, { signal }, task);
}

async function ensureModel(run: CompareRun, signal: AbortSignal, setPhase: SetPhase): Promise<boolean> {
  const engine = useEngineStore.getState();
  if (engine.status === 'ready' && engine.modelId === run.record.id && loadedEngine()) return true;
  const note = engine.status === 'ready' ? `Switching to model ${run.record.name}…` : `Loading model ${run.record.name}…`;
  setPhase('loading', note);
  useCompareStore.getState().setSwitching(note);
  const onAbort = () => cancelLoad();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (await loadModel(run.record)) return true;
    const base = { content: '', modelId: run.record.id, modelName: run.record.name };
    if (signal.aborted) {
      recordReply(run, { ...base, status: 'stopped' });
      setPhase('stopped', 'while the model was loading');
    } else {
      const error = useEngineStore.getState().error ?? { code: 'load-failed', message: `${run.record.name} could not be loaded.` };
      recordReply(run, { ...base, status: 'error', error });
      setPhase('failed', error.message);
    }
    return false;
  } finally {
    signal.removeEventListener('abort', onAbort);
    useCompareStore.getState().setSwitching(null);
  }
}

/** What the column's model is sent: its own thread up to this turn, or the question alone. */
function turnsFor(doc: StoredComparison, run: CompareRun, template: string): Turn[] | null {
  if (run.kind === 'question') {
    const question = doc.questions[run.index]?.question;
    return question === undefined ? null : [{ role: 'user', content: fillTemplate(template, question) }];
  }
  const thread = doc.threads[run.columnId] ?? [];
  const at = thread.findIndex((t) => t.round === run.index);
  if (at < 0) return null;
  const history = thread.slice(0, at).flatMap((t): Turn[] => [
    { role: 'user', content: t.prompt },
    ...(t.reply?.content ? [{ role: 'assistant' as const, content: t.reply.content }] : []),
  ]);
  return [...history, { role: 'user', content: thread[at]!.prompt }];
}

async function streamReply(run: CompareRun, signal: AbortSignal, setPhase: SetPhase): Promise<void> {
  const store = useCompareStore.getState();
  const doc = store.doc;
  const column = doc?.id === run.comparisonId ? doc.columns.find((c) => c.id === run.columnId) : undefined;
  const engine = loadedEngine();
  // The comparison was closed or the column removed while this run waited.
  if (!doc || !column) return setPhase('stopped', 'the column is gone');
  const base = { modelId: run.record.id, modelName: run.record.name };
  if (!engine) {
    const error = { code: 'model-not-loaded', message: `${run.record.name} is no longer loaded.` };
    recordReply(run, { ...base, content: '', status: 'error', error });
    return setPhase('failed', error.message);
  }
  let turns: Turn[] | null;
  try {
    turns = turnsFor(doc, run, column.template);
  } catch (err) {
    const error = toUserError(err);
    recordReply(run, { ...base, content: '', status: 'error', error });
    return setPhase('failed', error.message);
  }
  if (!turns) return setPhase('stopped', 'its input is gone');
  const contextWindow = useEngineStore.getState().loaded?.contextWindow ?? run.record.contextWindow;
  const fitted = fitToContext(column.settings.systemPrompt, turns, contextWindow, column.settings.maxTokens);
  const request = buildRequest(run.record, column.settings, fitted.turns);
  const reply = (content: string, status: ComparisonReply['status']): ComparisonReply => ({
    ...base, content, status, ...(fitted.dropped ? { droppedMessages: fitted.dropped } : {}),
  });

  setPhase('running', 'Writing…');
  const render = throttleLatest((text: string) => store.setLive(run.key, text), streamRedrawMs());
  store.setLive(run.key, '');
  const started = performance.now();
  let firstTokenAt = 0;
  let tokens = 0;
  let text = '';
  let lastCheckpoint = Date.now();
  let ending: { finishReason: FinishReason; stats?: GenerationStats; error?: { code: string; message: string } } = { finishReason: 'stop' };
  try {
    for await (const event of engine.complete(request, signal)) {
      if (event.type === 'done') {
        ending = { finishReason: event.finishReason, stats: event.stats };
        break;
      }
      if (!firstTokenAt) firstTokenAt = performance.now();
      tokens += event.tokens ?? 1;
      text += event.text;
      render.push(text);
      if (Date.now() - lastCheckpoint >= CHECKPOINT_MS) {
        lastCheckpoint = Date.now();
        // Saved as interrupted: if the page closes now, that is what it was.
        recordReply(run, reply(text, 'interrupted'));
      }
    }
  } catch (err) {
    ending = isAbort(err) || signal.aborted ? { finishReason: 'abort' } : { finishReason: 'error', error: toUserError(err) };
  } finally {
    render.cancel();
    const status = ending.finishReason === 'error' ? 'error' : ending.finishReason === 'abort' ? 'stopped' : 'complete';
    const stats = ending.stats ?? measuredStats(started, firstTokenAt, tokens);
    recordReply(run, { ...reply(text, status), finishReason: ending.finishReason, stats, ...(ending.error ? { error: ending.error } : {}) });
    store.setLive(run.key, null);
    if (status === 'complete') setPhase('done');
    else if (status === 'stopped') setPhase('stopped', 'kept what was written');
    else setPhase('failed', ending.error?.message);
  }
}

/** Stats measured here when the engine gave none (a reply that failed midway). */
function measuredStats(started: number, firstTokenAt: number, tokens: number): GenerationStats {
  const now = performance.now();
  const decodeSeconds = firstTokenAt ? (now - firstTokenAt) / 1000 : 0;
  return {
    promptTokens: 0,
    completionTokens: tokens,
    timeToFirstTokenMs: firstTokenAt ? firstTokenAt - started : 0,
    prefillTokensPerSecond: 0,
    decodeTokensPerSecond: decodeSeconds > 0 ? tokens / decodeSeconds : 0,
    totalMs: now - started,
  };
}
