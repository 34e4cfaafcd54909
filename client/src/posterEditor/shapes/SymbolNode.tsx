import { Path } from 'react-konva';
import type { SymbolShape } from '@semis/shared/posters';
import { GLYPHS, symbolById } from '@semis/shared/chorems';
import { Label } from './Label';
import { Placed, type NodeTransform } from './Placed';

export function SymbolNode({ shape, t }: { shape: SymbolShape; t: NodeTransform }) {
  const glyph = GLYPHS[symbolById(shape.symbol)?.style.glyph ?? 'disc'];
  const k = shape.size / 24;
  const label = shape.label.trim() ? <Label text={shape.label} x={0} y={shape.size / 2 + 4} color={shape.color} /> : null;
  return (
    <Placed
      t={t}
      label={label}
      body={(own) => (
        <Path
          {...own}
          // Outer transform then the glyph's own scale: multiply them when the path stands alone.
          scaleX={k * (own?.scaleX ?? 1)}
          scaleY={k * (own?.scaleY ?? 1)}
          data={glyph.d}
          fill={glyph.fill ? shape.color : undefined}
          stroke={glyph.fill ? '#ffffff' : shape.color}
          strokeWidth={glyph.fill ? 1 : 2.5}
          fillRule="evenodd"
          perfectDrawEnabled={false}
          listening={false}
        />
      )}
    />
  );
}
