import { describe, expect, it } from 'vitest';
import { exportJsonParts } from './export-json';
import { readImportFiles } from './read-import-files';
import { handmadeConversation, memoryFile, SETTINGS } from './transfer-test-support';
import { TRANSFER_LIMITS } from './transfer-limits';
import type { PickedFile } from './read-file-text';

const AT = new Date('2026-11-24T12:00:00Z');
const options = { defaults: SETTINGS, newId: () => crypto.randomUUID() };
const read = (files: PickedFile[]) => readImportFiles(files, options);
const readText = (text: string, name = 'backup.json') => read([memoryFile(name, text)]);
const validDoc = () => JSON.parse(exportJsonParts([handmadeConversation('a', [null, 0, 0], 2), handmadeConversation('trip', [null, 0], 1)], AT).join(''));
/** The export with one change applied to its parsed form. */
const withChange = (change: (doc: ReturnType<typeof validDoc>) => void) => {
  const doc = validDoc();
  change(doc);
  return JSON.stringify(doc);
};
const fails = (promise: Promise<unknown>, code: string, message: string | RegExp) =>
  expect(promise).rejects.toMatchObject({ name: 'TransferError', code, message: typeof message === 'string' ? message : expect.stringMatching(message) });

describe('reading our export', () => {
  it('reads every conversation and message', async () => {
    const result = await readText(JSON.stringify(validDoc()));
    expect(result.sources).toEqual([{ label: 'backup.json', kind: 'wizardvicuna', conversations: 2, comparisons: 0 }]);
    expect(result.conversations.map((c) => c.messages.length)).toEqual([3, 2]);
    expect(result.messages).toBe(5);
  });

  it('says a truncated file looks cut off', async () => {
    const text = JSON.stringify(validDoc());
    await fails(readText(text.slice(0, text.length / 2)), 'not-json', 'backup.json ends in the middle of the data: it looks cut off. Was the download complete?');
  });

  it('refuses text that is not JSON, empty files and bytes that are not UTF-8', async () => {
    await fails(readText('hello, world'), 'not-json', /^backup.json is not valid JSON \(/);
    await fails(readText('  '), 'not-json', 'backup.json is empty.');
    await fails(read([memoryFile('backup.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))]), 'not-json', /backup.json is not text/);
  });

  it('names the file, conversation and field of a wrong type or a missing field', async () => {
    await fails(readText(withChange((d) => (d.conversations[1].messages[1].content = 42))), 'invalid', 'backup.json: conversation 2 ("Conversation trip"): messages[1].content must be a string, not 42');
    await fails(readText(withChange((d) => delete d.conversations[0].messages[0].role)), 'invalid', 'backup.json: conversation 1 ("Conversation a"): messages[0].role is missing');
    await fails(readText(withChange((d) => (d.conversations[0].pinned = true))), 'invalid', 'backup.json: conversation 1 ("Conversation a"): pinned must be 0 or 1');
    await fails(readText(withChange((d) => (d.conversations[0].settings.temperature = 'hot'))), 'invalid', /settings\.temperature must be a number, not the text "hot"$/);
    await fails(readText(withChange((d) => (d.conversations[0].messages[2].status = 'done'))), 'invalid', /messages\[2\]\.status must be one of "complete", "streaming"/);
    await fails(readText(withChange((d) => (d.conversations = {}))), 'invalid', 'backup.json: conversations must be a list, not an object');
    await fails(readText(withChange((d) => (d.conversations[0].title = [[[[[[[[[[[['deep']]]]]]]]]]]]))), 'invalid', /title must be a string, not a list$/);
  });

  it('refuses enormous strings and arrays with the limit in the message', async () => {
    const huge = 'x'.repeat(TRANSFER_LIMITS.maxMessageChars + 1);
    await fails(readText(withChange((d) => (d.conversations[0].messages[1].content = huge))), 'too-large', /messages\[1\]\.content is 1,000,001 characters long; at most 1,000,000 are allowed$/);
    await fails(readText(withChange((d) => (d.conversations[0].tags = Array(TRANSFER_LIMITS.maxTags + 1).fill('t')))), 'too-large', /tags has 101 entries; at most 100 are allowed$/);
    const many = Array.from({ length: TRANSFER_LIMITS.maxConversations + 1 }, () => ({}));
    await fails(readText(withChange((d) => (d.conversations = many))), 'too-large', /conversations has 20,001 entries/);
  });

  it('refuses a file with more messages than one import takes', async () => {
    const bushy = Array.from({ length: 60_000 }, (_, i) => (i ? Math.floor((i - 1) / 4) : null));
    const doc = exportJsonParts([handmadeConversation('x', bushy, null), handmadeConversation('y', bushy, null)], AT).join('');
    await fails(readText(doc), 'too-large', /more than 100,000 messages/);
  });

  it('refuses cycles, dangling parents, deep branches and a leaf from elsewhere', async () => {
    await fails(readText(withChange((d) => (d.conversations[0].messages[0].parentId = 'a-m1'))), 'cycle', 'backup.json: conversation 1 ("Conversation a"): messages has a cycle (a message is its own ancestor): "a-m0" → "a-m1" → "a-m0"');
    await fails(readText(withChange((d) => (d.conversations[0].messages[1].parentId = 'nowhere'))), 'invalid', /messages\[1\]\.parentId refers to "nowhere", which is not in messages$/);
    await fails(readText(withChange((d) => (d.conversations[0].leafId = 'trip-m1'))), 'invalid', /leafId refers to "trip-m1", which is not a message of this conversation$/);
    const deep = Array.from({ length: TRANSFER_LIMITS.maxDepth + 1 }, (_, i) => (i ? i - 1 : null));
    await fails(readText(exportJsonParts([handmadeConversation('d', deep, 0)], AT).join('')), 'too-large', /messages has a branch of more than 10,000 messages$/);
  });

  it('refuses duplicate ids within a file', async () => {
    await fails(readText(withChange((d) => (d.conversations[0].messages[2].id = 'a-m1'))), 'duplicate-id', /messages\[2\]\.id repeats "a-m1", already used by messages\[1\]$/);
    await fails(readText(withChange((d) => (d.conversations[1].id = 'a'))), 'duplicate-id', /conversation 2 of backup.json \("Conversation trip"\) has the id "a", which conversation 1 of backup.json \("Conversation a"\) has too/);
    const reuse = withChange((d) => {
      d.conversations[1].messages[1].id = 'a-m0';
      d.conversations[1].leafId = 'a-m0';
    });
    await fails(readText(reuse), 'duplicate-id', /has a message with the id "a-m0", which conversation 1 of backup.json/);
  });

  it('refuses __proto__ and constructor keys without touching Object.prototype', async () => {
    const polluted = JSON.stringify(validDoc()).replace('"title":"Conversation a"', '"title":"Conversation a","__proto__":{"polluted":"yes"}');
    await fails(readText(polluted), 'invalid', 'backup.json: conversation 1 ("Conversation a"): __proto__ is not a field this version knows');
    const viaSettings = JSON.stringify(validDoc()).replace('"systemPrompt"', '"constructor":{"prototype":{"polluted":"yes"}},"systemPrompt"');
    await fails(readText(viaSettings), 'invalid', /settings\.constructor is not a field this version knows$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses files from a newer version, other JSON, and unknown top-level fields', async () => {
    await fails(readText(withChange((d) => (d.version = 2))), 'unsupported-format', /made by a newer version of WizardVicuna Chat \(format version 2\)/);
    await fails(readText('{"hello":"world"}'), 'unsupported-format', 'backup.json is JSON, but neither a WizardVicuna Chat export nor a ChatGPT conversations file.');
    await fails(readText(withChange((d) => (d.extra = 1))), 'invalid', 'backup.json: extra is not a field this version knows');
  });

  it('reads a file with the first reserved comparisons section, leaving its items out', async () => {
    const result = await readText(withChange((d) => (d.comparisons = { version: 1, items: [{ a: 1 }, { b: 2 }] })));
    expect(result.comparisons).toEqual([]);
    expect(result.comparisonsLeftOut).toBe(2);
    expect(result.conversations).toHaveLength(2);
  });

  it('refuses files over the size limit before reading them', async () => {
    const giant: PickedFile = { name: 'giant.json', size: TRANSFER_LIMITS.maxJsonBytes + 1, stream: () => { throw new Error('must not be read'); }, slice: () => new Blob(['{}']) };
    await fails(read([giant]), 'too-large', 'giant.json is 200 MB; the largest file this app imports is 200 MB.');
  });
});
