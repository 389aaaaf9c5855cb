import { describe, expect, it } from 'vitest';
import { handmadeComparison } from './comparison-test-support';
import { exportJsonParts } from './export-json';
import { readImportFiles } from './read-import-files';
import { handmadeConversation, memoryFile, SETTINGS } from './transfer-test-support';
import { TRANSFER_LIMITS } from './transfer-limits';

const AT = new Date('2026-11-24T12:00:00Z');
const readText = (text: string, name = 'file.json') => readImportFiles([memoryFile(name, text)], { defaults: SETTINGS, newId: () => crypto.randomUUID() });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, changed freely to make it wrong
type Doc = any;
const validDoc = (): Doc => JSON.parse(exportJsonParts([handmadeConversation('a', [null, 0], 1)], AT, [handmadeComparison('k1'), handmadeComparison('k2', 'Prompt test')]).join(''));
const withChange = (change: (doc: Doc) => void) => {
  const doc = validDoc();
  change(doc);
  return JSON.stringify(doc);
};
const second = (change: (c: Doc) => void) => withChange((d) => change(d.comparisons.items[1]));
const fails = (text: string, code: string, message: string | RegExp) =>
  expect(readText(text)).rejects.toMatchObject({ name: 'TransferError', code, message: typeof message === 'string' ? message : expect.stringMatching(message) });
const AT_SECOND = 'file.json: comparison 2 ("Prompt test"): ';

describe('reading comparisons from our export', () => {
  it('reads every comparison field for field', async () => {
    const result = await readText(JSON.stringify(validDoc()));
    expect(result.comparisons).toEqual([handmadeComparison('k1'), handmadeComparison('k2', 'Prompt test')]);
    expect(result.comparisons[0]!.threads['k1-a']![0]!.reply!.stats!.prefillTokensPerSecond).toBe(Infinity);
    expect(result.sources).toEqual([{ label: 'file.json', kind: 'wizardvicuna', conversations: 1, comparisons: 2 }]);
  });

  it('reads a file holding only comparisons, and refuses one holding nothing', async () => {
    expect((await readText(withChange((d) => (d.conversations = [])))).comparisons).toHaveLength(2);
    await fails(withChange((d) => ((d.conversations = []), (d.comparisons.items = []))), 'nothing-to-import', 'There are no conversations in file.json.');
  });

  it('names the file, comparison and field of a wrong type, a missing field or an unknown one', async () => {
    await fails(second((c) => (c.columns[1].settings.temperature = 'hot')), 'invalid', `${AT_SECOND}columns[1].settings.temperature must be a number, not the text "hot"`);
    await fails(second((c) => delete c.threads), 'invalid', `${AT_SECOND}threads is missing`);
    await fails(second((c) => (c.threads['k2-a'][0].reply.status = 'streaming')), 'invalid', new RegExp(`^${escape(AT_SECOND)}threads\\["k2-a"\\]\\[0\\]\\.reply\\.status must be one of "complete", "stopped", "error", "interrupted", not the text "streaming"$`));
    await fails(second((c) => (c.questions[0].replies['k2-a'].stats.totalMs = null)), 'invalid', `${AT_SECOND}questions[0].replies["k2-a"].stats.totalMs must be a number, not null`);
    await fails(second((c) => (c.votes[0].verdict = 'draw')), 'invalid', /votes\[0\]\.verdict must be one of "a", "b", "tie", "both-bad", not the text "draw"$/);
    await fails(second((c) => (c.columns[0].color = 'red')), 'invalid', `${AT_SECOND}columns[0].color is not a field this version knows`);
    await fails(second((c) => (c.pair = 'k2-a')), 'invalid', `${AT_SECOND}pair must be an object, not the text "k2-a"`);
    await fails(withChange((d) => (d.comparisons.items[0] = 7)), 'invalid', 'file.json: comparison 1: must be an object, not 7');
  });

  it('refuses references to columns or inputs that are not there, and scores outside 1–10', async () => {
    const notAColumn = "is not the id of one of this comparison's columns";
    await fails(second((c) => (c.threads.elsewhere = [])), 'invalid', `${AT_SECOND}threads["elsewhere"] ${notAColumn}`);
    await fails(second((c) => (c.questions[0].scores.elsewhere = 5)), 'invalid', `${AT_SECOND}questions[0].scores["elsewhere"] ${notAColumn}`);
    await fails(second((c) => (c.votes[0].b = 'elsewhere')), 'invalid', `${AT_SECOND}votes[0].b must be the id of one of this comparison's columns, not the text "elsewhere"`);
    await fails(second((c) => (c.pair.a = 'elsewhere')), 'invalid', /pair\.a must be the id of one of this comparison's columns/);
    await fails(second((c) => (c.threads['k2-a'][1].round = 2)), 'invalid', `${AT_SECOND}threads["k2-a"][1].round must be a whole number from 0 to 1 (the position of one of the inputs), not 2`);
    await fails(second((c) => (c.votes[0].round = 0.5)), 'invalid', /votes\[0\]\.round must be a whole number from 0 to 1/);
    await fails(second((c) => ((c.inputs = []), (c.votes = []))), 'invalid', `${AT_SECOND}threads["k2-a"][0].round refers to an input (0), but inputs is empty`);
    await fails(second((c) => (c.threads['k2-a'][0].score = 11)), 'invalid', `${AT_SECOND}threads["k2-a"][0].score must be a whole number from 1 to 10, not 11`);
  });

  it('refuses repeated ids: a column twice in a comparison, a comparison twice in the files', async () => {
    await fails(second((c) => (c.columns[1].id = 'k2-a')), 'duplicate-id', `${AT_SECOND}columns[1].id repeats "k2-a", already used by columns[0]`);
    await fails(withChange((d) => (d.comparisons.items[1].id = 'k1')), 'duplicate-id', 'comparison 2 of file.json ("Prompt test") has the id "k1", which comparison 1 of file.json ("Comparison k1") has too. Each comparison may appear once.');
  });

  it('refuses __proto__ and other built-in names as keys or column ids without touching Object.prototype', async () => {
    const text = JSON.stringify(validDoc()).replace('"threads":{"k2-a"', '"threads":{"__proto__":[{"polluted":"yes"}],"k2-a"');
    await fails(text, 'invalid', `${AT_SECOND}threads["__proto__"] is not the id of one of this comparison's columns`);
    const viaReplies = JSON.stringify(validDoc()).replace('"replies":{"k2-a"', '"replies":{"constructor":{"prototype":{"polluted":"yes"}},"k2-a"');
    await fails(viaReplies, 'invalid', `${AT_SECOND}questions[0].replies["constructor"] is not the id of one of this comparison's columns`);
    await fails(second((c) => (c.columns[0].id = 'constructor')), 'invalid', `${AT_SECOND}columns[0].id cannot be "constructor"`);
    await fails(JSON.stringify(validDoc()).replace('"notes":"A tells', '"__proto__":{"polluted":"yes"},"notes":"A tells'), 'invalid', 'file.json: comparison 1 ("Comparison k1"): __proto__ is not a field this version knows');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('holds comparisons to the limits, with the limit in the message', async () => {
    const L = TRANSFER_LIMITS;
    await fails(second((c) => c.columns.push(...[2, 3, 4].map((i) => ({ ...c.columns[0], id: `extra${i}` })))), 'too-large', `${AT_SECOND}columns has 5 entries; at most 4 are allowed`);
    await fails(second((c) => c.columns.pop()), 'invalid', `${AT_SECOND}columns has 1 entry; a comparison has at least 2 columns`);
    await fails(second((c) => (c.notes = 'x'.repeat(L.maxMessageChars + 1))), 'too-large', `${AT_SECOND}notes is 1,000,001 characters long; at most 1,000,000 are allowed`);
    await fails(second((c) => (c.title = 't'.repeat(L.maxShortChars + 1))), 'too-large', /^file\.json: comparison 2 \("t{60}"\): title is 10,001 characters long/);
    await fails(withChange((d) => (d.comparisons.items = Array(L.maxComparisons + 1).fill({}))), 'too-large', 'file.json: comparisons.items has 5,001 entries; at most 5,000 are allowed');
  });

  it('checks the section itself, and leaves out comparisons of a section version it does not read', async () => {
    await fails(withChange((d) => (d.comparisons = [])), 'invalid', 'file.json: comparisons must be an object, not a list');
    await fails(withChange((d) => (d.comparisons.version = '2')), 'invalid', 'file.json: comparisons.version must be a number, not the text "2"');
    await fails(withChange((d) => (d.comparisons.version = 0)), 'invalid', 'file.json: comparisons.version must be a whole number from 1 up, not 0');
    await fails(withChange((d) => (d.comparisons.extra = true)), 'invalid', 'file.json: comparisons.extra is not a field this version knows');
    const newer = await readText(withChange((d) => (d.comparisons = { version: 3, items: [{ shape: 'unknown' }] })));
    expect(newer).toMatchObject({ comparisons: [], comparisonsLeftOut: 1, conversations: { length: 1 } });
    const only = withChange((d) => ((d.conversations = []), (d.comparisons = { version: 3, items: [{}] })));
    await fails(only, 'nothing-to-import', 'There are no conversations or comparisons this version can import in file.json.');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
