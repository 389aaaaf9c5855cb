/** The engines the composition root made available (one per kind). */
import type { ChatEngine } from '../../engine/port';

export type EngineRegistry = Record<ChatEngine['kind'], ChatEngine>;

let registry: EngineRegistry | null = null;

export function provideEngines(engines: EngineRegistry): void {
  registry = engines;
}

export function engineFor(kind: ChatEngine['kind']): ChatEngine {
  if (!registry) throw new Error('Engines were not provided by the app.');
  return registry[kind];
}

/*
 * The network policy lists the model hosts the person chose. A worker keeps
 * the policy it started with, so after hosts are added an engine worker
 * started earlier is replaced before it fetches, when it holds nothing.
 */
let allow: ((urls: string[]) => Promise<string[]>) | null = null;
let policyVersion = 0;
const engineVersion: Record<ChatEngine['kind'], number> = { mlc: 0, gguf: 0 };

export function provideHostPolicy(allowUrls: (urls: string[]) => Promise<string[]>): void {
  allow = allowUrls;
}

/** Hosts were added to the policy (by the app watching the person's choices). */
export function hostsAdded(): void {
  policyVersion++;
}

/** Allow `urls`' hosts before something contacts them. */
export async function allowHosts(urls: string[]): Promise<void> {
  if (allow && (await allow(urls)).length) policyVersion++;
}

/** The engine for a download: replaced first when it predates the policy and `idle` says it holds nothing. */
export function engineForFetch(kind: ChatEngine['kind'], idle: boolean): ChatEngine {
  const engine = engineFor(kind);
  if (engineVersion[kind] !== policyVersion && idle) {
    engine.dispose();
    engineVersion[kind] = policyVersion;
  }
  return engine;
}
