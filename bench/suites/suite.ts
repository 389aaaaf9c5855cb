/** What every suite gets from the runner. */
import type { Browser } from 'playwright-core';
import type { BenchServers } from '../servers';

export interface SuiteEnv {
  browser: Browser;
  servers: BenchServers;
}
