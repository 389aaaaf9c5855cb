/**
 * Export and import of a 10,000-message library through the "Export and
 * import" panel (src/features/transfer/, its work done in a worker): the time
 * each takes and whether the page's main thread ever stalls. Reports "not
 * available" when this build has no such panel.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../test/support/servers';
import { newOnDiskContext, type BenchContext } from '../contexts';
import type { Metric } from '../report';
import { mainThreadMetrics, measure } from '../window-metrics';
import { openReplayApp } from './replay-app';
import type { SuiteEnv } from './suite';

const SUITE = 'transfer';
const LIBRARY = Array.from({ length: 100 }, () => 100);

const notAvailable = (why: string): Metric[] =>
  ['export', 'import'].map((step) => ({ suite: SUITE, name: `${step} 10000 messages: main-thread tasks over 50 ms`, value: null, unit: '', note: why }));

async function openPanel(page: Page) {
  const panel = page.locator('details.transfer');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  return panel;
}

const storedMessages = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('wizardvicuna-chat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction('messages').objectStore('messages').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  });

export async function transferSuite({ servers }: SuiteEnv): Promise<Metric[]> {
  if (!existsSync(join(ROOT, 'src/features/transfer/TransferPanel.tsx'))) return notAvailable('this build has no export and import panel');
  const contexts: BenchContext[] = [];
  try {
    const source = await newOnDiskContext();
    contexts.push(source);
    const page = await source.context.newPage();
    await openReplayApp(page, servers.pages);
    if (!(await page.locator('details.transfer').count())) return notAvailable('the export and import panel is not in the sidebar');
    await page.evaluate((sizes) => window.bench.seedLibrary(sizes, 7), LIBRARY);
    await openReplayApp(page, servers.pages);
    const exportPanel = await openPanel(page);
    await exportPanel.getByRole('radio', { name: /Whole library/ }).check();
    await exportPanel.getByLabel('Format').selectOption('json');
    const exported = await measure(page, async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), exportPanel.getByRole('button', { name: 'Export', exact: true }).click()]);
      await page.getByTestId('export-result').waitFor({ timeout: 120_000 });
      return (await download.path())!;
    });

    const target = await newOnDiskContext();
    contexts.push(target);
    const fresh = await target.context.newPage();
    await openReplayApp(fresh, servers.pages);
    const importPanel = await openPanel(fresh);
    let readSeconds = 0;
    const imported = await measure(fresh, async () => {
      const started = Date.now();
      await importPanel.getByLabel('Files to import').setInputFiles(exported.result);
      const preview = fresh.getByRole('region', { name: 'Import preview' });
      await preview.waitFor({ timeout: 120_000 });
      readSeconds = (Date.now() - started) / 1000;
      await preview.getByRole('button', { name: /^Import \d+ conversation/ }).click();
      await fresh.getByTestId('import-result').waitFor({ timeout: 300_000 });
    });
    const messages = await storedMessages(fresh);

    const megabytes = statSync(exported.result).size / 1e6;
    const total = LIBRARY.reduce((a, b) => a + b, 0);
    const [exportTasks, exportBusy] = mainThreadMetrics(SUITE, `export ${total} messages`, exported);
    const [importTasks, importBusy] = mainThreadMetrics(SUITE, `import ${total} messages`, imported);
    return [
      exportTasks!,
      exportBusy!,
      { suite: SUITE, name: `export ${total} messages: time`, value: exported.seconds, unit: 's', note: `JSON file of ${megabytes.toFixed(1)} MB` },
      importTasks!,
      importBusy!,
      { suite: SUITE, name: `import ${total} messages: time`, value: imported.seconds, unit: 's', note: `${readSeconds.toFixed(1)} s to read and check the file, then writing; ${messages} messages stored` },
      { suite: SUITE, name: 'messages after the import', value: messages, unit: '', budget: { op: '=', limit: total } },
    ];
  } finally {
    for (const c of contexts) await c.close();
  }
}
