/** Opening the benchmark build of the app (bench/pages/replay-app.tsx) and reading what it stored. */
import type { Page } from 'playwright-core';

export async function openReplayApp(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/replay-app.html`);
  await page.getByTestId('device-summary').waitFor();
}

/** Loads a GGUF WizardVicuna build; the replay engine answers for it. */
export async function loadReplayModel(page: Page): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Model', exact: true });
  const value = await select.evaluate((el: HTMLSelectElement) => [...el.options].find((o) => /GGUF/.test(o.text))!.value);
  await select.selectOption(value);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.getByTestId('model-status').filter({ hasText: /^Ready/ }).waitFor();
}

export interface StoredReplyFacts {
  completionTokens: number;
  chars: number;
}

/** The newest assistant message in the database. */
export function lastStoredReply(page: Page): Promise<StoredReplyFacts> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wizardvicuna-chat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<{ role: string; createdAt: number; content: string; stats?: { completionTokens: number } }[]>((resolve, reject) => {
      const request = db.transaction('messages').objectStore('messages').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const last = all.filter((m) => m.role === 'assistant').sort((a, b) => b.createdAt - a.createdAt)[0];
    return { completionTokens: last?.stats?.completionTokens ?? 0, chars: last?.content.length ?? 0 };
  });
}

/** Resolves after the next frame has been painted. */
export const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
