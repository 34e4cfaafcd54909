import { describe, expect, it } from 'vitest';
import { plural, REPORT_WORDS } from '@semis/shared';
import { barChartSvg, ratingChartSvg } from '@semis/shared/render';
import { slug } from '../../server/src/http/exports';

const words = { desirability: 'Souhaitable', feasibility: 'Réaliste', quadrants: REPORT_WORDS.fr.quadrant };

describe('report charts', () => {
  it('draws one bar per row, escaping what people wrote', () => {
    const svg = barChartSvg([
      { label: '<script>alert(1)</script> & « circuits courts »', value: 4, note: '4 gommettes' },
      { label: 'Mobilité', value: 0, note: '0 gommette' },
    ]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg.match(/<rect /g)).toHaveLength(2);
  });

  it('fans out items with the same means instead of hiding one under the other', () => {
    const svg = ratingChartSvg([{ key: 1, desirability: 3, feasibility: 3 }, { key: 2, desirability: 3, feasibility: 3 }], words);
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(circles).toHaveLength(2);
    expect(new Set(circles).size).toBe(2);
    expect(svg).toContain('Prioritaire');
  });

  it('says 1 gommette and 2 gommettes', () => {
    expect(plural(REPORT_WORDS.fr.dots, 1)).toBe('1 gommette');
    expect(plural(REPORT_WORDS.fr.dots, 2)).toBe('2 gommettes');
    expect(plural(REPORT_WORDS.en.voters, 0)).toBe('0 voters');
  });

  it('names files in ASCII', () => {
    expect(slug('Soirée « Œuvrer » à Saint-Claude !')).toBe('soiree-uvrer-a-saint-claude');
    expect(slug('«»')).toBe('semis');
  });
});
