import { Line } from 'react-konva';
import type { PenShape } from '@semis/shared';

export function PenNode({ shape }: { shape: PenShape }) {
  return (
    <Line
      points={shape.points}
      stroke={shape.color}
      strokeWidth={shape.width}
      lineCap="round"
      lineJoin="round"
      tension={0.3}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}
