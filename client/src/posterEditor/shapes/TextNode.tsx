import { Text } from 'react-konva';
import type { TextShape } from '@semis/shared/posters';
import type { NodeTransform } from './Placed';

export function TextNode({ shape, t }: { shape: TextShape; t: NodeTransform }) {
  return <Text {...t} name="label" text={shape.text} fontSize={shape.fontSize} fontFamily="system-ui, sans-serif" fill={shape.color} listening={false} perfectDrawEnabled={false} />;
}
