import { Arrow, Line } from 'react-konva';
import type { LineShape } from '@semis/shared/posters';
import { symbolById } from '@semis/shared/chorems';
import { Label } from './Label';
import { Placed, type NodeTransform } from './Placed';

export function LineNode({ shape, t }: { shape: LineShape; t: NodeTransform }) {
  const sym = shape.symbol ? symbolById(shape.symbol) : undefined;
  const dash = sym?.style.dash ? [...sym.style.dash] : shape.dashed ? [12, 8] : undefined;
  const n = shape.points.length;
  const mid = { x: (shape.points[0]! + shape.points[n - 2]!) / 2, y: (shape.points[1]! + shape.points[n - 1]!) / 2 };
  const head = shape.width * 3 + 6;
  const label = shape.label.trim() ? <Label text={shape.label} x={mid.x} y={mid.y - 22} color={shape.color} /> : null;
  return (
    <Placed
      t={t}
      label={label}
      body={(own) => {
        const props = { ...own, points: shape.points, stroke: shape.color, fill: shape.color, strokeWidth: shape.width, dash, lineCap: 'round' as const, lineJoin: 'round' as const, perfectDrawEnabled: false, listening: false };
        return shape.arrow === 'none' ? <Line {...props} /> : <Arrow {...props} pointerLength={head} pointerWidth={head} pointerAtBeginning={shape.arrow === 'both'} />;
      }}
    />
  );
}
