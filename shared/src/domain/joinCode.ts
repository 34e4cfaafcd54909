import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../schema/common';

/** A join code from unbiased random bytes (rejection sampling keeps every letter equally likely). */
export function makeJoinCode(randomBytes: (n: number) => Uint8Array): string {
  const n = JOIN_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const b of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (b < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[b % n];
    }
  }
  return code;
}

/** A phone's way in: `/j/CODE`, or `/j/CODE/<atelierId>` to land straight in one atelier
 * (the per-atelier QR posters). Same shape on the server's links and the client's router. */
export function participantPath(joinCode: string, atelierId?: string): string {
  return `/j/${encodeURIComponent(joinCode)}${atelierId ? `/${encodeURIComponent(atelierId)}` : ''}`;
}

/** What a person typed, as a code: case, spaces and dashes don't matter. */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
