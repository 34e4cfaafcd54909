import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { initBoardDoc } from '@semis/shared';
import { AFOM_COLUMNS, buildLegend, posterMaps, putNote, putShapes, readNotes, readShapes, removeShapes, shapeSchema, type Shape } from '@semis/shared/posters';

const base = { z: 0, domain: 'organisation', color: '#123456', x: 0, y: 0 } as const;

describe('poster shape validation', () => {
  it('accepts every kind of shape, with defaults', () => {
    const ok = [
      { ...base, id: 's', type: 'symbol', symbol: 'maillage.point', size: 24 },
      { ...base, id: 'l', type: 'line', symbol: 'dynamique.ligne', points: [0, 0, 10, 10], arrow: 'end', width: 4 },
      { ...base, id: 'a', type: 'area', symbol: 'attraction.aire', points: [0, 0, 10, 0, 5, 5], pattern: 'dots' },
      { ...base, id: 'n', type: 'network', symbol: 'quadrillage.reseau', nodes: [{ x: 0, y: 0 }, { x: 5, y: 5 }], links: [[0, 1]] },
      { ...base, id: 'p', type: 'pen', points: [0, 0, 1, 1, 2, 3], width: 3 },
      { ...base, id: 't', type: 'text', text: 'Vallée de l’Ain', fontSize: 18 },
      { ...base, id: 'o', type: 'postit', text: '', width: 160, height: 100 },
    ];
    for (const s of ok) {
      const parsed = shapeSchema.safeParse(s);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(parsed.data).toMatchObject({ rotation: 0, scaleX: 1, scaleY: 1 });
    }
  });

  it('refuses symbols used with the wrong tool, odd point lists, dangling links, bad colours and NaN', () => {
    const bad = [
      { ...base, id: 's', type: 'symbol', symbol: 'maillage.ligne', size: 24 },
      { ...base, id: 's', type: 'symbol', symbol: 'inconnu', size: 24 },
      { ...base, id: 'l', type: 'line', symbol: null, points: [0, 0, 10], arrow: 'end', width: 4 },
      { ...base, id: 'n', type: 'network', symbol: 'quadrillage.reseau', nodes: [{ x: 0, y: 0 }], links: [[0, 3]] },
      { ...base, id: 't', type: 'text', text: 'x', fontSize: 18, color: 'red' },
      { ...base, id: 't', type: 'text', text: 'x', fontSize: 18, x: Number.NaN },
      { ...base, id: 'bad id!', type: 'text', text: 'x', fontSize: 18 },
      { ...base, id: 'o', type: 'postit', text: 'x'.repeat(281), width: 160, height: 100 },
    ];
    for (const s of bad) expect(shapeSchema.safeParse(s).success).toBe(false);
  });

  it('reads a document, skipping and reporting malformed records, ordered by z', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, 'b', 'poster');
    putShapes(doc, [
      { ...base, id: 'top', z: 5, type: 'text', text: 'haut', fontSize: 12 },
      { ...base, id: 'bottom', z: -1, type: 'text', text: 'bas', fontSize: 12 },
    ]);
    const shapes = posterMaps(doc).shapes;
    shapes.set('garbage', { type: 'symbol', x: 'nope' });
    shapes.set('mismatch', { ...base, id: 'other', z: 0, type: 'text', text: 'x', fontSize: 12 });
    const skipped: string[] = [];
    expect(readShapes(doc, (k) => skipped.push(k)).map((s) => s.id)).toEqual(['bottom', 'top']);
    expect(skipped.sort()).toEqual(['garbage', 'mismatch']);
    removeShapes(doc, ['top']);
    expect(readShapes(doc).map((s) => s.id)).toEqual(['bottom']);
  });

  it('refuses to write an invalid shape', () => {
    const doc = new Y.Doc();
    expect(() => putShapes(doc, [{ ...base, id: 'x', type: 'text', text: '', fontSize: 12 }])).toThrow();
    expect(posterMaps(doc).shapes.size).toBe(0);
  });

  it('keeps AFOM notes in their quadrants, skipping notes of unknown columns', () => {
    const doc = new Y.Doc();
    putNote(doc, AFOM_COLUMNS, { id: 'b', column: 'menaces', text: 'Fermeture de la ligne TER', color: '#ffe0b2', order: 1 });
    putNote(doc, AFOM_COLUMNS, { id: 'a', column: 'atouts', text: 'Forêts', color: '#c8e6c9', order: 2, ref: { boardId: crypto.randomUUID(), shapeId: 's1' } });
    doc.getMap('notes').set('c', { id: 'c', column: 'ailleurs', text: '', color: '#ffffff', order: 0 });
    expect(readNotes(doc, AFOM_COLUMNS).map((n) => n.id)).toEqual(['a', 'b']);
  });
});

describe('legend', () => {
  const sym = (id: string, symbol: string, extra: Partial<Shape> = {}) =>
    ({ ...base, rotation: 0, scaleX: 1, scaleY: 1, id, type: 'symbol', symbol, size: 24, label: '', ...extra }) as Shape;

  it('lists only the symbols used, once each, counted, by domain in palette order', () => {
    const shapes: Shape[] = [
      sym('1', 'hierarchie.point'),
      sym('2', 'maillage.point', { label: 'Saint-Amour' }),
      sym('3', 'maillage.point', { label: 'Aromas' }),
      sym('4', 'maillage.point', { label: 'Aromas' }),
      sym('5', 'ressource.pepite', { domain: 'ressources' }),
      { ...base, rotation: 0, scaleX: 1, scaleY: 1, id: '6', type: 'line', symbol: 'dynamique.ligne', points: [0, 0, 1, 1], arrow: 'end', dashed: false, width: 4, label: '', domain: 'dynamique' },
      { ...base, rotation: 0, scaleX: 1, scaleY: 1, id: '7', type: 'text', text: 'sans symbole', fontSize: 12 },
    ];
    const legend = buildLegend(shapes);
    expect(legend.map((s) => s.domain)).toEqual(['organisation', 'dynamique', 'ressources']);
    expect(legend[0]!.entries.map((e) => [e.symbol.id, e.count])).toEqual([['maillage.point', 3], ['hierarchie.point', 1]]);
    expect(legend[0]!.entries[0]!.labels).toEqual(['Saint-Amour', 'Aromas']);
    expect(buildLegend(shapes, new Set(['dynamique'])).map((s) => s.domain)).toEqual(['dynamique']);
    expect(buildLegend([])).toEqual([]);
  });
});
