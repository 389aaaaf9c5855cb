/** Builders for transfer tests: random branchy conversations, ChatGPT mappings, in-memory files. */
import fc from 'fast-check';
import type { ConversationWithMessages, TransferMessage, TransferSettings, TransferStats } from './export-format';
import type { PickedFile } from './read-file-text';

export const SETTINGS: TransferSettings = { systemPrompt: 'Be brief.', temperature: 0.7, topP: 0.95, maxTokens: 512, repetitionPenalty: 1, stop: ['</s>'] };

export function memoryFile(name: string, data: string | Uint8Array): PickedFile {
  return new File([data as BlobPart], name);
}

export const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);
export const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
export const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', '<script>alert(1)</script>', '__proto__', 'line\nbreak', '🦙 emoji ZWJ 👩‍👩‍👧'));
// JSON has no -0; it comes back as 0, so it is left out here.
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)), fc.integer());
const statNumber = fc.oneof(number, fc.constantFrom(NaN, Infinity, -Infinity));

export const settings: fc.Arbitrary<TransferSettings> = fc.record(
  { systemPrompt: text, temperature: number, topP: number, maxTokens: fc.integer({ min: 1, max: 4096 }), repetitionPenalty: number, seed: fc.integer(), stop: fc.array(text, { maxLength: 3 }) },
  { requiredKeys: ['systemPrompt', 'temperature', 'topP', 'maxTokens', 'repetitionPenalty', 'stop'] },
);

export const stats: fc.Arbitrary<TransferStats> = fc.record({
  promptTokens: fc.nat(),
  completionTokens: fc.nat(),
  timeToFirstTokenMs: statNumber,
  prefillTokensPerSecond: statNumber,
  decodeTokensPerSecond: statNumber,
  totalMs: statNumber,
});

const messageExtras = fc.record(
  {
    error: fc.record({ code: fc.constantFrom('device-lost', 'unknown'), message: text }),
    finishReason: fc.constantFrom('stop', 'length', 'abort', 'error'),
    modelId: fc.constantFrom('WizardVicuna-7B-q4f16_1-MLC', 'custom:abc'),
    modelName: fc.constantFrom('WizardVicuna 7B', 'Tiny'),
    stats,
    settings,
    droppedMessages: fc.nat(20),
  },
  { requiredKeys: [] },
);

/** A conversation whose messages form a random forest (branches from edits and regenerations). */
export const conversationArbitrary: fc.Arbitrary<ConversationWithMessages> = fc
  .record({
    id,
    title: text,
    createdAt: time,
    updatedAt: time,
    pinned: fc.constantFrom<0 | 1>(0, 1),
    tags: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}$/), { maxLength: 3 }),
    modelId: fc.option(fc.constantFrom('WizardVicuna-13B-q4f16_1-MLC', 'custom:x'), { nil: null }),
    settings,
    messages: fc.array(
      fc.record({ parentPick: fc.option(fc.nat(), { nil: null }), role: fc.constantFrom<'user' | 'assistant'>('user', 'assistant'), content: text, createdAt: time, status: fc.constantFrom('complete', 'streaming', 'stopped', 'error', 'interrupted' as const), extras: messageExtras }),
      { maxLength: 25 },
    ),
    leafPick: fc.option(fc.nat(), { nil: null }),
  })
  .map(({ messages: drafts, leafPick, ...conversation }) => {
    const messages: TransferMessage[] = drafts.map((d, i) => ({
      id: `${conversation.id}-m${i}`,
      parentId: d.parentPick === null || i === 0 ? null : `${conversation.id}-m${d.parentPick % i}`,
      role: d.role,
      content: d.content,
      createdAt: d.createdAt,
      status: d.status,
      ...d.extras,
    }));
    const leafId = leafPick === null || !messages.length ? null : messages[leafPick % messages.length]!.id;
    return { conversation: { ...conversation, leafId }, messages };
  });

export const libraryArbitrary = fc.uniqueArray(conversationArbitrary, { minLength: 1, maxLength: 6, selector: (c) => c.conversation.id });

/** A linear-or-branchy conversation built by hand: `parents[i]` is the index of message i's parent. */
export function handmadeConversation(convId: string, parents: (number | null)[], leaf: number | null, extra: Partial<TransferMessage> = {}): ConversationWithMessages {
  const messages = parents.map(
    (p, i): TransferMessage => ({
      id: `${convId}-m${i}`,
      parentId: p === null ? null : `${convId}-m${p}`,
      role: i % 2 ? 'assistant' : 'user',
      content: `message ${i} of ${convId}`,
      createdAt: 1_700_000_000_000 + i * 1000,
      status: 'complete',
      ...extra,
    }),
  );
  return {
    conversation: { id: convId, title: `Conversation ${convId}`, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000, pinned: 0, tags: [], leafId: leaf === null ? null : `${convId}-m${leaf}`, modelId: null, settings: SETTINGS },
    messages,
  };
}

type Node = { id: string; parent: string | null; children: string[]; message: unknown };

/** A ChatGPT `mapping` from [id, parent, message] triples (children filled in from the parents). */
export function chatgptMapping(nodes: [string, string | null, unknown][]): Record<string, Node> {
  const mapping: Record<string, Node> = {};
  for (const [nodeId, parent, message] of nodes) mapping[nodeId] = { id: nodeId, parent, children: [], message };
  for (const [nodeId, parent] of nodes) if (parent && mapping[parent]) mapping[parent].children.push(nodeId);
  return mapping;
}

export function chatgptMessage(role: string, parts: unknown[], options: { contentType?: string; createTime?: number | null; metadata?: Record<string, unknown>; recipient?: string } = {}) {
  return {
    id: 'ignored',
    author: { role, name: null, metadata: {} },
    create_time: options.createTime ?? null,
    update_time: null,
    content: { content_type: options.contentType ?? 'text', parts },
    status: 'finished_successfully',
    end_turn: true,
    weight: 1,
    metadata: options.metadata ?? {},
    recipient: options.recipient ?? 'all',
  };
}
