import { Arrow, Group, Line, Path } from 'react-konva';
import type { NetworkShape } from '@semis/shared/posters';
import { GLYPHS, symbolById } from '@semis/shared/chorems';
import { Label } from './Label';
import type { NodeTransform } from './Placed';

export function NetworkNode({ shape, t }: { shape: NetworkShape; t: NodeTransform }) {
  const style = symbolById(shape.symbol)?.style;
  const glyph = GLYPHS[style?.glyph ?? 'disc'];
  const width = style?.width ?? 3;
  const dash = style?.dash ? [...style.dash] : undefined;
  return (
    <Group {...t}>
      {shape.links.map(([a, b], i) => {
        const p = shape.nodes[a]!;
        const q = shape.nodes[b]!;
        const common = { points: [p.x, p.y, q.x, q.y], stroke: shape.color, fill: shape.color, strokeWidth: width, dash, listening: false, perfectDrawEnabled: false };
        return style?.arrow === 'end' ? <Arrow key={i} {...common} pointerLength={width * 3 + 4} pointerWidth={width * 3 + 4} /> : <Line key={i} {...common} />;
      })}
      {shape.nodes.map((p, i) => (
        <Path
          key={i}
          data={glyph.d}
          x={p.x}
          y={p.y}
          scaleX={16 / 24}
          scaleY={16 / 24}
          fill={glyph.fill ? shape.color : undefined}
          stroke={glyph.fill ? '#ffffff' : shape.color}
          strokeWidth={glyph.fill ? 1 : 2.5}
          listening={false}
          perfectDrawEnabled={false}
        />
      ))}
      <Label text={shape.label} x={shape.nodes[0]!.x} y={shape.nodes[0]!.y - 30} color={shape.color} />
    </Group>
  );
}
