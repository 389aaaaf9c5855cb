/**
 * Compare side by side, continued: a question set into a table and its
 * Markdown/CSV/JSON exports, judging, saving across a reload (list, rename,
 * reopen, run again), "Open as conversation", and switching models between
 * runs (a load that fails, a model this device cannot run).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatVicunaPrompt, VICUNA_SYSTEM_MESSAGE } from '../../src/models/vicuna';
import type { AppDriver } from '../support/app-driver';
import { startAppSession, type AppSession } from '../support/app-session';
import type { GuardedContext } from '../support/browser';
import type { AppServer } from '../support/servers';

const SHOTS = process.env.COMPARE_SCREENSHOTS ?? tmpdir();
const QUESTIONS = ['Once upon a time', 'Lily said "hi", then she ran', '=1+1 is a sum'];

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',' || (c === '\r' && text[i + 1] === '\n')) {
      record.push(field);
      field = '';
      if (c === '\r') {
        records.push(record);
        record = [];
        i++;
      }
    } else field += c;
  }
  return records;
}

describe('compare: question sets, saving and models', () => {
  let session: AppSession;
  let server: AppServer;
  let guarded: GuardedContext;
  let page: Page;
  let app: AppDriver;

  beforeAll(async () => {
    session = await startAppSession();
    ({ server, guarded, page, app } = session);
    writeFileSync(join(session.fixtures, 'corrupt.gguf'), Buffer.concat([Buffer.from('GGUF'), randomBytes(200_000)]));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf`, name: 'Tiny (plain)', format: 'plain' });
    await app.openCompare();
    await app.setupColumn(0, { temperature: 0, maxTokens: 24 });
    await app.setupColumn(1, { template: 'Once upon a time, {input}', temperature: 0, maxTokens: 24 });
  });

  afterAll(() => session?.close());

  it('runs a question set through every column into a table and exports it as Markdown, CSV and JSON', async () => {
    expect(await app.importQuestions('questions.json', JSON.stringify(QUESTIONS))).toBe(QUESTIONS.join('\n'));
    await app.runImportedQuestions();
    await app.waitForComparisonIdle();
    const table = await app.resultsTable();
    expect(table.map((row) => row[0])).toEqual(QUESTIONS);
    for (const row of table) {
      expect(row).toHaveLength(3);
      expect(row[1]!.trim().length).toBeGreaterThan(0);
      expect(row[2]!.trim().length).toBeGreaterThan(0);
    }
    // A fresh single-turn run per question: the first question gives the known story.
    expect(table[0]![1]!.startsWith(', there was a little girl named Lily.')).toBe(true);
    await page.getByRole('combobox', { name: 'Score for A, question 1' }).selectOption('7');

    const markdown = await app.exportResults('Markdown');
    expect(markdown.name).toMatch(/^wizardvicuna-compare-\d{4}-\d{2}-\d{2}-new-comparison\.md$/);
    const lines = markdown.text.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('| Question | A (Tiny (plain)) | B (Tiny (plain)) |');
    expect(lines[1]).toBe('| --- | --- | --- |');
    expect(lines[2]).toMatch(/^\| Once upon a time \| , there was a little girl named Lily\..* \*\*7\/10\*\* \| .+ \|$/);
    expect(lines[3]!.startsWith('| Lily said "hi", then she ran | ')).toBe(true);

    const csv = await app.exportResults('CSV');
    expect(csv.name.endsWith('.csv')).toBe(true);
    const records = parseCsv(csv.text);
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual(['Question', 'A', 'A score', 'B', 'B score']);
    expect(records.slice(1).map((r) => r[0])).toEqual(['Once upon a time', 'Lily said "hi", then she ran', "'=1+1 is a sum"]);
    expect(csv.text).toContain('\r\n"Lily said ""hi"", then she ran",');
    expect(csv.text).toContain('\r\nOnce upon a time,", there was a little girl named Lily.');
    expect(records[1]![2]).toBe('7');
    expect(records[1]![1]!.trim()).toBe(table[0]![1]!.trim());

    const json = JSON.parse((await app.exportResults('JSON')).text);
    expect(json.variants.map((v: { label: string; template: string }) => [v.label, v.template])).toEqual([['A', '{input}'], ['B', 'Once upon a time, {input}']]);
    expect(json.rows).toHaveLength(3);
    expect(json.rows[0].results[0]).toMatchObject({ variant: 'A', score: 7, status: 'complete' });
    expect(json.rows[2].question).toBe('=1+1 is a sum');
  });

  it('keeps a comparison across a reload: listed, renamed, reopened with the same replies and judging, run again', async () => {
    await app.sendToAllColumns('Once upon a time');
    await app.waitForComparisonIdle();
    await app.sendToAllColumns('Lily said');
    await app.waitForComparisonIdle();
    await page.getByRole('radio', { name: 'Tie' }).first().check();
    await page.getByLabel('Notes').fill('B repeats the opening.');
    const replies = [await app.columnReplies(0), await app.columnReplies(1)];
    await expect.poll(async () => (await app.storedComparison('Once upon a time')).notes).toBe('B repeats the opening.');

    await page.reload();
    await page.getByTestId('device-summary').waitFor();
    expect(await app.savedComparisonTitles()).toEqual(['Once upon a time']);
    await app.compareWorkspace().getByRole('button', { name: 'Rename Once upon a time' }).click();
    await app.compareWorkspace().getByLabel('New title').fill('Stories, two ways');
    await app.compareWorkspace().getByRole('button', { name: 'Save', exact: true }).click();
    await app.newComparison();
    expect(await app.savedComparisonTitles()).toEqual(['New comparison', 'Stories, two ways']);
    await app.compareWorkspace().getByRole('button', { name: 'Delete New comparison' }).click();
    await app.compareWorkspace().getByRole('button', { name: 'Yes, delete New comparison' }).click();
    await expect.poll(() => app.savedComparisonTitles()).toEqual(['Stories, two ways']);

    await app.openSavedComparison('Stories, two ways');
    expect([await app.columnReplies(0), await app.columnReplies(1)]).toEqual(replies);
    expect(await page.getByRole('radio', { name: 'Tie' }).first().isChecked()).toBe(true);
    expect(await page.getByLabel('Notes').inputValue()).toBe('B repeats the opening.');
    expect((await app.resultsTable()).map((row) => row[0])).toEqual(QUESTIONS);

    // Run the same inputs again: temperature 0 gives the same replies.
    await app.compareWorkspace().getByRole('button', { name: 'Run again' }).click();
    await app.waitForComparisonIdle();
    expect([await app.columnReplies(0), await app.columnReplies(1)]).toEqual(replies);
  });

  it('opens a column as a normal conversation with its thread and settings', async () => {
    const stored = await app.storedComparison('Stories, two ways');
    const thread = stored.threads[stored.columns[1]!.id]!;
    await app.openColumnAsConversation(1);
    expect(await app.conversationTitles()).toContain('Stories, two ways · B');
    expect(await app.storedMessages()).toEqual(thread.flatMap((t) => [
      { role: 'user', content: t.prompt, status: 'complete' },
      { role: 'assistant', content: t.reply!.content, status: 'complete' },
    ]));
  });

  it('switches models between runs, goes on after a load fails, and marks a model this device cannot run', async () => {
    await app.showChat();
    await app.addGgufModel({ url: `${server.url}/models/corrupt.gguf`, name: 'Corrupt', format: 'plain' });
    await app.addGgufModel({ url: `${server.url}/models/stories260K.gguf`, name: 'Tiny (Vicuna)', format: 'vicuna-v1.1' });
    await app.openCompare();
    await app.newComparison();
    await app.compareWorkspace().getByRole('button', { name: 'Add column' }).click();
    await app.compareWorkspace().getByRole('button', { name: 'Add column' }).click();
    await app.setupColumn(0, { model: 'Tiny (plain)', temperature: 0, maxTokens: 16 });
    await app.setupColumn(1, { model: 'Corrupt', temperature: 0, maxTokens: 16 });
    await app.setupColumn(2, { model: 'WizardVicuna 13B (q4f16_1, MLC)' });
    await app.setupColumn(3, { model: 'Tiny (Vicuna)', temperature: 0, maxTokens: 16 });
    expect(await app.compareColumn(2).getByTestId('column-unrunnable').textContent()).toMatch(/^Cannot run here: .*shader-f16/);

    // Record every "switching" notice and phase of column B while the queue runs.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const note = document.querySelector('[data-testid="compare-switching"]')?.textContent;
        if (note && !seen.includes(note)) seen.push(note);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await app.sendToAllColumns('Tell me a story.');
    await app.waitForComparisonIdle();

    expect(await app.columnPhases()).toEqual(['done', 'failed', 'unrunnable', 'done']);
    const statuses = await app.columnStatusTexts();
    expect(statuses[1]).toMatch(/Failed — .*could not be loaded as a GGUF model/);
    expect(statuses[2]).toMatch(/Cannot run here — .*shader-f16/);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain('Switching to model Corrupt…');
    expect(seen.some((s) => /model Tiny \(Vicuna\)…$/.test(s))).toBe(true);
    // The last run was column D's, formatted for its model (Vicuna), after column B's failed load.
    expect((await app.lastEngineRequest()).prompt).toBe(formatVicunaPrompt(VICUNA_SYSTEM_MESSAGE, [{ role: 'user', content: 'Tell me a story.' }]));
    expect((await app.columnReplies(3))[0]!.status).toBe('complete');

    await page.evaluate(() => document.querySelector('section.compare')?.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'compare-four-columns-1280.png') });
    expect(guarded.blocked).toEqual([]);
  });
});
