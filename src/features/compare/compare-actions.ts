/**
 * What the workspace asks for: send one input to every column, run the
 * inputs again, run a question set, give every column one seed, and carry a
 * column's thread over into a normal conversation.
 */
import { conversationsRepo, messagesRepo, type ComparisonReply, type StoredComparison } from '../../db';
import type { DeviceReport } from '../../engine/device-check';
import { fillTemplate, templateProblem } from '../../lib/compare/prompt-template';
import type { ModelRecord } from '../../models/records';
import { assessModel } from '../../models/runnability';
import { useCompareStore } from '../../store/compare-store';
import { useEngineStore } from '../../store/engine-store';
import { useSessionStore } from '../../store/session-store';
import { useSettingsStore } from '../../store/settings-store';
import { titleFrom } from '../chat/chat-controller';
import { appendRound, clearRounds, setQuestionReply, setQuestions, setSeedForAll } from './comparison-edits';
import { flushAutosave } from './comparison-autosave';
import { compareRun, runKey, type CompareRun } from './compare-run';
import { enqueueRuns } from './compare-runner';
import { CompareError } from './compare-error';
import { UNTITLED } from './comparison-library';

type Catalog = readonly ModelRecord[];

/** The model a column runs, or why it cannot run here (checked before anything is queued). */
export function columnModel(modelId: string | null, catalog: Catalog, device: DeviceReport | null): { record: ModelRecord } | { reason: string } {
  if (!modelId) return { reason: 'Pick a model for this column.' };
  const record = catalog.find((r) => r.id === modelId);
  if (!record) return { reason: 'This column’s model is no longer in the model list. Pick another.' };
  const verdict = device ? assessModel(record, device) : null;
  return verdict && !verdict.ok ? { reason: verdict.message } : { record };
}

function openDoc(): StoredComparison {
  const { doc, busy } = useCompareStore.getState();
  if (!doc) throw new CompareError('not-found', 'Open or start a comparison first.');
  if (busy) throw new CompareError('busy', 'Runs are still going. Stop them or wait for them to finish first.');
  for (const column of doc.columns) {
    const problem = templateProblem(column.template);
    if (problem) throw new CompareError('invalid-template', `Column ${column.label}: ${problem.message}`);
  }
  return doc;
}

const cannotRun = (reason: string, modelId: string | null): ComparisonReply => ({ content: '', status: 'error', error: { code: 'cannot-run', message: `Cannot run here: ${reason}` }, modelId });

/** Adds `input` as the next round of every thread; returns the runs to queue. */
function startRound(input: string, catalog: Catalog): CompareRun[] {
  const store = useCompareStore.getState();
  const doc = store.doc!;
  const round = doc.inputs.length;
  const prompts: Record<string, string> = {};
  const blocked: Record<string, ComparisonReply> = {};
  const runs: CompareRun[] = [];
  for (const column of doc.columns) {
    prompts[column.id] = fillTemplate(column.template, input);
    const model = columnModel(column.modelId, catalog, useEngineStore.getState().device);
    if ('reason' in model) {
      blocked[column.id] = cannotRun(model.reason, column.modelId);
      store.setRun(column.id, { key: runKey(column.id, 'turn', round), phase: 'unrunnable', note: model.reason });
    } else runs.push(compareRun(doc.id, column.id, 'turn', round, model.record));
  }
  store.update((d) => appendRound(d, input, prompts, blocked));
  return runs;
}

export function sendInput(text: string, catalog: Catalog): void {
  const input = text.trim();
  if (!input) throw new CompareError('empty-input', 'Type something to send to every column first.');
  const doc = openDoc();
  if (doc.title === UNTITLED && doc.inputs.length === 0) useCompareStore.getState().update((d) => ({ ...d, title: titleFrom(input) }));
  enqueueRuns(startRound(input, catalog));
}

/** Empties the threads and sends the same inputs again, in order. */
export function runAgain(catalog: Catalog): void {
  const { inputs } = openDoc();
  if (!inputs.length) throw new CompareError('no-inputs', 'Nothing has been sent yet, so there is nothing to run again.');
  useCompareStore.getState().update(clearRounds);
  enqueueRuns(inputs.flatMap((input) => startRound(input, catalog)));
}

/** Each question as a fresh single-turn run in every column; replaces earlier set results. */
export function runQuestionSet(questions: string[], catalog: Catalog): void {
  const doc = openDoc();
  if (!questions.length) throw new CompareError('no-questions', 'Add some questions first, one per line.');
  const store = useCompareStore.getState();
  store.update((d) => setQuestions(d, questions));
  const runs: CompareRun[] = [];
  questions.forEach((_, row) => {
    for (const column of doc.columns) {
      const model = columnModel(column.modelId, catalog, useEngineStore.getState().device);
      if ('reason' in model) {
        store.update((d) => setQuestionReply(d, row, column.id, cannotRun(model.reason, column.modelId)));
        store.setRun(column.id, { key: runKey(column.id, 'question', row), phase: 'unrunnable', note: model.reason });
      } else runs.push(compareRun(doc.id, column.id, 'question', row, model.record));
    }
  });
  enqueueRuns(runs);
}

/** The first column's seed (or a new random one) in every column. */
export function giveAllColumnsOneSeed(): number {
  const doc = useCompareStore.getState().doc;
  const seed = doc?.columns.find((c) => c.settings.seed !== undefined)?.settings.seed ?? Math.floor(Math.random() * 0x7fffffff);
  useCompareStore.getState().update((d) => setSeedForAll(d, seed));
  return seed;
}

/** A normal conversation holding the column's thread (prompts as sent) and settings; chat opens on it. */
export async function openAsConversation(columnId: string): Promise<void> {
  const doc = useCompareStore.getState().doc;
  const column = doc?.columns.find((c) => c.id === columnId);
  const thread = (doc?.threads[columnId] ?? []).filter((t) => t.reply);
  if (!doc || !column) throw new CompareError('not-found', 'This column no longer exists.');
  if (!thread.some((t) => t.reply?.content)) throw new CompareError('no-turns', `Column ${column.label} has no replies yet: send something first.`);
  await flushAutosave();
  const conversation = await conversationsRepo.create({ title: `${doc.title} · ${column.label}`, modelId: column.modelId, settings: column.settings });
  let parentId: string | null = null;
  let at = Date.now();
  for (const turn of thread) {
    const question = await messagesRepo.append({ conversationId: conversation.id, parentId, role: 'user', content: turn.prompt, status: 'complete', createdAt: at++ });
    const { content, status, finishReason, stats, error, modelId, modelName, droppedMessages } = turn.reply!;
    const answer = await messagesRepo.append({
      conversationId: conversation.id, parentId: question.id, role: 'assistant', content, status, createdAt: at++,
      finishReason, stats, error, modelId: modelId ?? undefined, modelName, droppedMessages, settings: column.settings,
    });
    parentId = answer.id;
  }
  if (column.modelId) useSettingsStore.getState().selectModel(column.modelId);
  useSessionStore.getState().open(conversation.id);
}
