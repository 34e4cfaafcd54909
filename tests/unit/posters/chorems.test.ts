import { describe, expect, it } from 'vitest';
import { CHOREMS, CHOREM_COLUMNS, CHOREM_ROWS, DOMAINS, GLYPHS, PATTERNS, PICTOGRAMS, SYMBOLS, TOOL_OF_COLUMN, symbolById } from '@semis/shared/chorems';

describe('Brunet’s chorème catalogue', () => {
  it('has the 28 cells of the 7 × 4 table, each once', () => {
    expect(CHOREMS).toHaveLength(28);
    const cells = new Set(CHOREMS.map((c) => `${c.row}/${c.column}`));
    expect(cells.size).toBe(28);
    for (const row of CHOREM_ROWS) for (const column of CHOREM_COLUMNS) expect(cells.has(`${row}/${column}`)).toBe(true);
  });

  it('names every chorème in French (the table’s words) and English', () => {
    const names = new Set(CHOREMS.map((c) => c.name.fr));
    expect(names.size).toBe(28);
    for (const expected of ['Chef-lieu', 'Limite administrative', 'Tête de réseau, carrefour', 'Aire d’attraction', 'Point de passage', 'Flux directionnel', 'Axes de propagation', 'Semis urbain', 'Réseau maillé', 'Tissu du changement']) {
      expect(names).toContain(expected);
    }
    for (const c of SYMBOLS) expect(c.name.en.length).toBeGreaterThan(2);
  });

  it('gives each column its drawing tool and each tool the style it needs', () => {
    for (const c of CHOREMS) {
      expect(c.tool).toBe(TOOL_OF_COLUMN[c.column!]);
      if (c.tool === 'point' || c.tool === 'network') expect(Object.keys(GLYPHS)).toContain(c.style.glyph);
      if (c.tool === 'polygon') expect(Object.keys(PATTERNS)).toContain(c.style.pattern);
      expect(c.style.color).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(CHOREMS.filter((c) => c.style.arrow === 'end').map((c) => c.id)).toContain('dynamique.ligne');
  });

  it('gives the point chorèmes distinct pictograms', () => {
    const glyphs = CHOREMS.filter((c) => c.tool === 'point').map((c) => c.style.glyph);
    expect(new Set(glyphs).size).toBe(glyphs.length);
  });

  it('covers the four domaines d’appréciation, ressources and enjeux by pictograms', () => {
    expect(new Set(SYMBOLS.map((s) => s.domain))).toEqual(new Set(DOMAINS));
    expect(PICTOGRAMS.map((p) => p.name.fr)).toEqual(expect.arrayContaining(['Gisement', 'Élément remarquable', '« Pépite »', 'Point à enjeux']));
  });

  it('looks symbols up by id', () => {
    expect(symbolById('maillage.point')?.name.fr).toBe('Chef-lieu');
    expect(symbolById('nope')).toBeUndefined();
    expect(new Set(SYMBOLS.map((s) => s.id)).size).toBe(SYMBOLS.length);
  });
});
