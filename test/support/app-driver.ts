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
}
