/** Offline use: the service worker (production builds only) and the hosts it allows. */
import { watchAllowedHosts } from './allowed-hosts-sync';

const SCRIPT = `${import.meta.env.BASE_URL}sw.js`;

/** `onHostsAdded`: see watchAllowedHosts. */
export function startOfflineSupport(onHostsAdded?: (origins: string[]) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  watchAllowedHosts(onHostsAdded);
  const register = () =>
    navigator.serviceWorker.register(SCRIPT, { scope: import.meta.env.BASE_URL }).catch((err: unknown) => {
      // The app works without it; it just needs the network to start.
      console.info('Offline use is unavailable in this browser session.', err);
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
