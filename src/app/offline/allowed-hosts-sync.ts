/**
 * Keeps the allowed hosts in step with the person's choices: the addresses of
 * custom models and their model libraries (IndexedDB) and the MLC weights
 * location (settings).
 */
import { liveQuery } from 'dexie';
import { customModelsRepo } from '../../db';
import { useSettingsStore } from '../../store/settings-store';
import { updateAllowedHosts } from './allowed-hosts';

/**
 * Start watching; returns a function that stops. `onHostsAdded` hears the
 * origins that were not allowed before: an engine worker already running
 * keeps the policy it started with, so it reaches them only once restarted.
 */
export function watchAllowedHosts(onHostsAdded?: (origins: string[]) => void): () => void {
  let customUrls: string[] | null = null;
  let weightsBase = useSettingsStore.getState().mlcWeightsBase;
  let queue = Promise.resolve();

  const sync = () => {
    if (!customUrls) return;
    const hosts = [...customUrls, weightsBase];
    queue = queue.then(async () => {
      const added = await updateAllowedHosts(hosts);
      if (added.length) onHostsAdded?.(added);
    });
  };

  const models = liveQuery(() => customModelsRepo.list()).subscribe({
    next: (list) => {
      customUrls = list.flatMap((m) => (m.modelLibUrl ? [...m.urls, m.modelLibUrl] : m.urls));
      sync();
    },
    error: () => undefined,
  });
  const settings = useSettingsStore.subscribe((s) => {
    if (s.mlcWeightsBase === weightsBase) return;
    weightsBase = s.mlcWeightsBase;
    sync();
  });
  return () => {
    models.unsubscribe();
    settings();
  };
}
