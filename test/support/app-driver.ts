/** Drives the app the way a person does, so tests read as user steps. */
import type { Page } from 'playwright-core';

export interface ShownMessage {
  role: 'You' | 'Assistant';
  text: string;
  status: string;
}

export class AppDriver {
  /** The last message's element id before an action that writes a reply. */
  private before: string | null = null;

  constructor(readonly page: Page) {}

  private async markBefore(): Promise<void> {
    this.before = await this.page.evaluate(() => [...document.querySelectorAll('[data-testid="message"]')].at(-1)?.id ?? null);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('device-summary').waitFor();
  }

  async addGgufModel(opts: { url: string; name: string; format: 'vicuna-v1.1' | 'model-template' | 'plain' }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a model by URL' }).click();
    const form = this.page.getByRole('form', { name: 'Add a model by URL' });
    await form.getByLabel(/GGUF address/).fill(opts.url);
    await form.getByLabel('Name (optional)').fill(opts.name);
    await form.getByLabel('Prompt format').selectOption(opts.format);
    await form.getByRole('button', { name: 'Add model' }).click();
    await form.waitFor({ state: 'detached' });
  }

  /** Settings of the open conversation (or the defaults when none is open). Greedy decoding makes replies deterministic. */
  async setGeneration(opts: { temperature: number; maxTokens: number }): Promise<void> {
    const panel = this.page.locator('details.conversation-settings');
    await panel.locator('summary').click();
    await panel.getByLabel('Temperature', { exact: true }).fill(String(opts.temperature));
    await panel.getByLabel('Longest reply (tokens)').fill(String(opts.maxTokens));
    await panel.locator('summary').click();
  }

  async newConversation(): Promise<void> {
    await this.page.getByRole('button', { name: 'New conversation' }).click();
  }

  async selectModel(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Model', exact: true }).selectOption({ label: name });
  }

  async loadModel(): Promise<string> {
    await this.page.getByRole('button', { name: 'Load', exact: true }).click();
    const status = this.page.getByTestId('model-status');
    await status.waitFor({ timeout: 60_000 });
    return (await status.textContent()) ?? '';
  }

  async send(text: string): Promise<void> {
    await this.markBefore();
    await this.page.getByLabel('Message', { exact: true }).fill(text);
    await this.page.getByLabel('Message', { exact: true }).press('Enter');
  }

  /** Waits for the reply the last action asked for to finish, and returns it. */
  async waitForReply(): Promise<ShownMessage> {
    await this.page.waitForFunction(
      (before) => {
        const last = [...document.querySelectorAll('[data-testid="message"]')].at(-1);
        return last?.id !== before && last?.getAttribute('aria-label') === 'Assistant' && last.getAttribute('data-status') !== 'streaming';
      },
      this.before,
      { timeout: 60_000 },
    );
    return (await this.messages()).at(-1)!;
  }

  async messages(): Promise<ShownMessage[]> {
    return this.page.getByTestId('message').evaluateAll((nodes) =>
      nodes.map((n) => ({
        role: (n.getAttribute('aria-label') ?? '') as 'You' | 'Assistant',
        text: ((n.querySelector('.message-content') as HTMLElement | null)?.innerText ?? '').trim(),
        status: n.getAttribute('data-status') ?? '',
      })),
    );
  }

  /** The open conversation's messages as stored in IndexedDB (raw text, not rendered), oldest first. */
  async storedMessages(): Promise<{ role: string; content: string; status: string }[]> {
    return this.page.evaluate(async () => {
      const conversationId = /#\/c\/([\w-]+)/.exec(location.hash)?.[1];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wizardvicuna-chat');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = await new Promise<{ conversationId: string; role: string; content: string; status: string; createdAt: number }[]>((resolve, reject) => {
        const request = db.transaction('messages').objectStore('messages').index('conversationId').getAll(conversationId);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return all.sort((a, b) => a.createdAt - b.createdAt).map(({ role, content, status }) => ({ role, content, status }));
    });
  }

  async stop(): Promise<void> {
    await this.page.getByRole('button', { name: 'Stop' }).click();
  }

  async conversationTitles(): Promise<string[]> {
    return this.page.getByRole('navigation', { name: 'Conversations' }).locator('.conversation-title').allTextContents();
  }

  async openConversation(title: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: new RegExp(title) }).click();
  }

  message(index: number) {
    return this.page.getByTestId('message').nth(index);
  }

  async regenerate(index: number): Promise<void> {
    await this.markBefore();
    await this.message(index).getByRole('button', { name: 'Regenerate' }).click();
  }

  /** e.g. "2/3", or null when the message has no other versions. */
  async versionOf(index: number): Promise<string | null> {
    const counter = this.message(index).locator('.sibling-count');
    return (await counter.count()) ? counter.textContent() : null;
  }

  async previousVersion(index: number): Promise<void> {
    await this.message(index).getByRole('button', { name: /^Previous version/ }).click();
  }

  async nextVersion(index: number): Promise<void> {
    await this.message(index).getByRole('button', { name: /^Next version/ }).click();
  }

  async editMessage(index: number, text: string): Promise<void> {
    await this.markBefore();
    await this.message(index).getByRole('button', { name: 'Edit' }).click();
    await this.message(index).getByLabel('Edited message').fill(text);
    await this.message(index).getByRole('button', { name: 'Save and send' }).click();
  }

  async search(query: string): Promise<string[]> {
    await this.page.getByLabel('Search conversations').fill(query);
    const results = this.page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    return results.locator('.search-snippet').allTextContents();
  }

  async conversationAction(title: string, action: 'Pin' | 'Unpin' | 'Rename' | 'Tags' | 'Delete'): Promise<void> {
    await this.page.getByLabel(`Actions for ${title}`, { exact: true }).first().click();
    await this.page.getByRole('group', { name: `Actions for ${title}` }).getByRole('button', { name: action }).click();
  }

  /** What the GGUF engine worker was last asked (read inside the worker). */
  async lastEngineRequest(): Promise<{ prompt?: string; messages?: unknown[] }> {
    const worker = this.page.workers().find((w) => w.url().includes('gguf'));
    if (!worker) throw new Error('The GGUF engine worker is not running');
    return worker.evaluate(() => (globalThis as unknown as { wvLastRequest: { prompt?: string } }).wvLastRequest);
  }

  // Compare side by side (src/features/compare).

  compareWorkspace() {
    return this.page.getByRole('region', { name: 'Compare side by side' });
  }

  async openCompare(): Promise<void> {
    await this.page.getByRole('button', { name: 'Compare', exact: true }).click();
    await this.compareWorkspace().getByRole('textbox', { name: 'Comparison title' }).waitFor();
  }

  /** Back to the chat view from another view (no-op when already there). */
  async showChat(): Promise<void> {
    const back = this.page.getByRole('button', { name: 'Back to chat' });
    if (await back.count()) await back.click();
    await this.page.getByRole('region', { name: 'Conversation' }).waitFor();
  }

  compareColumn(index: number) {
    return this.page.getByTestId('compare-column').nth(index);
  }

  /** Opens the column's setup and fills what is given (the model by its name in the list). */
  async setupColumn(index: number, opts: { model?: string; template?: string; temperature?: number; maxTokens?: number; label?: string }): Promise<void> {
    const column = this.compareColumn(index);
    if (opts.label !== undefined) await column.getByRole('textbox', { name: /^Name of column/ }).fill(opts.label);
    const details = column.locator('details.variant-details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    if (opts.model) await column.getByLabel('Model', { exact: true }).selectOption({ label: opts.model });
    if (opts.template !== undefined) await column.getByLabel('Prompt template').fill(opts.template);
    if (opts.temperature !== undefined) await column.getByLabel('Temperature', { exact: true }).fill(String(opts.temperature));
    if (opts.maxTokens !== undefined) await column.getByLabel('Longest reply (tokens)').fill(String(opts.maxTokens));
  }

  async sendToAllColumns(text: string): Promise<void> {
    const input = this.compareWorkspace().locator('#compare-input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** Each column's run phase: idle, waiting, loading, running, done, stopped, failed, unrunnable, interrupted. */
  async columnPhases(): Promise<string[]> {
    return this.page.getByTestId('column-status').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-phase') ?? ''));
  }

  async columnStatusTexts(): Promise<string[]> {
    return this.page.getByTestId('column-status').allTextContents();
  }

  /** Waits until nothing is queued or running in the workspace. */
  async waitForComparisonIdle(timeout = 90_000): Promise<void> {
    await this.page.waitForFunction(() => {
      const workspace = document.querySelector('section.compare');
      return !!workspace && !workspace.hasAttribute('data-busy');
    }, undefined, { timeout });
  }

  /** The replies shown in a column's thread, oldest first (rendered text and status). */
  async columnReplies(index: number): Promise<{ text: string; status: string }[]> {
    return this.compareColumn(index).getByTestId('column-reply').evaluateAll((nodes) =>
      nodes.map((n) => ({ text: n.querySelector('.markdown')?.textContent ?? '', status: n.getAttribute('data-status') ?? '' })),
    );
  }

  async stopColumn(index: number): Promise<void> {
    await this.compareColumn(index).getByRole('button', { name: /^Stop / }).click();
  }

  /** The open comparison as stored in IndexedDB (raw reply text). */
  async storedComparison(title: string): Promise<{ id: string; title: string; notes: string; inputs: string[]; columns: { id: string; label: string }[]; threads: Record<string, { prompt: string; reply: { content: string; status: string } | null }[]> }> {
    return this.page.evaluate(async (wanted) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('wizardvicuna-chat');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = await new Promise<{ title: string }[]>((resolve, reject) => {
        const request = db.transaction('comparisons').objectStore('comparisons').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      const found = all.find((c) => c.title === wanted);
      if (!found) throw new Error(`No stored comparison titled ${wanted}`);
      return found as never;
    }, title);
  }

  async runQuestionSet(questions: string[]): Promise<void> {
    const workspace = this.compareWorkspace();
    await workspace.getByLabel(/^Questions, one per line/).fill(questions.join('\n'));
    await workspace.getByRole('button', { name: 'Run the set on every column' }).click();
  }

  /** Imports a question file (.txt or .json) into the question set box and returns what the box then holds. */
  async importQuestions(fileName: string, content: string): Promise<string> {
    const workspace = this.compareWorkspace();
    await workspace.getByLabel('Import a .txt or .json file').setInputFiles({ name: fileName, mimeType: fileName.endsWith('.json') ? 'application/json' : 'text/plain', buffer: Buffer.from(content) });
    const box = workspace.getByLabel(/^Questions, one per line/);
    await this.page.waitForFunction((el) => (el as HTMLTextAreaElement).value.length > 0, await box.elementHandle());
    return box.inputValue();
  }

  async runImportedQuestions(): Promise<void> {
    await this.compareWorkspace().getByRole('button', { name: 'Run the set on every column' }).click();
  }

  /** The results table: one row per question, the question then each column's reply text. */
  async resultsTable(): Promise<string[][]> {
    return this.page.getByTestId('results-table').locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [row.querySelector('th')?.textContent ?? '', ...[...row.querySelectorAll('td')].map((td) => td.querySelector('.markdown')?.textContent ?? '')]),
    );
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async exportResults(format: 'Markdown' | 'CSV' | 'JSON'): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.compareWorkspace().getByRole('group', { name: 'Export the results' }).getByRole('button', { name: format, exact: true }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  async savedComparisonTitles(): Promise<string[]> {
    const library = this.compareWorkspace().locator('details.compare-library');
    if ((await library.getAttribute('open')) === null) await library.locator('summary').click();
    return library.locator('.comparison-title').allTextContents();
  }

  async newComparison(): Promise<void> {
    const before = (await this.savedComparisonTitles()).length;
    await this.compareWorkspace().getByRole('button', { name: 'New comparison', exact: true }).click();
    await this.page.waitForFunction(
      (count) =>
        document.querySelectorAll('[data-testid="saved-comparison"]').length > count &&
        (document.querySelector('.compare-title') as HTMLInputElement | null)?.value === 'New comparison',
      before,
    );
  }

  async openSavedComparison(title: string): Promise<void> {
    await this.savedComparisonTitles();
    await this.compareWorkspace().locator('.comparison-open', { hasText: title }).click();
    await this.page.waitForFunction((t) => (document.querySelector('.compare-title') as HTMLInputElement | null)?.value === t, title);
  }

  async openColumnAsConversation(index: number): Promise<void> {
    await this.compareColumn(index).getByRole('button', { name: 'Open as conversation' }).click();
    await this.page.getByRole('region', { name: 'Conversation' }).waitFor();
  }
}
