import { Line } from 'react-konva';
import type Konva from 'konva';
import type { AreaShape } from '@semis/shared/posters';
import { symbolById } from '@semis/shared/chorems';
import { patternTile } from '../patterns';
import { Label } from './Label';
import { Placed, type NodeTransform } from './Placed';

/** An area as one node drawing fill, pattern and outline itself (a Line, so its bounds come from
 * its points): no offscreen buffer for the translucency, and a third of the nodes. */
export function AreaNode({ shape, t }: { shape: AreaShape; t: NodeTransform }) {
  const sym = shape.symbol ? symbolById(shape.symbol) : undefined;
  const dash = sym?.style.dash ?? null;
  const pts = shape.points;
  const n = pts.length / 2;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i += 2) {
    cx += pts[i]! / n;
    cy += pts[i + 1]! / n;
  }
  const sceneFunc = (ctx: Konva.Context) => {
    const c = ctx._context;
    c.beginPath();
    c.moveTo(pts[0]!, pts[1]!);
    for (let i = 2; i < pts.length; i += 2) c.lineTo(pts[i]!, pts[i + 1]!);
    c.closePath();
    c.globalAlpha = 0.22;
    c.fillStyle = shape.color;
    c.fill();
    c.globalAlpha = 1;
    const tile = patternTile(shape.pattern, shape.color);
    if (tile) {
      c.fillStyle = c.createPattern(tile, 'repeat') ?? shape.color;
      c.fill();
    }
    c.setLineDash(dash ? [...dash] : []);
    c.lineWidth = 2;
    c.strokeStyle = shape.color;
    c.stroke();
    c.setLineDash([]);
  };
  const label = shape.label.trim() ? <Label text={shape.label} x={cx} y={cy - 8} color={shape.color} /> : null;
  return <Placed t={t} label={label} body={(own) => <Line {...own} points={pts} closed sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />} />;
}
