import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullLibraryArbitrary, handmadeComparison } from './comparison-test-support';
import { exportJsonParts } from './export-json';
import { handmadeConversation } from './transfer-test-support';

const schema = JSON.parse(readFileSync(new URL('../../../schema/wizardvicuna-export.v1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const AT = new Date('2026-11-24T12:00:00Z');

describe('the published JSON Schema', () => {
  it('accepts every export the app writes, comparisons included', () => {
    fc.assert(
      fc.property(fullLibraryArbitrary, (library) => {
        const doc = JSON.parse(exportJsonParts(library.conversations, AT, library.comparisons).join(''));
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts files without comparisons, the first reserved section and newer sections, and refuses what the app refuses', () => {
    const doc = () => JSON.parse(exportJsonParts([handmadeConversation('a', [null, 0], 1)], AT, [handmadeComparison('k')]).join(''));
    const older = doc();
    delete older.comparisons;
    expect(validate(older)).toBe(true);
    expect(validate({ ...doc(), comparisons: { version: 1, items: [{ any: 'thing' }] } })).toBe(true);
    expect(validate({ ...doc(), comparisons: { version: 3, items: [{ any: 'thing' }] } })).toBe(true);
    const broken = [
      (d: ReturnType<typeof doc>) => (d.comparisons.items[0].columns[1].settings.temperature = 'hot'),
      (d: ReturnType<typeof doc>) => (d.comparisons.items[0].columns[0].id = '__proto__'),
      (d: ReturnType<typeof doc>) => Object.defineProperty(d.comparisons.items[0].threads, '__proto__', { value: [], enumerable: true }),
      (d: ReturnType<typeof doc>) => (d.comparisons.items[0].threads['k-a'][0].score = 11),
      (d: ReturnType<typeof doc>) => (d.comparisons.items[0].threads['k-a'][0].reply.status = 'streaming'),
      (d: ReturnType<typeof doc>) => (d.comparisons.items[0].votes[0].verdict = 'draw'),
      (d: ReturnType<typeof doc>) => (d.comparisons.items[0].columns = d.comparisons.items[0].columns.slice(0, 1)),
      (d: ReturnType<typeof doc>) => (d.comparisons.items[0].extra = 1),
      (d: ReturnType<typeof doc>) => delete d.comparisons.items[0].notes,
      (d: ReturnType<typeof doc>) => (d.comparisons.items[0] = { shape: 'of version 1' }),
      (d: ReturnType<typeof doc>) => (d.version = 2),
      (d: ReturnType<typeof doc>) => (d.conversations[0].pinned = true),
      (d: ReturnType<typeof doc>) => delete d.conversations[0].messages[0].role,
      (d: ReturnType<typeof doc>) => (d.conversations[0].messages[0].content = 42),
      (d: ReturnType<typeof doc>) => (d.conversations[0].messages[0].words = ['derived']),
      (d: ReturnType<typeof doc>) => (d.conversations[0].id = 'has space'),
    ];
    for (const [i, change] of broken.entries()) {
      const d = doc();
      change(d);
      expect(validate(d), `change ${i}`).toBe(false);
    }
  });
});
