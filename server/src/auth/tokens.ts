import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: long enough that a plain SHA-256 at rest is the right hash
 * (no slow KDF needed: these are not guessable passwords). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
