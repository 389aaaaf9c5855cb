/**
 * `npm run bench`: builds the app and the benchmark pages into dist-bench/,
 * runs each suite in headless Chromium (everything served from 127.0.0.1),
 * prints a table, writes .bench/results.json and exits with 1 when a budget
 * is missed. `npm run bench -- --only streaming,library` runs some suites;
 * `--skip-build` reuses the last build.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { findChromium, launchBrowser } from '../test/support/browser';
import { ROOT } from '../test/support/servers';
import { buildAll } from './build';
import { printTable, verdictOf, writeJson, type Metric } from './report';
import { startBenchServers } from './servers';
import { bundleSuite } from './suites/bundle';
import { engineOverheadSuite } from './suites/engine-overhead';
import { librarySuite } from './suites/library';
import { streamingSuite } from './suites/streaming';
import type { SuiteEnv } from './suites/suite';
import { transferSuite } from './suites/transfer';

const SUITES: Record<string, (env: SuiteEnv) => Promise<Metric[]>> = {
  bundle: bundleSuite,
  engine: engineOverheadSuite,
  streaming: streamingSuite,
  library: librarySuite,
  transfer: transferSuite,
};

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : Object.keys(SUITES);
const unknown = only.filter((name) => !SUITES[name]);
if (unknown.length) throw new Error(`Unknown suite ${unknown.join(', ')}; the suites are ${Object.keys(SUITES).join(', ')}.`);

const started = Date.now();
if (!args.includes('--skip-build')) buildAll();
const browser = await launchBrowser();
const servers = await startBenchServers();
const metrics: Metric[] = [];
try {
  for (const name of only) {
    const suiteStarted = Date.now();
    try {
      metrics.push(...(await SUITES[name]!({ browser, servers })));
    } catch (err) {
      metrics.push({ suite: name, name: 'ran to the end', value: 0, unit: '', budget: { op: '=', limit: 1 }, note: err instanceof Error ? err.message.split('\n')[0] : String(err) });
    }
    console.log(`${name}: ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s`);
  }
} finally {
  await browser.close();
  await servers.close();
}

console.log('');
printTable(metrics);
const failed = metrics.filter((m) => verdictOf(m) === 'FAIL');
const out = join(ROOT, '.bench/results.json');
writeJson(out, metrics, {
  date: new Date().toISOString(),
  seconds: Math.round((Date.now() - started) / 1000),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 1e9), node: process.version },
  chromium: execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
});
console.log(`\n${failed.length ? `${failed.length} budget(s) missed` : 'Every budget met'}; results in ${out} (${((Date.now() - started) / 1000).toFixed(0)} s).`);
process.exitCode = failed.length ? 1 : 0;
