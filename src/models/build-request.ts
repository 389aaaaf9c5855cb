/** Turn the visible history into what the engine is sent, per prompt format. */
import type { ConversationSettings } from '../db/records';
import type { CompletionRequest, GenerationSettings } from '../engine/port';
import type { ModelRecord } from './records';
import { formatPlainPrompt, formatVicunaPrompt, type Turn } from './vicuna';

export function buildRequest(record: Pick<ModelRecord, 'engine' | 'promptFormat'>, settings: ConversationSettings, turns: Turn[]): CompletionRequest {
  const { systemPrompt, ...generation } = settings;
  const sampling: GenerationSettings = { ...generation, stop: [...generation.stop] };
  // web-llm formats with the record's conv_template (Vicuna's for WizardVicuna builds).
  if (record.engine === 'mlc' || record.promptFormat === 'model-template') {
    return { kind: 'chat', system: systemPrompt, messages: turns, settings: sampling };
  }
  if (record.promptFormat === 'plain') return { kind: 'prompt', prompt: formatPlainPrompt(turns), settings: sampling };
  return { kind: 'prompt', prompt: formatVicunaPrompt(systemPrompt, turns), settings: sampling };
}
