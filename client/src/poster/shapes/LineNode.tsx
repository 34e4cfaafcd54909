import { Arrow, Line } from 'react-konva';
import { symbolById, type LineShape } from '@semis/shared';
import { Label } from './Label';

export function LineNode({ shape }: { shape: LineShape }) {
  const sym = shape.symbol ? symbolById(shape.symbol) : undefined;
  const dash = sym?.style.dash ? [...sym.style.dash] : shape.dashed ? [12, 8] : undefined;
  const props = {
    points: shape.points,
    stroke: shape.color,
    fill: shape.color,
    strokeWidth: shape.width,
    dash,
    lineCap: 'round' as const,
    lineJoin: 'round' as const,
    perfectDrawEnabled: false,
    listening: false,
  };
  const n = shape.points.length;
  const mid = { x: (shape.points[0]! + shape.points[n - 2]!) / 2, y: (shape.points[1]! + shape.points[n - 1]!) / 2 };
  const head = shape.width * 3 + 6;
  return (
    <>
      {shape.arrow === 'none' ? (
        <Line {...props} />
      ) : (
        <Arrow {...props} pointerLength={head} pointerWidth={head} pointerAtBeginning={shape.arrow === 'both'} />
      )}
      <Label text={shape.label} x={mid.x} y={mid.y - 22} color={shape.color} />
    </>
  );
}
