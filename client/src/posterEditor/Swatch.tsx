import { memo } from 'react';
import type { SymbolDef } from '@semis/shared/chorems';
import { PatternDefs, swatchSvg } from '@semis/shared/render';

/** A symbol's pictogram as the export draws it (same shared renderer), as an <img>. */
export const Swatch = memo(function Swatch({ symbol }: { symbol: SymbolDef }) {
  const defs = new PatternDefs();
  const body = swatchSvg(symbol, 0, 0, defs);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="24" viewBox="0 0 40 24"><defs>${defs}</defs>${body}</svg>`;
  return <img className="swatch" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} width={40} height={24} alt="" />;
});
