import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImportFiles } from './read-import-files';
import { chatgptMapping, chatgptMessage, memoryFile, SETTINGS } from './transfer-test-support';
import { TRANSFER_LIMITS } from './transfer-limits';
import { unzipConversations } from './unzip-conversations';

const conversations = (title: string) => JSON.stringify([{ id: title.toLowerCase(), title, current_node: 'u', mapping: chatgptMapping([['u', null, chatgptMessage('user', [`Hello from ${title}`])]]) }]);
const fails = (promise: Promise<unknown>, code: string, message: string | RegExp) =>
  expect(promise).rejects.toMatchObject({ code, message: typeof message === 'string' ? message : expect.stringMatching(message) });

/** A zip written as a stream: no sizes in the local headers, so only the unpacked bytes can tell a bomb. */
function streamedZip(files: Record<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 9 });
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

describe('ChatGPT export zips', () => {
  it('reads conversations.json from the zip as downloaded, without unpacking images or chat.html', async () => {
    const zip = zipSync({
      'chat.html': strToU8('<html>…</html>'),
      'file-abc.png': new Uint8Array(5000).fill(7),
      'conversations.json': strToU8(conversations('Zipped')),
      'user.json': strToU8('{}'),
    });
    const result = await readImportFiles([memoryFile('export.zip', zip)], { defaults: SETTINGS, newId: () => crypto.randomUUID() });
    expect(result.sources).toEqual([{ label: 'export.zip/conversations.json', kind: 'chatgpt', conversations: 1, comparisons: 0 }]);
    expect(result.conversations[0]!.messages[0]!.content).toBe('Hello from Zipped');
  });

  it('reads split conversations-NNN.json entries in order, also from a streamed zip in a folder', async () => {
    const zip = streamedZip({ 'export/conversations-001.json': strToU8(conversations('Second')), 'export/conversations-000.json': strToU8(conversations('First')) });
    const entries = await unzipConversations(memoryFile('export.zip', zip));
    expect(entries.map((e) => e.label)).toEqual(['export.zip/export/conversations-000.json', 'export.zip/export/conversations-001.json']);
  });

  it('stops a zip bomb early, whether or not the zip declares its sizes', async () => {
    const bomb = new Uint8Array(20 * 1024 * 1024).fill(0x20);
    for (const zip of [zipSync({ 'conversations.json': bomb }, { level: 9 }), streamedZip({ 'conversations.json': bomb })]) {
      expect(zip.length).toBeLessThan(100_000);
      const reads: number[] = [];
      await fails(unzipConversations(memoryFile('export.zip', zip), (read) => reads.push(read)), 'zip-bomb', /export.zip unpacks to far more than a real export would \(over 100 times its packed size\)/);
      expect(Math.max(0, ...reads)).toBeLessThan(zip.length);
    }
  });

  it('stops when the unpacked total passes the cap', async () => {
    const text = strToU8(conversations('x'.repeat(3000)));
    const zip = streamedZip({ 'conversations-000.json': text, 'conversations-001.json': text });
    const limits = { ...TRANSFER_LIMITS, maxUnzippedBytes: text.length + 10 };
    await fails(unzipConversations(memoryFile('export.zip', zip), undefined, limits), 'too-large', /The conversations in export.zip unpack to more than/);
  });

  it('refuses a file named .zip that is not a zip, a cut-off zip, and a zip without conversations', async () => {
    await fails(readImportFiles([memoryFile('export.zip', '{"not":"a zip"}')], { defaults: SETTINGS, newId: () => 'x' }), 'zip-invalid', 'export.zip is not a zip archive, although its name ends in .zip. Pick the export as downloaded, or its conversations.json.');
    const varied = strToU8(conversations(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 10007).join(' ')));
    for (const level of [0, 6] as const) {
      const whole = zipSync({ 'conversations.json': varied }, { level });
      await fails(unzipConversations(memoryFile('export.zip', whole.slice(0, whole.length / 2))), 'zip-invalid', /export.zip ends before export.zip\/conversations.json is complete; the download may have been cut off/);
    }
    await fails(unzipConversations(memoryFile('export.zip', zipSync({ 'notes.txt': strToU8('hi') }))), 'unsupported-format', /export.zip has no conversations.json/);
  });

  it('says which entry is not text', async () => {
    const zip = zipSync({ 'conversations.json': new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]) });
    await fails(unzipConversations(memoryFile('export.zip', zip)), 'not-json', 'export.zip/conversations.json is not text (it is not UTF-8), so it cannot be a JSON export.');
  });
});
