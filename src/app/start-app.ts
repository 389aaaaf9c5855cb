/** Composition root: which engines exist, and the checks run once at start. */
import { checkDevice } from '../engine/device-check';
import { createGgufEngine, createMlcEngine } from '../engine/engines';
import { recoverInterruptedReplies } from '../features/chat/chat-controller';
import { hostsAdded, provideEngines, provideHostPolicy } from '../features/models/engine-registry';
import { useEngineStore } from '../store/engine-store';
import { updateAllowedHosts } from './offline/allowed-hosts';
import { startOfflineSupport } from './offline/service-worker-registration';

export function startApp(): void {
  provideEngines({ mlc: createMlcEngine(), gguf: createGgufEngine() });
  void checkDevice().then((device) => useEngineStore.getState().setDevice(device));
  void recoverInterruptedReplies();
  provideHostPolicy(updateAllowedHosts);
  startOfflineSupport(hostsAdded);
}
