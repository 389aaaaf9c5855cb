/**
 * One streamed completion on a loaded web-llm engine: our request in, deltas
 * out, stats from web-llm's final usage chunk. Aborting the signal interrupts
 * generation and ends with finish reason 'abort'.
 */
import type { ChatCompletionMessageParam, CompletionUsage, MLCEngine } from '@mlc-ai/web-llm';
import type { CompletionRequest, FinishReason, GenerationStats } from '../port';

export type CompletionEngine = Pick<MLCEngine, 'interruptGenerate'> & {
  chat: { completions: { create: (request: never) => Promise<unknown> } };
  completions: { create: (request: never) => Promise<unknown> };
};

interface StreamChunk {
  choices: { delta?: { content?: string | null }; text?: string; finish_reason?: string | null }[];
  usage?: CompletionUsage | null;
}

export function chatMessages(request: Extract<CompletionRequest, { kind: 'chat' }>): ChatCompletionMessageParam[] {
  // An empty system message leaves the conversation template's default in place.
  const system: ChatCompletionMessageParam[] = request.system ? [{ role: 'system', content: request.system }] : [];
  return [...system, ...request.messages.map((m): ChatCompletionMessageParam => ({ role: m.role, content: m.content }))];
}

export function samplingParams(settings: CompletionRequest['settings']) {
  return {
    stream: true as const,
    stream_options: { include_usage: true },
    temperature: settings.temperature,
    top_p: settings.topP,
    max_tokens: settings.maxTokens,
    repetition_penalty: settings.repetitionPenalty,
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.stop.length ? { stop: settings.stop } : {}),
  };
}

export function statsFromUsage(usage: CompletionUsage | null | undefined, measured: { totalMs: number; firstTokenMs: number; chunks: number }): GenerationStats {
  const extra = usage?.extra;
  return {
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? measured.chunks,
    timeToFirstTokenMs: extra?.time_to_first_token_s !== undefined ? extra.time_to_first_token_s * 1000 : measured.firstTokenMs,
    prefillTokensPerSecond: extra?.prefill_tokens_per_s ?? 0,
    decodeTokensPerSecond: extra?.decode_tokens_per_s ?? 0,
    totalMs: extra?.e2e_latency_s !== undefined ? extra.e2e_latency_s * 1000 : measured.totalMs,
  };
}

function finishFrom(reason: string | null | undefined): FinishReason {
  return reason === 'length' ? 'length' : reason === 'abort' ? 'abort' : 'stop';
}

export async function runMlcCompletion(
  engine: CompletionEngine,
  request: CompletionRequest,
  onDelta: (text: string) => void,
  signal: AbortSignal,
): Promise<{ finishReason: FinishReason; stats: GenerationStats }> {
  signal.throwIfAborted();
  const started = performance.now();
  let firstTokenMs = 0;
  let chunks = 0;
  let finishReason: FinishReason = 'stop';
  let usage: CompletionUsage | null | undefined;
  const interrupt = () => void engine.interruptGenerate();
  signal.addEventListener('abort', interrupt, { once: true });
  try {
    const params = samplingParams(request.settings);
    const stream = (request.kind === 'chat'
      ? await engine.chat.completions.create({ messages: chatMessages(request), ...params } as never)
      : await engine.completions.create({ prompt: request.prompt, ...params } as never)) as AsyncIterable<StreamChunk>;
    for await (const chunk of stream) {
      // web-llm clears its interrupt flag when a generation starts, so an abort seen before that is sent again.
      if (signal.aborted) interrupt();
      const choice = chunk.choices[0];
      const text = choice?.delta?.content ?? choice?.text ?? '';
      if (text) {
        if (!chunks) firstTokenMs = performance.now() - started;
        chunks++;
        onDelta(text);
      }
      if (choice?.finish_reason) finishReason = finishFrom(choice.finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
  } finally {
    signal.removeEventListener('abort', interrupt);
  }
  if (signal.aborted) finishReason = 'abort';
  return { finishReason, stats: statsFromUsage(usage, { totalMs: performance.now() - started, firstTokenMs, chunks }) };
}
