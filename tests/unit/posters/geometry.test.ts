import { describe, expect, it } from 'vitest';
import { applyTransform, arrowHead, boundsOf, distToPolyline, hitTest, invertTransform, pointInPolygon, rectFromCorners, relativePoints, shapeBounds, shapesInRect, simplify, snap, type Shape } from '@semis/shared/posters';

const base = { z: 0, domain: 'organisation', color: '#123456', rotation: 0, scaleX: 1, scaleY: 1 } as const;
const symbol = (id: string, x: number, y: number, z = 0): Shape => ({ ...base, id, z, type: 'symbol', symbol: 'maillage.point', x, y, size: 24, label: '' });

describe('geometry helpers', () => {
  it('snaps to the grid', () => {
    expect(snap(29)).toBe(20);
    expect(snap(31)).toBe(40);
    expect(snap(-11)).toBe(-20);
    expect(snap(7, 5)).toBe(5);
  });

  it('inverts its own transforms', () => {
    const t = { x: 100, y: -40, rotation: 33, scaleX: 2, scaleY: 0.5 };
    const p = { x: 12.5, y: -7 };
    const back = invertTransform(t, applyTransform(t, p));
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
    expect(applyTransform({ x: 0, y: 0, rotation: 90, scaleX: 1, scaleY: 1 }, { x: 1, y: 0 }).y).toBeCloseTo(1, 9);
  });

  it('tests points in polygons and distances to polylines', () => {
    const square = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
    expect(pointInPolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(pointInPolygon({ x: 15, y: 5 }, square)).toBe(false);
    expect(distToPolyline({ x: 5, y: 3 }, [{ x: 0, y: 0 }, { x: 10, y: 0 }])).toBeCloseTo(3);
    expect(distToPolyline({ x: -3, y: 4 }, [{ x: 0, y: 0 }, { x: 10, y: 0 }])).toBeCloseTo(5);
  });

  it('simplifies a freehand stroke but keeps its corners', () => {
    const stroke = [...Array.from({ length: 50 }, (_, i) => ({ x: i, y: (i % 2) * 0.1 })), ...Array.from({ length: 50 }, (_, i) => ({ x: 49, y: i + 1 }))];
    const simple = simplify(stroke, 1);
    expect(simple.length).toBeLessThan(6);
    expect(simple[0]).toEqual(stroke[0]);
    expect(simple.at(-1)).toEqual(stroke.at(-1));
    // The corner where the stroke turns (the last sample of the first leg) survives.
    expect(simple.some((p) => p.x === 49 && p.y < 1)).toBe(true);
  });

  it('finds the topmost shape under the pointer', () => {
    const shapes = [symbol('a', 0, 0, 1), symbol('b', 5, 5, 2)];
    expect(hitTest(shapes, { x: 4, y: 4 }, 2)?.id).toBe('b');
    expect(hitTest(shapes, { x: -10, y: -10 }, 2)?.id).toBe('a');
    expect(hitTest(shapes, { x: 100, y: 100 }, 2)).toBeNull();
  });

  it('hits lines near their stroke only, and areas inside', () => {
    const line: Shape = { ...base, id: 'l', type: 'line', symbol: null, x: 100, y: 100, points: [0, 0, 100, 0], arrow: 'end', dashed: false, width: 4, label: '' };
    const area: Shape = { ...base, id: 'r', type: 'area', symbol: null, x: 0, y: 0, points: [0, 0, 50, 0, 50, 50, 0, 50], pattern: 'hatch', label: '' };
    expect(hitTest([line], { x: 150, y: 103 }, 2)?.id).toBe('l');
    expect(hitTest([line], { x: 150, y: 120 }, 2)).toBeNull();
    expect(hitTest([area], { x: 25, y: 25 }, 0)?.id).toBe('r');
  });

  it('accounts for rotation and scale in bounds and hits', () => {
    const postit: Shape = { ...base, id: 'p', type: 'postit', x: 0, y: 0, width: 100, height: 20, text: '', rotation: 90, scaleX: 2 };
    const b = shapeBounds(postit);
    expect(b.x).toBeCloseTo(-20);
    expect(b.width).toBeCloseTo(20);
    expect(b.height).toBeCloseTo(200);
    expect(hitTest([postit], { x: -10, y: 150 }, 0)?.id).toBe('p');
    expect(hitTest([postit], { x: 50, y: 10 }, 0)).toBeNull();
  });

  it('selects shapes inside a box, or touching it', () => {
    const shapes = [symbol('in', 50, 50), symbol('edge', 100, 50), symbol('out', 300, 300)];
    const box = rectFromCorners({ x: 100, y: 100 }, { x: 0, y: 0 });
    expect(shapesInRect(shapes, box).map((s) => s.id)).toEqual(['in']);
    expect(shapesInRect(shapes, box, true).map((s) => s.id)).toEqual(['in', 'edge']);
  });

  it('makes points relative to the first one, and measures bounds', () => {
    expect(relativePoints([{ x: 10, y: 20 }, { x: 15, y: 10 }])).toEqual({ x: 10, y: 20, points: [0, 0, 5, -10] });
    expect(boundsOf([{ x: 1, y: 5 }, { x: -2, y: 3 }])).toEqual({ x: -2, y: 3, width: 3, height: 2 });
    expect(boundsOf([])).toBeNull();
  });

  it('puts arrowheads behind the tip, symmetric about the line', () => {
    const [a, b] = arrowHead({ x: 0, y: 0 }, { x: 10, y: 0 }, 4, 6);
    expect(a).toEqual({ x: 6, y: 3 });
    expect(b.x).toBeCloseTo(6);
    expect(b.y).toBeCloseTo(-3);
  });
});
