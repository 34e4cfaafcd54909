import { Line } from 'react-konva';
import type { PenShape } from '@semis/shared/posters';
import type { NodeTransform } from './Placed';

export function PenNode({ shape, t }: { shape: PenShape; t: NodeTransform }) {
  return <Line {...t} points={shape.points} stroke={shape.color} strokeWidth={shape.width} lineCap="round" lineJoin="round" tension={0.3} listening={false} perfectDrawEnabled={false} />;
}
