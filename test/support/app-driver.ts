/** Drives the app the way a person does, so tests read as user steps. */
import type { Page } from 'playwright-core';

export interface ShownMessage {
  role: 'You' | 'Assistant';
  text: string;
  status: string;
}

export class AppDriver {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('device-summary').waitFor();
  }

  async addGgufModel(opts: { url: string; name: string; format: 'vicuna-v1.1' | 'model-template' | 'plain' }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a GGUF model by URL' }).click();
    const form = this.page.getByRole('form', { name: 'Add a GGUF model' });
    await form.getByLabel(/GGUF address/).fill(opts.url);
    await form.getByLabel('Name (optional)').fill(opts.name);
    await form.getByLabel('Prompt format').selectOption(opts.format);
    await form.getByRole('button', { name: 'Add model' }).click();
    await form.waitFor({ state: 'detached' });
  }

  /** Greedy decoding, so replies are deterministic. */
  async setGeneration(opts: { temperature: number; maxTokens: number }): Promise<void> {
    await this.page.getByText('Settings', { exact: true }).click();
    await this.page.getByLabel(/^Temperature/).fill(String(opts.temperature));
    await this.page.getByLabel('Longest reply (tokens)').fill(String(opts.maxTokens));
    await this.page.getByText('Settings', { exact: true }).click();
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
    await this.page.getByLabel('Message', { exact: true }).fill(text);
    await this.page.getByLabel('Message', { exact: true }).press('Enter');
  }

  /** Waits until no message is streaming and returns the last one. */
  async waitForReply(): Promise<ShownMessage> {
    await this.page.waitForFunction(
      () => {
        const last = [...document.querySelectorAll('[data-testid="message"]')].at(-1);
        return last?.getAttribute('aria-label') === 'Assistant' && last.getAttribute('data-status') !== 'streaming';
      },
      undefined,
      { timeout: 60_000 },
    );
    return (await this.messages()).at(-1)!;
  }

  async messages(): Promise<ShownMessage[]> {
    return this.page.getByTestId('message').evaluateAll((nodes) =>
      nodes.map((n) => ({
        role: (n.getAttribute('aria-label') ?? '') as 'You' | 'Assistant',
        text: n.querySelector('.message-content')?.textContent ?? '',
        status: n.getAttribute('data-status') ?? '',
      })),
    );
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

  /** What the GGUF engine worker was last asked (read inside the worker). */
  async lastEngineRequest(): Promise<{ prompt?: string; messages?: unknown[] }> {
    const worker = this.page.workers().find((w) => w.url().includes('gguf'));
    if (!worker) throw new Error('The GGUF engine worker is not running');
    return worker.evaluate(() => (globalThis as unknown as { wvLastRequest: { prompt?: string } }).wvLastRequest);
  }
}
