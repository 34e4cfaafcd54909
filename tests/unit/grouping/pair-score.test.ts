import { describe, it, expect } from 'vitest';
import { analyseWall } from '../../../shared/src/grouping/atelier';
import { wordKey } from '../../../shared/src/grouping/lemma';
import { installLefff } from '../../../shared/src/grouping/lemma-node';
import { normalizeText } from '../../../shared/src/grouping/normalize';
import { cover, explainAlignment, matchStems, PAIR_PARAMS, pairIdeas, pairMatrix, pairScore, sameSpelling } from '../../../shared/src/grouping/pair-score';
import { suggestGroups } from '../../../shared/src/grouping/index';

// Keyed as the grouping worker keys words in atelier mode: by Lefff lemma.
installLefff();
const key = (word: string) => wordKey(normalizeText(word));
const wall = (texts: string[]) => {
  const items = analyseWall(texts.map((text, k) => ({ id: `i${k}`, text })), new Set());
  return pairIdeas(items, new Set());
};

describe('word matches', () => {
  it('matches a word with itself, a thesaurus synonym, a spelling variant or abbreviation', () => {
    expect(matchStems(key('vélos'), key('vélo'))).toEqual({ m: 1, kind: 'same' });
    expect(matchStems(key('vélo'), key('bicyclette'))).toEqual({ m: PAIR_PARAMS.related, kind: 'related' });
    expect(matchStems('kine', 'kinesitherapeut')).toEqual({ m: PAIR_PARAMS.spelling, kind: 'spelling' });
    expect(matchStems(key('vélo'), key('boulangerie'))).toBeNull();
  });
  it('reads abbreviations and one-letter typos on words of four letters or more only', () => {
    expect(sameSpelling('medcin', 'medecin')).toBe(true); // a letter left out
    expect(sameSpelling('medecim', 'medecin')).toBe(true); // a letter changed
    expect(sameSpelling('bus', 'busard')).toBe(false);
    expect(sameSpelling('pain', 'paix')).toBe(false);
    expect(sameSpelling('medecin', 'medaille')).toBe(false);
  });
});

describe('word alignment of two posts', () => {
  it('weighs a word rare on the wall more than one every post has', () => {
    const ideas = wall([
      'un bus pour le marché du village',
      'une navette pour la fête du village',
      'le village a besoin de bancs',
      'fleurir le village',
    ]);
    // Posts 0 and 1 share "village" (on every post) and nothing rarer; 0 and 2 share nothing but it.
    const village = ideas[0].units.find((u) => u.key === key('village'))!;
    const bus = ideas[0].units.find((u) => u.key === key('bus'))!;
    expect(bus.weight).toBeGreaterThan(village.weight);
    expect(cover(ideas[0], ideas[2]).share).toBeLessThan(0.25);
  });
  it('is length-aware: a short post inside a long one is covered, the long one is not', () => {
    const [short, long] = wall(['boulangerie !!', 'rouvrir une boulangerie au village avec du pain bio le dimanche matin']);
    expect(cover(short, long).share).toBe(1);
    expect(cover(long, short).share).toBeLessThan(0.3);
    expect(pairScore(short, long)).toBeCloseTo((1 + cover(long, short).share) / 2);
  });
  it('gives a symmetric matrix with 1 on the diagonal', () => {
    const ideas = wall(['des vélos électriques', 'prêt de bicyclettes', 'un marché le samedi']);
    const s = pairMatrix(ideas);
    expect([s[0], s[4], s[8]]).toEqual([1, 1, 1]);
    expect(s[1]).toBe(s[3]);
    expect(s[1]).toBeGreaterThan(s[2]);
  });
});

describe('why two posts are one proposal', () => {
  it('lists the aligned words, the rarest first, a synonym as "word ≈ word"', () => {
    const ideas = wall([
      'des pistes cyclables pour aller au collège à vélo',
      'une piste sûre pour les bicyclettes des collégiens',
      'des pistes de randonnée',
      'un marché le samedi',
    ]);
    const why = explainAlignment([ideas[0], ideas[1]]);
    expect(why).toContain('vélo ≈ bicyclettes');
    // "pistes" is on three posts of four: it comes after the synonym pair.
    expect(why.indexOf('pistes')).toBeGreaterThan(why.indexOf('vélo ≈ bicyclettes'));
    expect(explainAlignment([ideas[0]])).toEqual([]);
  });
  it('explains a proposed merge on a wall with its aligned words, rarest first', () => {
    const result = suggestGroups([
      { id: 'a', text: 'Le vendredi soir un food truck pizza sur la place' },
      { id: 'b', text: 'camion a pizza le vendredi soir ce serait top' },
      { id: 'c', text: 'Le marché du vendredi' },
      { id: 'd', text: 'Un bus le vendredi pour les courses' },
      { id: 'e', text: 'Un distributeur de billets' },
    ], { atelier: { title: 'Commerces et services' } });
    const dup = result.duplicates.find((d) => d.ideaIds.includes('a'));
    expect(dup?.ideaIds).toEqual(['a', 'b']);
    // "vendredi" is on four posts of five: the last reason, though the first word of both.
    expect(dup!.why.slice(0, 2).sort()).toEqual(['pizza', 'soir']);
    expect(dup!.why[2]).toBe('vendredi');
  });
});
