import type { GlyphId, PatternId } from './glyphs';

/**
 * Brunet's table of elementary spatial structures (1986): 7 rows × 4 columns = 28 chorèmes,
 * the poster's symbol palette, plus the pictograms of the two lenses the table doesn't cover
 * (ressources/stocks, enjeux). Data only: the canvas, the legend and the SVG export read it.
 */
export const CHOREM_ROWS = ['maillage', 'quadrillage', 'attraction', 'contact', 'tropisme', 'dynamique', 'hierarchie'] as const;
export type ChoremRow = (typeof CHOREM_ROWS)[number];
export const CHOREM_COLUMNS = ['point', 'ligne', 'aire', 'reseau'] as const;
export type ChoremColumn = (typeof CHOREM_COLUMNS)[number];

/** The drawing tool a symbol needs, one per column of the table. */
export const SYMBOL_TOOLS = ['point', 'polyline', 'polygon', 'network'] as const;
export type SymbolTool = (typeof SYMBOL_TOOLS)[number];
export const TOOL_OF_COLUMN: Record<ChoremColumn, SymbolTool> = { point: 'point', ligne: 'polyline', aire: 'polygon', reseau: 'network' };

/** The four domaines d'appréciation: every drawn element belongs to one, shown or hidden as a layer. */
export const DOMAINS = ['organisation', 'dynamique', 'ressources', 'enjeux'] as const;
export type Domain = (typeof DOMAINS)[number];
export const DOMAIN_NAMES: Record<Domain, { fr: string; en: string }> = {
  organisation: { fr: 'Organisation', en: 'Organisation' },
  dynamique: { fr: 'Dynamique territoriale', en: 'Territorial dynamics' },
  ressources: { fr: 'Ressources / stocks', en: 'Resources / stocks' },
  enjeux: { fr: 'Points et espaces à enjeux', en: 'Points and areas at stake' },
};

export const ROW_NAMES: Record<ChoremRow, { fr: string; en: string }> = {
  maillage: { fr: 'Maillage', en: 'Meshing' },
  quadrillage: { fr: 'Quadrillage', en: 'Gridding' },
  attraction: { fr: 'Attraction', en: 'Attraction' },
  contact: { fr: 'Contact', en: 'Contact' },
  tropisme: { fr: 'Tropisme', en: 'Tropism' },
  dynamique: { fr: 'Dynamique territoriale', en: 'Territorial dynamics' },
  hierarchie: { fr: 'Hiérarchie', en: 'Hierarchy' },
};
export const COLUMN_NAMES: Record<ChoremColumn, { fr: string; en: string }> = {
  point: { fr: 'Point', en: 'Point' },
  ligne: { fr: 'Ligne', en: 'Line' },
  aire: { fr: 'Aire', en: 'Area' },
  reseau: { fr: 'Réseau', en: 'Network' },
};

export interface SymbolStyle {
  color: string;
  /** Point symbols and network nodes. */
  glyph?: GlyphId;
  /** Lines, network links and area outlines. */
  dash?: readonly number[];
  width?: number;
  arrow?: 'none' | 'end' | 'both';
  /** Areas. */
  pattern?: PatternId;
}

export interface SymbolDef {
  id: string;
  name: { fr: string; en: string };
  tool: SymbolTool;
  domain: Domain;
  style: SymbolStyle;
  /** Set for the 28 chorèmes, absent for the extra pictograms. */
  row?: ChoremRow;
  column?: ChoremColumn;
}

const ROW_STYLE: Record<ChoremRow, { color: string; domain: Domain }> = {
  maillage: { color: '#5b3a8c', domain: 'organisation' },
  quadrillage: { color: '#1f5f8b', domain: 'organisation' },
  attraction: { color: '#c0392b', domain: 'dynamique' },
  contact: { color: '#b9770e', domain: 'enjeux' },
  tropisme: { color: '#117a65', domain: 'dynamique' },
  dynamique: { color: '#d35400', domain: 'dynamique' },
  hierarchie: { color: '#34495e', domain: 'organisation' },
};

type Cell = [fr: string, en: string, style: Omit<SymbolStyle, 'color'>];
const TABLE: Record<ChoremRow, Record<ChoremColumn, Cell>> = {
  maillage: {
    point: ['Chef-lieu', 'Administrative seat', { glyph: 'square' }],
    ligne: ['Limite administrative', 'Administrative boundary', { dash: [10, 6], width: 3 }],
    aire: ['État, région…', 'State, region…', { pattern: 'solid', dash: [10, 6] }],
    reseau: ['Centres, limites et polygones', 'Centres, boundaries and polygons', { glyph: 'square', dash: [10, 6] }],
  },
  quadrillage: {
    point: ['Tête de réseau, carrefour', 'Network hub, crossroads', { glyph: 'cross' }],
    ligne: ['Voies de communication', 'Transport routes', { width: 5 }],
    aire: ['Aire de desserte (irrigation, drainage)', 'Service area (irrigation, drainage)', { pattern: 'vertical' }],
    reseau: ['Réseau', 'Network', { glyph: 'disc', width: 3 }],
  },
  attraction: {
    point: ['Points attirés, satellites', 'Attracted points, satellites', { glyph: 'satellites' }],
    ligne: ['Lignes d’isotropie, orbites', 'Isotropy lines, orbits', { dash: [2, 6], width: 3 }],
    aire: ['Aire d’attraction', 'Catchment area', { pattern: 'dots' }],
    reseau: ['Liaisons préférentielles', 'Preferential links', { glyph: 'disc', width: 4, arrow: 'end' }],
  },
  contact: {
    point: ['Point de passage', 'Crossing point', { glyph: 'gate' }],
    ligne: ['Rupture, interface', 'Break, interface', { dash: [14, 4, 2, 4], width: 4 }],
    aire: ['Aires en contact', 'Areas in contact', { pattern: 'crosshatch' }],
    reseau: ['Base, tête de pont', 'Base, bridgehead', { glyph: 'triangle', width: 3 }],
  },
  tropisme: {
    point: ['Flux directionnel', 'Directional flow', { glyph: 'arrow' }],
    ligne: ['Ligne de partage', 'Divide', { dash: [16, 6], width: 4 }],
    aire: ['Surfaces de tendance', 'Trend surfaces', { pattern: 'horizontal' }],
    reseau: ['Dissymétries', 'Asymmetries', { glyph: 'diamond', width: 3, arrow: 'end' }],
  },
  dynamique: {
    point: ['Évolutions ponctuelles', 'Local changes', { glyph: 'burst' }],
    ligne: ['Axes de propagation', 'Propagation axes', { width: 6, arrow: 'end' }],
    aire: ['Aires d’extension', 'Expansion areas', { pattern: 'hatch' }],
    reseau: ['Tissu du changement', 'Fabric of change', { glyph: 'circle', width: 2, dash: [6, 4] }],
  },
  hierarchie: {
    point: ['Semis urbain', 'Urban pattern', { glyph: 'cluster' }],
    ligne: ['Relation de dépendance, limites administratives', 'Dependency, administrative boundaries', { width: 3, arrow: 'end', dash: [8, 4] }],
    aire: ['Sous-ensemble', 'Subset', { pattern: 'solid' }],
    reseau: ['Réseau maillé', 'Meshed network', { glyph: 'hexagon', width: 2 }],
  },
};

export const CHOREMS: readonly SymbolDef[] = CHOREM_ROWS.flatMap((row) =>
  CHOREM_COLUMNS.map((column): SymbolDef => {
    const [fr, en, style] = TABLE[row][column];
    const { color, domain } = ROW_STYLE[row];
    return { id: `${row}.${column}`, name: { fr, en }, tool: TOOL_OF_COLUMN[column], domain, row, column, style: { color, ...style } };
  }),
);

/** The lenses ressources/stocks and enjeux, as the seeds name them. */
export const PICTOGRAMS: readonly SymbolDef[] = [
  { id: 'ressource.gisement', name: { fr: 'Gisement', en: 'Deposit' }, tool: 'point', domain: 'ressources', style: { color: '#7d5a2b', glyph: 'drop' } },
  { id: 'ressource.remarquable', name: { fr: 'Élément remarquable', en: 'Remarkable feature' }, tool: 'point', domain: 'ressources', style: { color: '#2e8b57', glyph: 'star' } },
  { id: 'ressource.pepite', name: { fr: '« Pépite »', en: '“Gem”' }, tool: 'point', domain: 'ressources', style: { color: '#d4a017', glyph: 'gem' } },
  { id: 'ressource.stock', name: { fr: 'Espace ressource', en: 'Resource area' }, tool: 'polygon', domain: 'ressources', style: { color: '#2e8b57', pattern: 'dots' } },
  { id: 'enjeu.point', name: { fr: 'Point à enjeux', en: 'Point at stake' }, tool: 'point', domain: 'enjeux', style: { color: '#c0392b', glyph: 'target' } },
  { id: 'enjeu.espace', name: { fr: 'Espace à enjeux', en: 'Area at stake' }, tool: 'polygon', domain: 'enjeux', style: { color: '#c0392b', pattern: 'hatch', dash: [8, 4] } },
];

export const SYMBOLS: readonly SymbolDef[] = [...CHOREMS, ...PICTOGRAMS];
const BY_ID = new Map(SYMBOLS.map((s) => [s.id, s]));
const ORDER = new Map(SYMBOLS.map((s, i) => [s.id, i]));

export function symbolById(id: string): SymbolDef | undefined {
  return BY_ID.get(id);
}

/** Palette order (table order, then pictograms), for legends. */
export function symbolOrder(id: string): number {
  return ORDER.get(id) ?? Number.MAX_SAFE_INTEGER;
}
