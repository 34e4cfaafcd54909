import { Path } from 'react-konva';
import { GLYPHS, symbolById, type SymbolShape } from '@semis/shared';
import { Label } from './Label';

export function SymbolNode({ shape }: { shape: SymbolShape }) {
  const glyph = GLYPHS[symbolById(shape.symbol)?.style.glyph ?? 'disc'];
  const k = shape.size / 24;
  return (
    <>
      <Path
        data={glyph.d}
        scaleX={k}
        scaleY={k}
        fill={glyph.fill ? shape.color : undefined}
        stroke={glyph.fill ? '#ffffff' : shape.color}
        strokeWidth={glyph.fill ? 1 : 2.5}
        fillRule="evenodd"
        perfectDrawEnabled={false}
        listening={false}
      />
      <Label text={shape.label} x={0} y={shape.size / 2 + 4} color={shape.color} />
    </>
  );
}
