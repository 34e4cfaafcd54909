import { describe, expect, it } from 'vitest';
import { distinctPseudonym, graphemeCount, PSEUDONYM_MAX } from '@semis/shared';

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
});
