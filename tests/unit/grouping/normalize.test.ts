import { describe, it, expect } from 'vitest';
import { normalizeText, tokenize, contentWords } from '../../../shared/src/grouping/normalize';

describe('normalizeText', () => {
  it('lowercases and strips accents', () => {
    expect(normalizeText('ÉNERGIE Renouvelable à Lons-le-Saunier')).toBe('energie renouvelable a lons le saunier');
    expect(normalizeText('Cœur de village')).toBe('coeur de village');
  });
  it('turns meaningful emoji into words and drops the rest', () => {
    expect(normalizeText('relancer le vélo 🚲')).toBe('relancer le velo velo');
    expect(normalizeText('☕ café 😡😡')).toBe('cafe cafe');
    expect(normalizeText('♻️')).toBe('recyclage');
  });
  it('splits elisions and shortens stretched letters', () => {
    expect(normalizeText("l'école d'été")).toBe('l ecole d ete');
    expect(normalizeText('trooooop bien!!!')).toBe('trop bien');
  });
  it('replaces links with a marker word', () => {
    expect(normalizeText('Gagnez 500€ 👉 http://bit.ly/xx')).toBe('gagnez 500 lienweb');
  });
  it('copes with non-strings, empty text and very long text', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(undefined as unknown as string)).toBe('');
    expect(normalizeText('a'.repeat(280))).toBe('a');
  });
});

describe('tokenize / contentWords', () => {
  it('expands phone abbreviations', () => {
    expect(tokenize('covoit pr aller bosser ds la comcom')).toEqual(['covoiturage', 'pour', 'aller', 'bosser', 'dans', 'la', 'communaute', 'de', 'communes']);
    expect(tokenize('bcp d assos qd on veut')).toEqual(['beaucoup', 'd', 'associations', 'quand', 'on', 'veut']);
    expect(tokenize('tt le w-e')).toEqual(['tout', 'le', 'week', 'end']);
  });
  it('drops stop words and lone digits', () => {
    expect(contentWords("Il faudrait un médecin pour les 3 villages")).toEqual(['medecin', 'villages']);
  });
});
