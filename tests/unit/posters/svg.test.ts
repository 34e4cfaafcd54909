import { describe, expect, it } from 'vitest';
import type { Shape } from '@semis/shared/posters';
import { symbolById } from '@semis/shared/chorems';
import { renderNotesSvg, renderPosterSvg } from '@semis/shared/render';

const base = { z: 0, domain: 'organisation', color: '#5b3a8c', rotation: 0, scaleX: 1, scaleY: 1 } as const;
const shapes: Shape[] = [
  { ...base, id: 'a', type: 'symbol', symbol: 'maillage.point', x: 100, y: 100, size: 30, label: 'Lons <le> & Saunier' },
  { ...base, id: 'b', type: 'line', symbol: 'dynamique.ligne', x: 0, y: 0, points: [0, 0, 200, 50], arrow: 'end', dashed: false, width: 6, label: '', domain: 'dynamique', color: '#d35400' },
  { ...base, id: 'c', type: 'area', symbol: 'attraction.aire', x: 300, y: 0, points: [0, 0, 100, 0, 50, 80], pattern: 'dots', label: '', domain: 'dynamique' },
  { ...base, id: 'd', type: 'postit', x: 0, y: 300, width: 160, height: 100, text: 'Une gare à rouvrir', color: '#fff3a3' },
];

describe('SVG export', () => {
  it('draws every shape and a legend of the symbols used, escaping text', () => {
    const svg = renderPosterSvg({ title: 'Groupe 1 — Mobilité', shapes });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const id of ['a', 'b', 'c', 'd']) expect(svg).toContain(`data-id="${id}"`);
    expect(svg).toContain('Lons &lt;le&gt; &amp; Saunier');
    expect(svg).toContain('Légende');
    for (const id of ['maillage.point', 'dynamique.ligne', 'attraction.aire']) expect(svg).toContain(symbolById(id)!.name.fr.replace('’', '’'));
    expect(svg).not.toContain(symbolById('hierarchie.point')!.name.fr);
    expect(svg).toContain('<pattern id="p-dots-5b3a8c"');
    // Wrapped into lines inside the post-it.
    expect(svg).toMatch(/<tspan[^>]*>Une gare à<\/tspan><tspan[^>]*>rouvrir<\/tspan>/);
  });

  it('leaves hidden domains out of the drawing and the legend', () => {
    const svg = renderPosterSvg({ title: 't', shapes, hidden: new Set(['dynamique']) });
    expect(svg).not.toContain('data-id="b"');
    expect(svg).not.toContain(symbolById('dynamique.ligne')!.name.fr);
    expect(svg).toContain('data-id="a"');
  });

  it('embeds the background map it is given', () => {
    const svg = renderPosterSvg({ title: 't', shapes: [], background: { href: 'data:image/png;base64,AAAA', width: 1200, height: 800 } });
    expect(svg).toContain('<image href="data:image/png;base64,AAAA" x="0" y="0" width="1200" height="800"');
  });

  it('draws a notes board with its columns and post-its', () => {
    const svg = renderNotesSvg({
      title: 'AFOM',
      columns: [{ id: 'atouts', label: 'Atouts', color: '#c8e6c9' }, { id: 'menaces', label: 'Menaces', color: '#ffe0b2' }],
      notes: [{ id: 'n', column: 'atouts', text: 'Des forêts & des rivières', color: '#c8e6c9', order: 0, ref: null }],
      layout: 'quadrants',
    });
    expect(svg).toContain('Atouts');
    expect(svg).toContain('Menaces');
    expect(svg).toMatch(/>Des forêts &amp; des<\/tspan><tspan[^>]*>rivières</);
  });
});
