import { Line } from 'react-konva';
import { symbolById, type AreaShape } from '@semis/shared';
import { patternTile } from '../patterns';
import { Label } from './Label';

export function AreaNode({ shape }: { shape: AreaShape }) {
  const sym = shape.symbol ? symbolById(shape.symbol) : undefined;
  const tile = patternTile(shape.pattern, shape.color);
  const n = shape.points.length / 2;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < shape.points.length; i += 2) {
    cx += shape.points[i]! / n;
    cy += shape.points[i + 1]! / n;
  }
  return (
    <>
      {/* Translucent fill and outline drawn separately: with perfectDraw off, Konva skips its
          offscreen buffer, which is what makes 300 translucent areas affordable. */}
      <Line points={shape.points} closed fill={shape.color} opacity={0.22} listening={false} perfectDrawEnabled={false} />
      {tile && <Line points={shape.points} closed fillPatternImage={tile as unknown as HTMLImageElement} fillPatternRepeat="repeat" listening={false} perfectDrawEnabled={false} />}
      <Line
        points={shape.points}
        closed
        stroke={shape.color}
        strokeWidth={2}
        dash={sym?.style.dash ? [...sym.style.dash] : undefined}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Label text={shape.label} x={cx} y={cy - 8} color={shape.color} />
    </>
  );
}
