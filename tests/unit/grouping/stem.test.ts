import { describe, it, expect } from 'vitest';
import { stemFrench } from '../../../shared/src/grouping/stem';

describe('stemFrench', () => {
  const same = (a: string, b: string) => expect(stemFrench(a)).toBe(stemFrench(b));
  it('merges plurals and feminines', () => {
    same('maisons', 'maison');
    same('producteurs', 'producteur');
    same('associations', 'association');
    same('forestiere', 'forestier');
    same('touristiques', 'touristique');
  });
  it('merges verb forms and derived nouns', () => {
    same('renover', 'renovation');
    same('rehabiliter', 'rehabilitation');
    same('associatif', 'associative');
    same('energies', 'energie');
  });
  it('keeps short words and digits untouched', () => {
    expect(stemFrench('bus')).toBe('bus');
    expect(stemFrench('4g')).toBe('4g');
  });
  it('keeps apart words that Snowball would confuse', () => {
    expect(stemFrench('vacances')).not.toBe(stemFrench('vacants'));
    expect(stemFrench('repas')).not.toBe(stemFrench('repit'));
  });
  it('never returns an empty stem', () => {
    for (const w of ['eees', 'aaaa', 'ement', 'issements']) expect(stemFrench(w).length).toBeGreaterThan(0);
  });
});
