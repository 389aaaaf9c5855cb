import { describe, expect, it } from 'vitest';
import { readImportFiles } from './read-import-files';
import { chatgptMapping, chatgptMessage, memoryFile, SETTINGS } from './transfer-test-support';

const read = (data: unknown, name = 'conversations.json') =>
  readImportFiles([memoryFile(name, typeof data === 'string' ? data : JSON.stringify(data))], { defaults: SETTINGS, newId: () => crypto.randomUUID() });
const fails = (promise: Promise<unknown>, code: string, message: string | RegExp) =>
  expect(promise).rejects.toMatchObject({ code, message: typeof message === 'string' ? message : expect.stringMatching(message) });

const T = 1_700_000_000;
const user = (text: string, at: number) => chatgptMessage('user', [text], { createTime: at });
const bot = (text: string, at: number, slug = 'gpt-4o') => chatgptMessage('assistant', [text], { createTime: at, metadata: { model_slug: slug, finish_details: { type: 'stop' } } });

/** A branchy conversation the way ChatGPT exports it: hidden system root, custom instructions, tools, an image, regenerations and an edit. */
function tripConversation() {
  return {
    id: 'conv-trip',
    title: 'Trip plans',
    create_time: T - 10,
    update_time: T + 100.25,
    current_node: 'a2',
    default_model_slug: 'gpt-4o',
    mapping: chatgptMapping([
      ['client-created-root', null, null],
      ['sys', 'client-created-root', chatgptMessage('system', [''], { metadata: { is_visually_hidden_from_conversation: true } })],
      ['ci', 'sys', {
        ...chatgptMessage('user', [], { metadata: { is_visually_hidden_from_conversation: true, is_user_system_message: true, user_context_message_data: { about_user_message: 'I live in Oslo.', about_model_message: 'Answer in short bullet points.' } } }),
        content: { content_type: 'user_editable_context', user_profile: 'The user provided the following information about themselves…', user_instructions: 'The user provided the additional info…' },
      }],
      ['u1', 'ci', user('Plan a trip', T + 0.5)],
      ['a1', 'u1', bot('Where to?', T + 1)],
      ['a1b', 'u1', bot('Let us go to Rome.', T + 2, 'gpt-4')],
      ['u2', 'a1', chatgptMessage('user', [{ content_type: 'image_asset_pointer', asset_pointer: 'file-service://file-1', width: 10, height: 10 }, 'What is in this photo?'], { contentType: 'multimodal_text', createTime: T + 3, metadata: { attachments: [{ id: 'file-1', name: 'cat.png' }] } })],
      ['t1', 'u2', chatgptMessage('assistant', [], { contentType: 'code', createTime: T + 4, recipient: 'python' })],
      ['t2', 't1', { ...chatgptMessage('tool', [], { createTime: T + 5 }), content: { content_type: 'execution_output', text: 'ok' } }],
      ['a2', 't2', bot('It is a cat.', T + 6)],
      ['th', 'a1b', { ...chatgptMessage('assistant', [], { createTime: T + 7 }), content: { content_type: 'thoughts', thoughts: [] } }],
      ['a3', 'th', bot('Rome it is.', T + 8)],
      ['u1e', 'ci', user('Plan a trip to Rome', T + 9)],
      ['gap', 'u1e', null],
      ['a4', 'gap', chatgptMessage('assistant', ['Grazie!'], { createTime: null })],
    ]),
  };
}

describe('ChatGPT conversations.json', () => {
  it('keeps every branch, collapses left-out nodes, and shows the branch at current_node', async () => {
    const result = await read([tripConversation()]);
    expect(result.sources).toEqual([{ label: 'conversations.json', kind: 'chatgpt', conversations: 1, comparisons: 0 }]);
    const [{ conversation, messages }] = result.conversations as [(typeof result.conversations)[number]];
    const byId = Object.fromEntries(messages.map((m) => [m.id, m]));
    expect(Object.fromEntries(messages.map((m) => [m.id, m.parentId]))).toEqual({ u1: null, a1: 'u1', a1b: 'u1', u2: 'a1', a2: 'u2', a3: 'a1b', u1e: null, a4: 'u1e' });
    expect(conversation).toMatchObject({ id: 'conv-trip', title: 'Trip plans', leafId: 'a2', createdAt: (T - 10) * 1000, updatedAt: (T + 100.25) * 1000, pinned: 0, modelId: null });
    expect(conversation.settings).toEqual({ ...SETTINGS, systemPrompt: 'About me:\nI live in Oslo.\n\nHow I would like you to respond:\nAnswer in short bullet points.' });
    expect(byId.u1).toEqual({ id: 'u1', parentId: null, role: 'user', content: 'Plan a trip', createdAt: (T + 0.5) * 1000, status: 'complete' });
    expect(byId.a1).toMatchObject({ role: 'assistant', content: 'Where to?', modelName: 'gpt-4o', finishReason: 'stop', createdAt: (T + 1) * 1000 });
    expect(byId.a1b!.modelName).toBe('gpt-4');
    expect(byId.u2!.content).toBe('What is in this photo?');
    // No time of its own: it takes its parent's.
    expect(byId.a4!.createdAt).toBe((T + 9) * 1000);
    expect(Object.fromEntries(result.skipped)).toEqual({ images: 1, 'attached files': 1, 'code sent to tools': 1, 'code interpreter output': 1, reasoning: 1 });
  });

  it('moves the leaf to the nearest kept ancestor when current_node is left out, and picks the newest message without current_node', async () => {
    const c = tripConversation();
    expect((await read([{ ...c, current_node: 't2' }])).conversations[0]!.conversation.leafId).toBe('u2');
    expect((await read([{ ...c, current_node: 'sys' }])).conversations[0]!.conversation.leafId).toBeNull();
    expect((await read([{ ...c, current_node: null }])).conversations[0]!.conversation.leafId).toBe('a4');
  });

  it('reads old-style custom instructions on a system message, voice transcripts, hidden and tool messages', async () => {
    const conversation = {
      title: null,
      create_time: T,
      update_time: null,
      current_node: 'a',
      mapping: chatgptMapping([
        ['s', null, chatgptMessage('system', [''], { metadata: { user_context_message_data: { about_user_message: '', about_model_message: 'Be terse.' } } })],
        ['v', 's', chatgptMessage('user', [{ content_type: 'audio_transcription', text: 'Hello by voice' }, { content_type: 'audio_asset_pointer' }], { contentType: 'multimodal_text', createTime: T + 1 })],
        ['h', 'v', { ...user('secret', T + 2), metadata: { is_visually_hidden_from_conversation: true } }],
        ['w', 'h', { ...chatgptMessage('tool', ['search results']), author: { role: 'tool', name: 'browser' } }],
        ['a', 'w', { ...bot('Hi.', T + 3), metadata: { finish_details: { type: 'interrupted' } } }],
      ]),
    };
    const [c] = (await read([conversation])).conversations;
    expect(c!.conversation.title).toBe('Untitled conversation');
    expect(c!.conversation.settings.systemPrompt).toBe('How I would like you to respond:\nBe terse.');
    expect(c!.messages.map((m) => [m.id, m.parentId, m.content, m.status])).toEqual([
      ['v', null, 'Hello by voice', 'complete'],
      ['a', 'v', 'Hi.', 'stopped'],
    ]);
    expect(c!.messages[1]!.finishReason).toBe('abort');
    expect(c!.conversation.updatedAt).toBe((T + 3) * 1000);
  });

  it('reads split conversations-NNN.json files chosen together', async () => {
    const one = { ...tripConversation(), id: 'one' };
    const two = { title: 'Second', current_node: 'x', mapping: chatgptMapping([['x', null, user('Second part', T)]]), id: 'two' };
    const result = await readImportFiles(
      [memoryFile('conversations-000.json', JSON.stringify([one])), memoryFile('conversations-001.json', JSON.stringify([two]))],
      { defaults: SETTINGS, newId: () => crypto.randomUUID() },
    );
    expect(result.conversations.map((c) => c.conversation.id)).toEqual(['one', 'two']);
    expect(result.sources.map((s) => s.label)).toEqual(['conversations-000.json', 'conversations-001.json']);
  });

  it('names the conversation and field of a wrong type', async () => {
    const bad = tripConversation();
    bad.mapping.abc = { id: 'abc', parent: 'u1', children: [], message: chatgptMessage('user', [5]) };
    const list = [{ ...tripConversation(), id: 'x1' }, { ...tripConversation(), id: 'x2', current_node: null, mapping: chatgptMapping([]) }, bad];
    await fails(read(list), 'invalid', 'conversations.json: conversation 3 ("Trip plans"): mapping["abc"].message.content.parts[0] must be a string');
    await fails(read([{ title: 'No tree' }]), 'invalid', 'conversations.json: conversation 1 ("No tree"): mapping is missing');
    await fails(read([{ title: 'Odd', mapping: { n: { id: 'm', parent: null, message: null } } }]), 'invalid', /mapping\["n"\]\.id must equal its key "n"$/);
    await fails(read([{ title: 'Lost', current_node: 'nope', mapping: chatgptMapping([['n', null, null]]) }]), 'invalid', /current_node refers to "nope", which is not in mapping$/);
    await fails(read([{ title: 'Orphan', mapping: { n: { parent: 'gone', message: null } } }]), 'invalid', 'conversations.json: conversation 1 ("Orphan"): mapping["n"].parent refers to "gone", which is not in mapping');
  });

  it('refuses a cycle in the mapping tree', async () => {
    const loop = { title: 'Loop', mapping: chatgptMapping([['a', 'c', user('one', T)], ['b', 'a', bot('two', T)], ['c', 'b', user('three', T)]]) };
    await fails(read([loop]), 'cycle', 'conversations.json: conversation 1 ("Loop"): mapping has a cycle (a message is its own ancestor): "a" → "c" → "b" → "a"');
  });

  it('refuses a message text over the limit', async () => {
    const big = { title: 'Big', mapping: chatgptMapping([['a', null, chatgptMessage('user', ['x'.repeat(600_000), 'y'.repeat(600_000)])]]) };
    await fails(read([big]), 'too-large', /mapping\["a"\]\.message\.content\.parts hold more than 1,000,000 characters/);
  });

  it('keeps __proto__ and constructor as plain ids and never touches Object.prototype', async () => {
    const text = JSON.stringify([{ title: 'Sneaky', mapping: { n1: { id: 'n1', parent: 'constructor', message: user('hi', T) } } }]);
    await fails(read(text), 'invalid', /mapping\["n1"\]\.parent refers to "constructor", which is not in mapping$/);
    const proto = `[{"title":"Proto","current_node":"__proto__","mapping":{"__proto__":{"id":"__proto__","parent":null,"message":${JSON.stringify(user('hello', T))},"polluted":"yes"}}}]`;
    const [c] = (await read(proto)).conversations;
    expect(c!.messages.map((m) => [m.id, m.content])).toEqual([['__proto__', 'hello']]);
    expect(c!.conversation.leafId).toBe('__proto__');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(c!.messages[0])).toBe(Object.prototype);
  });

  it('says when there is nothing to import', async () => {
    await fails(read([]), 'nothing-to-import', 'There are no conversations in conversations.json.');
  });
});
