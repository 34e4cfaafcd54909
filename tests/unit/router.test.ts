import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../client/src/router';

describe('client routes', () => {
  it('reads the join links the terminal, the console and the QR posters print', () => {
    expect(matchRoute('/j')).toEqual({ name: 'home' });
    expect(matchRoute('/j/ABC123')).toMatchObject({ name: 'participant', code: 'ABC123' });
  });

  it('treats a malformed percent-escape as a page that does not exist instead of throwing', () => {
    expect(matchRoute('/j/%E0%A4%A')).toEqual({ name: 'notFound' });
    expect(matchRoute('/animer/mur/%')).toEqual({ name: 'notFound' });
  });
});
