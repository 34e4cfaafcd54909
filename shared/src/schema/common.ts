import { z } from 'zod';

// Browsers run under our CSP (no eval): zod must not probe `new Function`, which the browser
// reports as a policy violation even though zod catches it. Set here, the first schema module,
// before any schema parses (some parse while modules load, e.g. DEFAULT_VOTE_CONFIG).
if (typeof document !== 'undefined') z.config({ jitless: true });

/** Letters and digits a person can read off a projector and type on a phone without doubt:
 * no 0/O, 1/I/L, 5/S, 2/Z, 8/B. */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;

export const uuidSchema = z.string().uuid();
export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));

/** Opaque secrets handed to clients; only their SHA-256 is stored. */
export const tokenSchema = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/);

/** Every typed text goes through the one text rule (domain/text.ts, schema/text.ts). */
export { userText } from './text';

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
