import { describe, it, expect } from 'vitest';
import { explainCluster } from '../../../shared/src/grouping/explain';
import { analyseWall } from '../../../shared/src/grouping/atelier';
import { installLefff } from '../../../shared/src/grouping/lemma-node';
import { contentWords } from '../../../shared/src/grouping/normalize';

installLefff();

describe('explanations of a sub-topic', () => {
  it('gives a reason to an idea that shares no word but a related one with another member', () => {
    const items = analyseWall(
      [
        { id: 'a', text: 'nettoyer la rivière et les berges' },
        { id: 'b', text: 'nettoyer les berges' },
        { id: 'c', text: 'curer le ruisseau' },
        { id: 'z', text: 'des bancs au lavoir' },
      ],
      new Set(),
    );
    const ex = explainCluster(items.slice(0, 3), items, new Set());
    // rivière (one member) is no keyword; ruisseau shares no word with anyone.
    expect(ex.keywords).not.toContain('rivière');
    // A thesaurus or local-life relation to another member's word (rivière, berges).
    expect(ex.why.c).toHaveLength(1);
    expect(ex.why.c[0]).toMatch(/^ruisseau ≈ (rivière|berges)$/);
    for (const id of ['a', 'b', 'c']) expect(ex.why[id].length).toBeGreaterThan(0);
  });
  it('names the closest member for an idea that shares no word nor related word (placed by a weaker signal)', () => {
    const items = analyseWall(
      [
        { id: 'a', text: 'un kiné au bourg' },
        { id: 'b', text: 'trouver un kiné' },
        { id: 'c', text: 'trois mois pour madame Martin' },
      ],
      new Set(),
    );
    // Without a way to name the closest member (the cross-theme pipeline), nothing to show.
    expect(explainCluster(items, items, new Set()).why.c).toEqual([]);
    const ex = explainCluster(items, items, new Set(), undefined, () => items[1]);
    expect(ex.why.c).toEqual(['proche de « trouver kinésithérapeute »']);
    // Ideas that have words in common keep them as their reason.
    expect(ex.why.a).toEqual(['kinésithérapeute']);
  });
  it('shows keywords with their accents even when the idea wrote an abbreviation', () => {
    const items = analyseWall(
      [
        { id: 'a', text: 'un kiné au bourg' },
        { id: 'b', text: 'un kine pour les sportifs' },
        { id: 'c', text: 'trouver un kiné' },
      ],
      new Set(),
    );
    expect(explainCluster(items, items, new Set()).keywords).toContain('kinésithérapeute');
  });
  it('drops general function words and adverbs ("plutôt", "jusqu\'à") from the words compared', () => {
    expect(contentWords('plutôt un bus jusqu’à la gare, davantage le soir')).toEqual(['bus', 'gare', 'soir']);
  });
});
