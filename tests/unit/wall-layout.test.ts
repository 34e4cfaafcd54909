import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { STICKY, gridPosition, putIdeaCard, readClusters, readIdeaCards, readPosition, type Position } from '@semis/shared';
import { clusterIdeas, dropSticky, mergeInto, tidyWall, type WallState } from '../../client/src/clusters/actions';
import { nearestFree, overlaps, placeClusters, slotInCluster, tidyLayout } from '../../client/src/clusters/geometry';
import { seeded as rng } from '../support/random';

/** The wall as the facilitator's page derives it from the document (see useClusterWall). */
function wallOf(doc: Y.Doc): WallState {
  const cards = readIdeaCards(doc);
  const positions = new Map(cards.map((c, i) => [c.id, readPosition(doc, c.id) ?? gridPosition(i)]));
  return { cards, positions, placed: placeClusters(readClusters(doc), (id) => positions.get(id)) };
}

function overlapping(wall: WallState): string[] {
  const all = [...wall.positions];
  const found: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) if (overlaps(all[i]![1], all[j]![1])) found.push(`${all[i]![0]}×${all[j]![0]}`);
  }
  return found;
}

function wallWith(n: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < n; i++) {
    putIdeaCard(doc, { id: `i${i}`, text: `idée ${i} ${['marché', 'vélo', 'crèche', 'gîte'][i % 4]}`, authorId: '', author: '', createdAt: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`, updatedAt: '', moderated: false }, i);
  }
  return doc;
}

describe('layout helpers', () => {
  it('nearestFree keeps a free spot and otherwise finds the closest free slot', () => {
    const others = [{ x: 0, y: 0 }];
    expect(nearestFree({ x: 500, y: 0 }, others)).toEqual({ x: 500, y: 0 });
    const p = nearestFree({ x: 10, y: 10 }, others);
    expect(overlaps(p, others[0]!)).toBe(false);
    expect(Math.hypot(p.x - 10, p.y - 10)).toBeLessThanOrEqual(STICKY.width + STICKY.gap);
  });

  it('slotInCluster fills the cluster grid around stickies of other clusters', () => {
    const members = [{ x: 0, y: 0 }];
    const stranger = { x: STICKY.width + STICKY.gap, y: 0 };
    const slot = slotInCluster(members, [...members, stranger]);
    expect(slot).toEqual({ x: 2 * (STICKY.width + STICKY.gap), y: 0 });
  });

  it('tidyLayout lays clusters out as disjoint blocks, loose ideas last', () => {
    const { positions, origins } = tidyLayout([['a', 'b', 'c', 'd'], ['e'], []], ['f', 'g']);
    expect(origins).toHaveLength(4);
    const all = [...positions.values()];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
    // Loose ideas start below every cluster.
    const lowestCluster = Math.max(...['a', 'b', 'c', 'd', 'e'].map((id) => positions.get(id)!.y));
    expect(positions.get('f')!.y).toBeGreaterThan(lowestCluster);
  });
});

describe('no sticky ever hides another (property over random clustering sequences)', () => {
  const OPS = ['dropOnSticky', 'dropAnywhere', 'dropInFrame', 'dropOnOwnSpot', 'split', 'suggest', 'merge', 'tidy'] as const;

  for (const seed of [1, 7, 42, 2026, 31337]) {
    it(`seed ${seed}: 150 random operations on a 40-idea wall`, () => {
      const random = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
      const doc = wallWith(40);
      const done: string[] = [];
      expect(overlapping(wallOf(doc))).toEqual([]);
      for (let step = 0; step < 150; step++) {
        const wall = wallOf(doc);
        const ids = wall.cards.map((c) => c.id);
        const id = pick(ids);
        const op = pick(OPS);
        const jitter = (): Position => ({ x: Math.round((random() - 0.5) * 120), y: Math.round((random() - 0.5) * 80) });
        switch (op) {
          case 'dropOnSticky': {
            const target = wall.positions.get(pick(ids.filter((x) => x !== id)))!;
            const j = jitter();
            dropSticky(doc, wall, id, { x: target.x + j.x / 3, y: target.y + j.y / 3 });
            break;
          }
          case 'dropAnywhere':
            dropSticky(doc, wall, id, { x: Math.round(random() * 2400 - 200), y: Math.round(random() * 1600 - 200) });
            break;
          case 'dropInFrame': {
            if (wall.placed.length === 0) continue;
            const { box } = pick(wall.placed);
            dropSticky(doc, wall, id, { x: Math.round(box.x + random() * box.width - STICKY.width / 2), y: Math.round(box.y + random() * box.height - STICKY.height / 2) });
            break;
          }
          case 'dropOnOwnSpot': {
            const p = wall.positions.get(id)!;
            const j = jitter();
            dropSticky(doc, wall, id, { x: p.x + j.x, y: p.y + j.y });
            break;
          }
          case 'split': {
            const withIdeas = wall.placed.filter((p) => p.cluster.ideaIds.length > 1);
            if (withIdeas.length === 0) continue;
            const c = pick(withIdeas).cluster;
            clusterIdeas(doc, wall, [{ ideaIds: c.ideaIds.filter(() => random() < 0.5) }]);
            break;
          }
          case 'suggest': {
            const grouped = new Set(wall.placed.flatMap((p) => p.cluster.ideaIds));
            const loose = ids.filter((x) => !grouped.has(x) && random() < 0.4);
            const half = Math.ceil(loose.length / 2);
            clusterIdeas(doc, wall, [{ ideaIds: loose.slice(0, half) }, { ideaIds: loose.slice(half) }]);
            break;
          }
          case 'merge': {
            if (wall.placed.length < 2) continue;
            const into = pick(wall.placed).cluster.id;
            const from = pick(wall.placed.filter((p) => p.cluster.id !== into)).cluster.id;
            mergeInto(doc, wall, into, from);
            break;
          }
          case 'tidy':
            tidyWall(doc, wall);
            break;
        }
        done.push(`${op}(${id})`);
        const clash = overlapping(wallOf(doc));
        if (clash.length > 0) throw new Error(`seed ${seed}, step ${step}: ${clash.join(', ')} after ${done.slice(-5).join(' → ')}`);
      }
      // The sequence did cluster things: the property was tested on a clustered wall.
      expect(readClusters(doc).length).toBeGreaterThan(0);
    });
  }

  it('Ranger leaves every cluster a compact block whose frame covers no other sticky', () => {
    const random = rng(99);
    const doc = wallWith(60);
    let wall = wallOf(doc);
    for (let k = 0; k < 8; k++) {
      const ids = wall.cards.map((c) => c.id).filter(() => random() < 0.12);
      clusterIdeas(doc, wall, [{ ideaIds: ids.filter((id) => !wall.placed.some((p) => p.cluster.ideaIds.includes(id))) }]);
      wall = wallOf(doc);
    }
    for (let k = 0; k < 20; k++) dropSticky(doc, wallOf(doc), `i${k}`, { x: Math.round(random() * 1500), y: Math.round(random() * 900) });
    tidyWall(doc, wallOf(doc));
    wall = wallOf(doc);
    expect(overlapping(wall)).toEqual([]);
    for (const { cluster, box } of wall.placed) {
      for (const [id, p] of wall.positions) {
        if (cluster.ideaIds.includes(id)) continue;
        const inside = p.x < box.x + box.width && p.x + STICKY.width > box.x && p.y < box.y + box.height && p.y + STICKY.height > box.y;
        expect(inside, `${id} under the frame of ${cluster.title}`).toBe(false);
      }
    }
  });
});
