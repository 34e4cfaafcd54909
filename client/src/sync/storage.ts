/** localStorage that never throws: private browsing, full quota or disabled storage must not
 * break a phone on the night — the app then simply forgets across reloads. */
const memory = new Map<string, string>();

function ls(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const storage = {
  get(key: string): string | null {
    try {
      return ls()?.getItem(key) ?? memory.get(key) ?? null;
    } catch {
      return memory.get(key) ?? null;
    }
  },
  set(key: string, value: string): void {
    memory.set(key, value);
    try {
      ls()?.setItem(key, value);
    } catch {
      /* kept in memory only */
    }
  },
  remove(key: string): void {
    memory.delete(key);
    try {
      ls()?.removeItem(key);
    } catch {
      /* ignore */
    }
  },
  getJson<T>(key: string): T | null {
    const raw = this.get(key);
    if (raw == null) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  },
  setJson(key: string, value: unknown): void {
    this.set(key, JSON.stringify(value));
  },
};

export const ADMIN_TOKEN_KEY = 'semis.admin.token';
