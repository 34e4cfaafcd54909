import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { suggestGroups, type GroupingResult } from '../../../shared/src/grouping/index';
import { clusterCount, PARAMS } from '../../../shared/src/grouping/atelier';
import { areAssociated, areLinked, areRelated, associatedStems, relatedStems } from '../../../shared/src/grouping/related';
import { wordKey } from '../../../shared/src/grouping/lemma';
import { installLefff } from '../../../shared/src/grouping/lemma-node';
import { normalizeText } from '../../../shared/src/grouping/normalize';

// The atelier mode as the grouping worker runs it: with the Lefff lemmas installed.
installLefff();
const stem = (word: string) => wordKey(normalizeText(word));
import { DUPLICATE_PARAMS, wallDuplicates } from '../../../shared/src/grouping/wall-duplicates';
import { predictionOf, scoreByAtelier, type AtelierLabelled } from '../../../shared/src/grouping/metrics';

const DEV = fileURLToPath(new URL('../../../../shared/data/ideas-atelier-dev.jsonl', import.meta.url));
type Row = AtelierLabelled & { text: string };
const rows: Row[] = existsSync(DEV) ? readFileSync(DEV, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row) : [];

const ATELIER = { title: 'Mobilité', question: 'Comment se déplacer sans voiture ?' };
const WALL = [
  { id: 'a1', text: 'Une piste cyclable entre les deux bourgs' },
  { id: 'a2', text: 'des pistes cyclables sécurisées pour aller au collège à vélo' },
  { id: 'a3', text: 'Louer des vélos électriques à la mairie' },
  { id: 'a4', text: 'prêt de bicyclettes électriques pour les côtes' },
  { id: 'b1', text: 'Un bus à la demande pour aller au marché' },
  { id: 'b2', text: 'bus le samedi pour le marché svp' },
  { id: 'b3', text: 'Le transport à la demande doit passer dans les hameaux' },
  { id: 'c1', text: 'Covoiturage organisé vers la gare' },
  { id: 'c2', text: 'une appli de covoiturage entre voisins' },
  { id: 'c3', text: 'Des aires de covoiturage aux sorties de village' },
  { id: 'z1', text: 'Bonjour' },
  { id: 'z2', text: '' },
];

function placement(result: GroupingResult): Map<string, string> {
  const at = new Map<string, string>();
  for (const c of result.clusters) for (const id of c.ideaIds) {
    expect(at.has(id), `${id} placed twice`).toBe(false);
    at.set(id, c.id);
  }
  return at;
}

describe('related words (LibreOffice thesaurus, keyed by lemma stems)', () => {
  it('relates synonyms, whatever their inflection', () => {
    expect(relatedStems(stem('vélo'))).toContain(stem('bicyclette'));
    expect(relatedStems(stem('bicyclettes'))).toEqual(relatedStems(stem('bicyclette')));
    expect(relatedStems(stem('médecins'))).toContain(stem('chirurgien'));
    expect(areRelated(stem('rivière'), stem('ruisseau'))).toBe(true);
  });
  it('is symmetric, never relates a word to itself, knows nothing of unknown words', () => {
    for (const w of ['velo', 'foret', 'fete', 'logement', 'travail']) {
      const s = stem(w);
      expect(relatedStems(s)).not.toContain(s);
      for (const r of relatedStems(s)) expect(relatedStems(r)).toContain(s);
    }
    expect(relatedStems('zorglub')).toEqual([]);
  });
  it('drops relations between two senses of a polysemous word', () => {
    // The thesaurus lists "oui" under "patrimoine" (and "patrimoine" under "bien", a sense of "oui").
    expect(areRelated(stem('patrimoine'), stem('oui'))).toBe(false);
    expect(relatedStems(stem('bois')).length).toBeLessThanOrEqual(12);
  });
});

describe('associations of local life (shared/resources/associations, keyed by lemma stems)', () => {
  it('links words of one concrete sub-topic that no thesaurus relates', () => {
    expect(areRelated(stem('boulangerie'), stem('fournil'))).toBe(false);
    expect(areAssociated(stem('boulangerie'), stem('fournil'))).toBe(true);
    expect(areAssociated(stem('docteur'), stem('généraliste'))).toBe(true);
    // Multi-word expressions link their words: "pain frais", "dépôt de pain" → pain.
    expect(associatedStems(stem('boulangeries'))).toContain(stem('pain'));
    expect(areLinked(stem('fournil'), stem('pain'))).toBe(true);
    expect(areLinked(stem('rivière'), stem('ruisseau'))).toBe(true);
  });
  it('is symmetric and never links a word to itself', () => {
    for (const w of ['boulangerie', 'covoiturage', 'lavoir', 'docteur']) {
      const s = stem(w);
      expect(associatedStems(s).length).toBeGreaterThan(3);
      expect(associatedStems(s)).not.toContain(s);
      for (const r of associatedStems(s)) expect(associatedStems(r)).toContain(s);
    }
    expect(associatedStems('zorglub')).toEqual([]);
    expect(areAssociated(stem('pain'), stem('pain'))).toBe(false);
  });
  it('widen sub-topics only: two ideas linked by an association alone are one sub-topic, never one duplicate', () => {
    const wall = [
      { id: 'p1', text: 'Rouvrir un fournil au village' },
      { id: 'p2', text: 'du pain frais sans prendre la voiture' },
      { id: 'p3', text: 'boulangerie !!' },
      { id: 'm1', text: 'un toubib qui s installe' },
      { id: 'm2', text: 'trouver un médecin généraliste' },
      { id: 'm3', text: 'un docteur pour remplacer celui qui part' },
      { id: 'k1', text: 'un city stade pour les ados' },
      { id: 'k2', text: 'un terrain de foot synthétique' },
      { id: 'k3', text: 'des buts de foot et un panier de basket au stade' },
    ];
    const result = suggestGroups(wall, { atelier: { title: 'Vivre au village' } });
    const at = placement(result);
    expect(at.get('p1')).toBe(at.get('p2'));
    expect(at.get('p1')).toBe(at.get('p3'));
    expect(at.get('m1')).toBe(at.get('m2'));
    expect(at.get('p1')).not.toBe(at.get('m1'));
    for (const d of result.duplicates) expect(d.ideaIds.some((id) => id.startsWith('p')) && d.ideaIds.some((id) => id.startsWith('m'))).toBe(false);
  });
});

describe('cluster count', () => {
  it('stays within 3–8 for a wall and grows with granularity', () => {
    for (const m of [12, 20, 40, 60, 200]) {
      let previous = 0;
      for (const g of [0, 0.25, 0.5, 0.75, 1]) {
        const k = clusterCount(m, g);
        expect(k).toBeGreaterThanOrEqual(3);
        expect(k).toBeLessThanOrEqual(PARAMS.maxClusters);
        expect(k).toBeGreaterThanOrEqual(previous);
        previous = k;
      }
    }
  });
  it('gives one cluster to a handful of ideas, none to none', () => {
    expect(clusterCount(0, 0.5)).toBe(0);
    expect(clusterCount(4, 0.5)).toBe(1);
  });
});

describe('near-duplicate rule', () => {
  const matrix = (n: number, pairs: [number, number, number][]) => {
    const s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) s[i * n + i] = 1;
    for (const [i, j, v] of pairs) s[i * n + j] = s[j * n + i] = v;
    return s;
  };
  it('merges mutual nearest ideas above the threshold only', () => {
    const t = DUPLICATE_PARAMS.threshold;
    expect(wallDuplicates(4, matrix(4, [[0, 1, t + 0.05], [2, 3, t - 0.05]]))).toEqual([[0, 1]]);
  });
  it('does not merge an idea with one that has a closer twin, unless the pair is sure', () => {
    const t = DUPLICATE_PARAMS.threshold;
    // 1's nearest is 2, not 0: 0–1 is left alone even above the threshold.
    expect(wallDuplicates(3, matrix(3, [[0, 1, t + 0.01], [1, 2, t + 0.1]]))).toEqual([[1, 2]]);
  });
  it('never chains: every member must resemble every other, and groups stay small', () => {
    const sure = DUPLICATE_PARAMS.sure + 0.01;
    expect(wallDuplicates(3, matrix(3, [[0, 1, sure], [1, 2, sure]]))).toEqual([[0, 1]]);
    const all: [number, number, number][] = [];
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) all.push([i, j, sure]);
    for (const g of wallDuplicates(6, matrix(6, all))) expect(g.length).toBeLessThanOrEqual(DUPLICATE_PARAMS.maxGroup);
  });
});

describe('suggestGroups on one atelier wall', () => {
  it('places every idea once, keeps duplicates together, explains each idea', () => {
    const result = suggestGroups(WALL, { atelier: ATELIER });
    const at = placement(result);
    expect([...at.keys()].sort()).toEqual(WALL.map((i) => i.id).sort());
    expect(result.clusters.length).toBeGreaterThanOrEqual(2);
    for (const d of result.duplicates) expect(new Set(d.ideaIds.map((id) => at.get(id))).size).toBe(1);
    for (const c of result.clusters) {
      expect(c.title.length).toBeGreaterThan(0);
      if (c.id === 'divers') continue;
      expect(c.keywords.length).toBeGreaterThan(0);
      for (const id of c.ideaIds) expect(Array.isArray(c.why[id])).toBe(true);
    }
    expect(at.get('z1')).toBe('divers');
    expect(at.get('c1')).toBe(at.get('c2'));
    expect(at.get('c1')).not.toBe(at.get('b1'));
  });

  it('explains a related-word match as "word ≈ keyword"', () => {
    const result = suggestGroups(WALL, { atelier: ATELIER });
    const bikes = result.clusters.find((c) => c.ideaIds.includes('a4') && c.ideaIds.includes('a3'));
    expect(bikes).toBeDefined();
    expect(bikes!.why.a4.join(' ')).toMatch(/électriques|bicyclettes ≈ vélos/);
  });

  it('is deterministic and survives odd input', () => {
    expect(suggestGroups(WALL, { atelier: ATELIER })).toEqual(suggestGroups(WALL, { atelier: ATELIER }));
    const weird = [{ id: 'a', text: '' }, { id: 'b', text: '😀' }, { id: 'c', text: null as unknown as string }, { id: 'd', text: 'x'.repeat(5000) }];
    for (const options of [{ atelier: { title: '' } }, { atelier: { title: 3 as unknown as string }, granularity: NaN }, { atelier: ATELIER, keep: 'no' as never }]) {
      expect([...placement(suggestGroups(weird, options)).keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    }
  });

  it("keeps the facilitator's clusters whole and proposes close new ideas as additions", () => {
    const keep = [{ id: 'k-velo', title: 'Vélo', ideaIds: ['a1', 'a2'] }];
    const result = suggestGroups([...WALL, { id: 'n1', text: 'une piste cyclable le long de la rivière' }], { atelier: ATELIER, keep });
    const at = placement(result);
    expect(at.has('a1')).toBe(false);
    expect(at.has('a2')).toBe(false);
    const addition = result.clusters.find((c) => c.keepId === 'k-velo');
    expect(addition?.title).toBe('Vélo');
    expect(addition?.ideaIds).toContain('n1');
    expect(addition?.ideaIds).not.toContain('b1');
    expect(addition!.why.n1.length).toBeGreaterThan(0);
  });
});

describe('explanations in the cross-theme grouping', () => {
  it('gives every cluster keywords and every idea its reasons', () => {
    const result = suggestGroups(WALL);
    for (const c of result.clusters) {
      expect(Object.keys(c.why).sort()).toEqual([...c.ideaIds].sort());
      if (c.ideaIds.length >= 2 && c.id !== 'divers') expect(c.keywords.length).toBeGreaterThan(0);
    }
    const covoit = result.clusters.find((c) => c.ideaIds.includes('c2'));
    expect(covoit?.why.c2).toContain('covoiturage');
  });
});

describe('scoreByAtelier', () => {
  const labelled: AtelierLabelled[] = [
    { id: '1', atelier: 'x', subtopic: 'p', group: 'g' },
    { id: '2', atelier: 'x', subtopic: 'p', group: 'g' },
    { id: '3', atelier: 'x', subtopic: 'q', group: null },
    { id: '4', atelier: 'y', subtopic: 'r', group: null },
    { id: '5', atelier: 'y', subtopic: 's', group: null },
  ];
  it('is perfect for the reference itself and judges each atelier alone', () => {
    const s = scoreByAtelier(labelled, (_, ideas) => ({
      cluster: Object.fromEntries(ideas.map((r) => [r.id, r.subtopic])),
      duplicate: Object.fromEntries(ideas.filter((r) => r.group).map((r) => [r.id, 'd'])),
    }));
    expect(s.meanAri).toBeCloseTo(1);
    expect(s.perAtelier.map((a) => a.atelier)).toEqual(['x', 'y']);
    expect(s.duplicates).toMatchObject({ precision: 1, recall: 1, truePairs: 1 });
  });
  it('weights ateliers by size and pools duplicate pairs', () => {
    // x: all in one cluster (ARI 0); y: perfect (ARI 1) → (0·3 + 1·2) / 5.
    const s = scoreByAtelier(labelled, (atelier, ideas) => ({ cluster: Object.fromEntries(ideas.map((r) => [r.id, atelier === 'x' ? 'all' : r.subtopic])), duplicate: {} }));
    expect(s.meanAri).toBeCloseTo(2 / 5);
    expect(s.duplicates.recall).toBe(0);
  });
});

/**
 * Regression guard on the within-atelier dev file (../shared/data). The floors are the scores
 * recorded when the method landed (docs/performance.md), less 0.02 for float noise: a change
 * that lowers them must say why. Far below the targets (ARI 0.5, duplicates R 0.7 / P 0.6).
 */
// Duplicates: precision first (0.38 → 0.83 at threshold 0.4), recall 0.20 → 0.13 knowingly.
// Re-measured 2026-11-30 19:30 UTC (subtopics): unchanged; see docs/performance.md for why the
// features, not the cluster count, hold the ARI there.
// 2026-11-30 19:55 UTC (assoc): associations of local life widen the sub-topics, 0.248 → 0.271
// (old held-out 0.350 → 0.407, second held-out 0.282 → 0.303); duplicates unchanged.
const RECORDED = { meanAri: 0.271, dupPrecision: 0.83, dupRecall: 0.13 };
if (rows.length > 0) {
  describe('within-atelier quality on the dev file (regression guard)', () => {
    const s = scoreByAtelier(rows, (atelier, ideas) =>
      predictionOf(suggestGroups(ideas.map((r) => ({ id: r.id, text: (r as Row).text })), { atelier: { title: atelier.replace(/-/g, ' ') } })),
    );
    it(`keeps the size-weighted mean ARI within 0.02 of ${RECORDED.meanAri}`, () => {
      expect(s.meanAri).toBeGreaterThanOrEqual(RECORDED.meanAri - 0.02);
      expect(s.perAtelier).toHaveLength(5);
    });
    it(`keeps near-duplicates within 0.02 of precision ${RECORDED.dupPrecision}, recall ${RECORDED.dupRecall}`, () => {
      expect(s.duplicates.precision).toBeGreaterThanOrEqual(RECORDED.dupPrecision - 0.02);
      expect(s.duplicates.recall).toBeGreaterThanOrEqual(RECORDED.dupRecall - 0.02);
    });
    it('gives every clustered idea of every dev atelier a reason (was 32 of 195 without one)', () => {
      for (const atelier of new Set(rows.map((r) => r.atelier))) {
        const result = suggestGroups(rows.filter((r) => r.atelier === atelier), { atelier: { title: atelier.replace(/-/g, ' ') } });
        for (const c of result.clusters) if (c.id !== 'divers') for (const id of c.ideaIds) expect(c.why[id]?.length, `${atelier} ${id}`).toBeGreaterThan(0);
      }
    });
    it('proposes 3–8 sub-topics (plus Divers) on every dev atelier', () => {
      for (const atelier of new Set(rows.map((r) => r.atelier))) {
        const ideas = rows.filter((r) => r.atelier === atelier);
        const n = suggestGroups(ideas, { atelier: { title: atelier } }).clusters.filter((c) => c.id !== 'divers').length;
        expect(n).toBeGreaterThanOrEqual(3);
        expect(n).toBeLessThanOrEqual(8);
      }
    });
  });
} else if (process.env.SEMIS_REQUIRE_SERVICES === '1') it('finds ../shared/data/ideas-atelier-dev.jsonl', () => expect(existsSync(DEV)).toBe(true));
else console.warn(`⚠️  ${DEV} not found: within-atelier quality SKIPPED`);
