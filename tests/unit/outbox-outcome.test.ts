import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../client/src/sync/outbox';

describe("the phone's outbox", () => {
  it('keeps an idea for a retry when the server is momentarily unavailable (issue #14)', () => {
    const error = { code: 'UNAVAILABLE' as const, message: 'Serveur momentanément indisponible, réessayez.' };
    expect(outcomeOf(error)).toEqual({ kind: 'retry', error });
  });

  it('drops an idea the server refused for good', () => {
    const error = { code: 'INVALID_IDEA_TEXT' as const, message: 'x' };
    expect(outcomeOf(error)).toEqual({ kind: 'rejected', error });
  });
});
