import { registerSW } from 'virtual:pwa-register';

/**
 * The participant app's service worker (vite-plugin-pwa, Workbox): it keeps the phone screens
 * and their scripts, so a reload without network shows Semis and its outbox instead of the
 * browser's error page. Browsers only allow it on https or localhost.
 */
let ready = false;
let update: ((reload?: boolean) => Promise<void>) | null = null;
const listeners = new Set<() => void>();

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  update = registerSW({
    onNeedRefresh() {
      ready = true;
      for (const fn of listeners) fn();
    },
  });
}

export const updateReady = (): boolean => ready;

export function subscribeUpdate(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Activates the waiting version; the plugin reloads the page once it controls it. */
export async function applyUpdate(): Promise<void> {
  await update?.(true);
}
