import { describe, it, expect } from 'vitest';
import { conceptsOf } from '../../../shared/src/grouping/lexicon';

describe('lexicon', () => {
  it('maps abbreviations and synonyms to the same concept', () => {
    expect(conceptsOf('covoit')).toContain('covoiturage');
    expect(conceptsOf('partage de trajets domicile-travail')).toContain('covoiturage');
    expect(conceptsOf('rouvrir le bistrot')).toContain('cafe_bar');
    expect(conceptsOf('un bar associatif')).toContain('cafe_bar');
  });
  it('matches multi-word phrases before their words', () => {
    expect(conceptsOf('une maison de santé')).toEqual(['medecin']);
    expect(conceptsOf('des circuits courts')).toContain('circuit_court');
    expect(conceptsOf('un tiers-lieu')).toContain('lieu_collectif');
  });
  it('knows the main rural-development families', () => {
    expect(conceptsOf('panneaux photovoltaïques sur les hangars')).toContain('solaire');
    expect(conceptsOf('une AMAP')).toContain('amap_paniers');
    expect(conceptsOf('la fibre dans les hameaux')).toContain('fibre_internet');
    expect(conceptsOf('une pépinière d’entreprises')).toContain('accompagnement');
    expect(conceptsOf('un EHPAD')).toContain('personnes_agees');
    expect(conceptsOf('gîtes pour randonneurs')).toEqual(expect.arrayContaining(['hebergement', 'randonnee']));
  });
  it('tolerates one typo in long words', () => {
    expect(conceptsOf('une recylerie')).toContain('reemploi');
    expect(conceptsOf('photovoltaque')).toContain('solaire');
  });
  it('does not invent concepts from unrelated words', () => {
    expect(conceptsOf('asdfgh')).toEqual([]);
    expect(conceptsOf('Le maire fait rien, faut le changer')).toEqual([]);
  });
});
