import { describe, expect, it } from 'vitest';
import { FRAME_PAD, FRAME_TITLE, STICKY } from '@semis/shared';
import { inArea, sameArea, wallBounds } from '../../client/src/wall/wallView';

describe('the wall at 2,000 stickies: what is drawn where', () => {
  it('bounds every sticky and the frame a cluster may add around it', () => {
    expect(wallBounds([])).toBeNull();
    const m = FRAME_PAD + FRAME_TITLE;
    expect(wallBounds([{ x: 0, y: 0 }, { x: 400, y: -100 }])).toEqual({ x: -m, y: -100 - m, width: 400 + STICKY.width + 2 * m, height: 100 + STICKY.height + 2 * m });
  });

  it('counts a sticky in an area when any part of it overlaps, and nowhere when zoomed out (no area)', () => {
    const area = { x: 0, y: 0, width: 1000, height: 500 };
    expect(inArea({ x: 10, y: 10 }, area)).toBe(true);
    expect(inArea({ x: -STICKY.width + 1, y: 10 }, area)).toBe(true);
    expect(inArea({ x: -STICKY.width - 1, y: 10 }, area)).toBe(false);
    expect(inArea({ x: 10, y: 501 }, area)).toBe(false);
    expect(inArea({ x: 10, y: 10 }, null)).toBe(false);
  });

  it('keeps the same detail area when the view did not move (no re-render of the stickies)', () => {
    expect(sameArea(null, null)).toBe(true);
    expect(sameArea({ x: 1, y: 2, width: 3, height: 4 }, { x: 1, y: 2, width: 3, height: 4 })).toBe(true);
    expect(sameArea({ x: 1, y: 2, width: 3, height: 4 }, null)).toBe(false);
    expect(sameArea({ x: 1, y: 2, width: 3, height: 4 }, { x: 1, y: 2, width: 3, height: 5 })).toBe(false);
  });
});
