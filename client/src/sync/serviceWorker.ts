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

/** Activates the waiting version and reloads once it controls the page (also on a first
 * visit, where the plugin's own reload does not fire). */
export async function applyUpdate(): Promise<void> {
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  await update?.(true);
}
