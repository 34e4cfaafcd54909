import { describe, expect, it } from 'vitest';
import { distinctPseudonym, foldUnicode, graphemeCount, PSEUDONYM_MAX, pseudonymCandidates, pseudonymKey } from '@semis/shared';

describe('two people, one pseudonym', () => {
  it('keeps a free pseudonym as typed', () => {
    expect(distinctPseudonym('Camille', ['Dominique', 'Sacha'], PSEUDONYM_MAX)).toBe('Camille');
  });

  it('tells the newcomer apart, also from look-alikes', () => {
    expect(distinctPseudonym('Camille', ['Camille'], PSEUDONYM_MAX)).toBe('Camille (2)');
    expect(distinctPseudonym('camille ', ['Camille', 'Camille (2)'], PSEUDONYM_MAX)).toBe('camille (3)');
    expect(distinctPseudonym('Kévin', ['KEVIN'], PSEUDONYM_MAX)).toBe('Kévin (2)');
    expect(distinctPseudonym('Cαmille', ['Camille'], PSEUDONYM_MAX)).toBe('Cαmille (2)'); // Greek alpha
  });

  it('still fits the limit, counted in characters as people see them', () => {
    const long = '🌻'.repeat(PSEUDONYM_MAX);
    const given = distinctPseudonym(long, [long], PSEUDONYM_MAX);
    expect(given.endsWith(' (2)')).toBe(true);
    expect(graphemeCount(given)).toBe(PSEUDONYM_MAX);
  });

  it('counts a long name once, and truncates each candidate as before', () => {
    const long = `${'é'.repeat(PSEUDONYM_MAX - 2)}ab`;
    const candidates = pseudonymCandidates(long, PSEUDONYM_MAX);
    const first = Array.from({ length: 12 }, () => candidates.next().value as string);
    expect(first[0]).toBe(long);
    expect(first[1]).toBe(`${long.slice(0, PSEUDONYM_MAX - 4)} (2)`);
    expect(first[9]).toBe(`${long.slice(0, PSEUDONYM_MAX - 5)} (10)`);
    for (const c of first) expect(graphemeCount(c)).toBeLessThanOrEqual(PSEUDONYM_MAX);
    // Names that fit keep their last character, a trailing space never stays before "(n)".
    const short = pseudonymCandidates('Camille', PSEUDONYM_MAX);
    expect([short.next().value, short.next().value, short.next().value]).toEqual(['Camille', 'Camille (2)', 'Camille (3)']);
  });
});

describe('the blocking key of a plain-ASCII name', () => {
  it('is the key of the full Unicode rule', () => {
    // Seeded: printable ASCII, spaces, look-alike digits and signs, capitals.
    let seed = 13;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = ' \x20IiLl10|$@OoAaZz9(2)~`!#%^&*-_=+[]{};:\'",.<>/?\\';
    for (let i = 0; i < 2000; i++) {
      const length = next() % 14;
      let s = '';
      for (let k = 0; k < length; k++) s += alphabet[next() % alphabet.length];
      expect(pseudonymKey(s), JSON.stringify(s)).toBe(foldUnicode(s));
    }
    for (const s of ['Camille (12)', '  KEV1N  ', 'l|$@', 'Tel 10001 (31)']) expect(pseudonymKey(s)).toBe(foldUnicode(s));
  });
});
