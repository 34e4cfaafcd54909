import { describe, expect, it } from 'vitest';
import { GROUPING_MAX_KEEP, IDEA_MAX, type ClusterView, type GroupingSuggestion, type IdeaCard } from '@semis/shared';
import { fitSuggestion, wallGroupingTask } from '../../../server/src/grouping/request';

/** What the wall's "Suggérer des regroupements" sends to the grouping, and how its answer is
 * bounded before it goes back to the browser (server/src/grouping/request.ts). */
const at = '2026-11-30T16:00:00.000Z';
const card = (id: string, text: string): IdeaCard => ({ id, text, authorId: 'p', author: 'P', createdAt: at, updatedAt: at });
const cluster = (id: string, title: string, ideaIds: string[]): ClusterView => ({ id, title, ideaIds, x: 0, y: 0, createdAt: at, mergedCount: 0 });
const atelier = { title: 'Énergie', question: 'Comment produire et économiser ?' };

describe('wallGroupingTask', () => {
  it('sends every idea, the atelier, and the clusters to keep with the titles the facilitator sees', () => {
    const cards = [card('a', 'panneaux solaires sur l’école'), card('b', 'photovoltaïque sur la salle'), card('c', 'isoler les combles')];
    const task = wallGroupingTask(cards, [cluster('k1', 'Solaire', ['a', 'b']), cluster('k2', '', ['c']), cluster('empty', 'À venir', [])], atelier, 0.75);
    expect(task.ideas).toEqual([
      { id: 'a', text: 'panneaux solaires sur l’école' },
      { id: 'b', text: 'photovoltaïque sur la salle' },
      { id: 'c', text: 'isoler les combles' },
    ]);
    expect(task.options.granularity).toBe(0.75);
    expect(task.options.atelier).toEqual(atelier);
    const keep = task.options.keep!;
    expect(keep.find((k) => k.id === 'k1')).toEqual({ id: 'k1', title: 'Solaire', ideaIds: ['a', 'b'] });
    // An untitled cluster is named as the wall shows it, from its ideas; an empty one is kept by title.
    expect(keep.find((k) => k.id === 'k2')!.title).not.toBe('');
    expect(keep.find((k) => k.id === 'empty')).toEqual({ id: 'empty', title: 'À venir', ideaIds: [] });
  });

  it('cuts texts, titles and question, and past the cap leaves the smaller clusters’ ideas out', () => {
    const long = 'x'.repeat(10_000);
    const cards = Array.from({ length: GROUPING_MAX_KEEP + 2 }, (_, k) => card(`i${k}`, k === 0 ? long : `idée ${k}`));
    const clusters = cards.map((c, k) => cluster(`c${k}`, long, k < 2 ? [c.id, `ghost${k}`] : [c.id]));
    const task = wallGroupingTask(cards, clusters, { title: long, question: long }, 0.5);
    expect(task.ideas[0]!.text.length).toBe(IDEA_MAX * 2);
    expect(task.options.atelier!.title.length).toBe(120);
    expect(task.options.atelier!.question!.length).toBe(280);
    expect(task.options.keep).toHaveLength(GROUPING_MAX_KEEP);
    for (const k of task.options.keep!) expect(k.title.length).toBeLessThanOrEqual(120);
    // The two largest clusters are kept; two of the one-idea clusters fall past the cap, and
    // their ideas are not sent at all: grouped already, they must not be proposed elsewhere.
    expect(task.options.keep!.slice(0, 2).map((k) => k.id)).toEqual(['c0', 'c1']);
    const sent = new Set(task.ideas.map((i) => i.id));
    const keptIdeas = new Set(task.options.keep!.flatMap((k) => k.ideaIds));
    expect(task.ideas).toHaveLength(GROUPING_MAX_KEEP);
    for (const c of cards) expect(sent.has(c.id)).toBe(keptIdeas.has(c.id));
  });
});

describe('fitSuggestion', () => {
  const task = wallGroupingTask([card('a', 'un'), card('b', 'deux'), card('c', 'trois')], [cluster('mine', 'Le mien', ['a'])], atelier, 0.5);

  it('bounds keywords and reasons, keeps reasons of the cluster’s own ideas, and only known keepIds', () => {
    const many = Array.from({ length: 30 }, (_, k) => `mot${k}${'é'.repeat(k === 0 ? 100 : 0)}`);
    const raw: GroupingSuggestion = {
      clusters: [
        { id: 'x', title: 'T'.repeat(500), ideaIds: ['b'], keywords: many, why: { b: many, c: ['ailleurs'] }, keepId: 'mine' },
        { id: 'y', title: 'Autre', ideaIds: ['c'], keywords: [], why: { c: [] }, keepId: 'not-on-the-wall' },
      ],
      duplicates: [{ id: 'd', ideaIds: ['b', 'c'], why: many }],
    };
    const fit = fitSuggestion(raw, task);
    const [x, y] = fit.clusters;
    expect(x!.title).toHaveLength(120);
    expect(x!.keywords).toHaveLength(8);
    expect(x!.keywords[0]).toHaveLength(60);
    expect(Object.keys(x!.why)).toEqual(['b']);
    expect(x!.why.b).toHaveLength(6);
    expect(x!.keepId).toBe('mine');
    expect(y).toEqual({ id: 'y', title: 'Autre', ideaIds: ['c'], keywords: [], why: {} });
    expect(fit.duplicates[0]!.why).toHaveLength(6);
  });

  it('passes a small answer through unchanged', () => {
    const raw: GroupingSuggestion = {
      clusters: [{ id: 'x', title: 'Deux, trois', ideaIds: ['b', 'c'], keywords: ['deux'], why: { b: ['deux'], c: ['trois ≈ deux'] } }],
      duplicates: [{ id: 'd', ideaIds: ['b', 'c'], why: ['deux'] }],
    };
    expect(fitSuggestion(raw, task)).toEqual(raw);
  });
});
