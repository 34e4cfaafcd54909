import { storage } from './storage';
import type { ClientError } from './errors';

/** An idea typed on a phone that the server has not acknowledged yet. */
export interface OutboxItem {
  id: string;
  atelierId: string;
  text: string;
  createdAt: string;
}

/** What one send attempt tells the outbox to do with the item. */
export type SendOutcome =
  | { kind: 'sent' }
  /** The server refused it for good (bad text, unknown atelier…): drop it and tell the author. */
  | { kind: 'rejected'; error: ClientError }
  /** Timeout, disconnection, rate limit: keep it and try again later with the same id. */
  | { kind: 'retry'; error: ClientError };

const TRANSIENT = new Set(['OFFLINE', 'TIMEOUT', 'NETWORK', 'NOT_JOINED', 'NOT_AUTHENTICATED', 'RATE_LIMITED', 'INTERNAL', 'UNAVAILABLE', 'UNKNOWN']);

/** Sorts an error from a post attempt into the outbox's two piles. */
export function outcomeOf(error: ClientError): SendOutcome {
  return TRANSIENT.has(error.code) ? { kind: 'retry', error } : { kind: 'rejected', error };
}

/**
 * Ideas are written to localStorage before the first send, so a reload, a dead battery's last
 * seconds or a lost Wi-Fi never eat them; the server's idempotence on the id means resending
 * is always safe.
 */
export class Outbox {
  private items: OutboxItem[];
  private listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private again = false;

  constructor(private readonly key: string) {
    const stored = storage.getJson<unknown>(key);
    this.items = Array.isArray(stored) ? stored.filter(isItem) : [];
  }

  list(): readonly OutboxItem[] {
    return this.items;
  }

  has(id: string): boolean {
    return this.items.some((i) => i.id === id);
  }

  add(item: OutboxItem): void {
    this.items = [...this.items, item];
    this.save();
  }

  update(id: string, text: string): boolean {
    if (!this.has(id)) return false;
    this.items = this.items.map((i) => (i.id === id ? { ...i, text } : i));
    this.save();
    return true;
  }

  remove(id: string): boolean {
    if (!this.has(id)) return false;
    this.items = this.items.filter((i) => i.id !== id);
    this.save();
    return true;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Sends items oldest first, one at a time (order matters to people reading the wall), and
   * stops at the first transient failure: the network is gone, hammering it helps nobody.
   * Concurrent calls coalesce into one more pass after the current one.
   */
  flush(send: (item: OutboxItem) => Promise<SendOutcome>, onRejected: (item: OutboxItem, error: ClientError) => void): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        for (const item of [...this.items]) {
          if (!this.has(item.id)) continue; // cancelled meanwhile
          const current = this.items.find((i) => i.id === item.id)!;
          const outcome = await send(current);
          if (outcome.kind === 'retry') return;
          this.remove(item.id);
          if (outcome.kind === 'rejected') onRejected(current, outcome.error);
        }
      } while (this.again);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private save(): void {
    if (this.items.length === 0) storage.remove(this.key);
    else storage.setJson(this.key, this.items);
    for (const fn of this.listeners) fn();
  }
}

function isItem(x: unknown): x is OutboxItem {
  const o = x as OutboxItem;
  return !!o && typeof o.id === 'string' && typeof o.atelierId === 'string' && typeof o.text === 'string' && typeof o.createdAt === 'string';
}
