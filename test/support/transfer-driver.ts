/** The Export and import panel, driven the way a person uses it. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export type Upload = { name: string; mimeType: string; buffer: Buffer };

export const jsonFile = (name: string, data: unknown): Upload => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)),
});

/** The preview's numbers (null where a line is not shown), its import button and its whole text. */
export type ImportPreview = Record<'added' | 'copied' | 'skipped' | 'comparisons-added' | 'comparisons-copied' | 'comparisons-skipped', string | null> & { button: string | null; text: string };

export class TransferDriver {
  constructor(readonly page: Page) {}

  panel() {
    return this.page.locator('details.transfer');
  }

  async open(): Promise<void> {
    if (!(await this.panel().evaluate((d) => (d as HTMLDetailsElement).open))) await this.panel().locator('summary').click();
  }

  /** The whole library, or only the chosen conversations and comparisons. */
  async export(format: 'json' | 'markdown' | 'text' | 'html', chosen?: { conversations?: string[]; comparisons?: string[] }): Promise<{ name: string; text: string }> {
    await this.open();
    const panel = this.panel();
    if (chosen) {
      await panel.getByRole('radio', { name: /Chosen conversations/ }).check();
      await panel.getByRole('button', { name: 'None', exact: true }).click();
      for (const title of chosen.conversations ?? []) await panel.getByRole('checkbox', { name: title }).check();
      for (const title of chosen.comparisons ?? []) await panel.getByRole('group', { name: 'Comparisons' }).getByRole('checkbox', { name: title }).check();
    } else {
      await panel.getByRole('radio', { name: /Whole library/ }).check();
    }
    await panel.getByLabel('Format').selectOption(format);
    return this.download(() => panel.getByRole('button', { name: 'Export', exact: true }).click());
  }

  async download(action: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
  }

  async choose(files: Upload[]): Promise<void> {
    await this.open();
    await this.panel().getByLabel('Files to import').setInputFiles(files);
  }

  /** The preview, once it is shown. */
  async preview(): Promise<ImportPreview> {
    const preview = this.page.getByRole('region', { name: 'Import preview' });
    await preview.waitFor();
    const count = async (id: string) => ((await preview.getByTestId(`import-${id}`).count()) ? preview.getByTestId(`import-${id}`).textContent() : null);
    const ids = ['added', 'copied', 'skipped', 'comparisons-added', 'comparisons-copied', 'comparisons-skipped'] as const;
    const counts = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await count(id)] as const))) as Record<(typeof ids)[number], string | null>;
    return { ...counts, button: await preview.locator('.form-actions button.primary').textContent(), text: (await preview.textContent()) ?? '' };
  }

  async confirm(): Promise<string> {
    await this.page.getByRole('region', { name: 'Import preview' }).getByRole('button', { name: /^Import \d+/ }).click();
    return (await this.page.getByTestId('import-result').textContent()) ?? '';
  }

  async error(): Promise<string> {
    return (await this.page.getByTestId('import-error').textContent()) ?? '';
  }
}
