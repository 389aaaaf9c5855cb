/** Reading and writing the app's IndexedDB database directly, as a test sets up or checks a library. */
import type { Page } from 'playwright-core';

export type Row = Record<string, unknown> & { id: string };
export type StoreName = 'conversations' | 'messages' | 'comparisons';

/** Writes the rows, reloads so the app shows them, and returns the database's IndexedDB version. */
export async function putRows(page: Page, rows: Partial<Record<StoreName, Row[]>>): Promise<number> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'wizardvicuna-chat'));
  const version = await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wizardvicuna-chat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = Object.keys(rows);
    const tx = db.transaction(stores, 'readwrite');
    for (const store of stores) for (const row of rows[store as keyof typeof rows] ?? []) tx.objectStore(store).put(row);
    await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
    db.close();
    return db.version;
  }, rows);
  await page.reload();
  await page.getByTestId('device-summary').waitFor();
  return version;
}

/**
 * As JSON carries it, rows sorted by id: a missing field and an undefined one
 * are the same, and NaN and infinities become strings ("number:NaN").
 */
export function normalised<T extends Partial<Record<StoreName, Row[]>>>(library: T): T {
  const copy = JSON.parse(JSON.stringify(library, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `number:${v}` : v))) as T;
  for (const rows of Object.values(copy) as Row[][]) rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return copy;
}

/** Every row of the stores, as stored, normalised. */
export async function readStores<S extends StoreName>(page: Page, stores: readonly S[]): Promise<Record<S, Row[]>> {
  const raw = await page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wizardvicuna-chat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const library = Object.fromEntries(await Promise.all(stores.map(async (s) => [s, await all(s)] as const)));
    db.close();
    return JSON.stringify(library, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `number:${v}` : v));
  }, stores);
  return normalised(JSON.parse(raw) as Record<S, Row[]>);
}
