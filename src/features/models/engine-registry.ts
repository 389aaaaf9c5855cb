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
