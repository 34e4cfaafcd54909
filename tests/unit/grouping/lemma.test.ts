import { describe, it, expect } from 'vitest';
import { buildLemmaTable, lemmaOf, wordKey } from '../../../shared/src/grouping/lemma';
import { installLefff } from '../../../shared/src/grouping/lemma-node';
import { normalizeText } from '../../../shared/src/grouping/normalize';
import { stemFrench } from '../../../shared/src/grouping/stem';

installLefff();
const key = (w: string) => wordKey(normalizeText(w));
const lemma = (w: string) => lemmaOf(normalizeText(w));

describe('Lefff lemmas (lefff-helper tables)', () => {
  it('takes plural and feminine nouns and adjectives to their lemma', () => {
    expect(lemma('vélos')).toBe('velo');
    expect(lemma('chevaux')).toBe('cheval');
    expect(lemma('rurales')).toBe('rural');
    expect(key('communales')).toBe(key('communal'));
    expect(key('vélos')).toBe(key('vélo'));
    expect(key('associations')).toBe(key('association'));
    expect(key('écologiques')).toBe(key('écologique'));
  });
  it('takes past participles to their verb, so they meet the verb and its noun', () => {
    expect(lemma('rénovés')).toBe('renover');
    expect(key('rénovées')).toBe(key('rénover'));
    expect(key('rénovées')).toBe(key('rénovation'));
  });
  it('never lets a stem land on another noun of the dictionary', () => {
    expect(stemFrench('navette')).toBe(stemFrench('navet')); // the stemmer alone collides
    expect(key('navettes')).not.toBe(key('navet'));
    expect(key('navettes')).toBe(key('navette'));
    expect(key('ventes')).not.toBe(key('vent'));
  });
  it('falls back to the stemmer for words the Lefff does not know', () => {
    expect(key('zorglubs')).toBe(stemFrench('zorglubs'));
    expect(wordKey('velos', null)).toBe(stemFrench('velos'));
  });
  it('builds deterministically: a form that is a lemma keeps itself, nouns before adjectives', () => {
    const t = buildLemmaTable({ pêches: 'pêche', péchés: 'péché', marches: 'marche' }, { marches: ['marché', false], bleues: ['bleu', false], Paris: ['paris', false] });
    expect(t.forms.get('peches')).toBe('peche');
    expect(t.forms.get('marches')).toBe('marche');
    expect(t.forms.get('bleues')).toBe('bleu');
    expect(t.forms.has('paris')).toBe(false);
    expect(t.nouns.has('peche')).toBe(true);
    expect(t.nouns.has('bleu')).toBe(false);
  });
});
