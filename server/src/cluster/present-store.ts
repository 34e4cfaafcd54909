import type { Redis } from 'ioredis';
import type { PresentState } from '@semis/shared';
import type { PresentStore } from '../services/present';

/** A presentation outlives an evening by far less than this; the key then goes by itself. */
const TTL_SECONDS = 2 * 24 * 3600;
const keyOf = (atelierId: string) => `semis:present:${atelierId}`;

/** SET (or DEL for an empty value) only if the key still holds what the caller read. */
const SWAP = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end
return 1`;

/**
 * Presentation states in Redis, so a projector on one process follows (and its clicker steps)
 * what a console started on another. While Redis is away, this process goes on with its own
 * copy, like local socket.io delivery does, instead of holding the facilitator's command.
 */
export function redisPresentStore(redis: Redis): PresentStore {
  const local = new Map<string, PresentState>();
  const up = () => redis.status === 'ready';
  const remember = (atelierId: string, state: PresentState | null) => (state ? local.set(atelierId, state) : local.delete(atelierId));
  return {
    async get(atelierId) {
      if (!up()) return local.get(atelierId) ?? null;
      const raw = await redis.get(keyOf(atelierId));
      const state = raw ? (JSON.parse(raw) as PresentState) : null;
      remember(atelierId, state);
      return state;
    },
    async swap(atelierId, expected, next) {
      if (up()) {
        const swapped = await redis.eval(SWAP, 1, keyOf(atelierId), expected ? JSON.stringify(expected) : '', next ? JSON.stringify(next) : '', TTL_SECONDS);
        if (swapped !== 1) return false;
      }
      remember(atelierId, next);
      return true;
    },
  };
}
