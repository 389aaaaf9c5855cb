import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportJsonParts } from './export-json';
import { handmadeConversation, libraryArbitrary } from './transfer-test-support';

const schema = JSON.parse(readFileSync(new URL('../../../schema/wizardvicuna-export.v1.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const AT = new Date('2026-11-24T12:00:00Z');

describe('the published JSON Schema', () => {
  it('accepts every export the app writes', () => {
    fc.assert(
      fc.property(libraryArbitrary, (library) => {
        const doc = JSON.parse(exportJsonParts(library, AT).join(''));
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts the reserved comparisons section and refuses what the app refuses', () => {
    const doc = () => JSON.parse(exportJsonParts([handmadeConversation('a', [null, 0], 1)], AT).join(''));
    expect(validate({ ...doc(), comparisons: { version: 1, items: [{ any: 'thing' }] } })).toBe(true);
    const broken = [
      (d: ReturnType<typeof doc>) => (d.version = 2),
      (d: ReturnType<typeof doc>) => (d.conversations[0].pinned = true),
      (d: ReturnType<typeof doc>) => delete d.conversations[0].messages[0].role,
      (d: ReturnType<typeof doc>) => (d.conversations[0].messages[0].content = 42),
      (d: ReturnType<typeof doc>) => (d.conversations[0].messages[0].words = ['derived']),
      (d: ReturnType<typeof doc>) => (d.conversations[0].id = 'has space'),
    ];
    for (const change of broken) {
      const d = doc();
      change(d);
      expect(validate(d)).toBe(false);
    }
  });
});
