import { Text } from 'react-konva';
import type { TextShape } from '@semis/shared';

export function TextNode({ shape }: { shape: TextShape }) {
  return (
    <Text
      name="label"
      text={shape.text}
      fontSize={shape.fontSize}
      fontFamily="system-ui, sans-serif"
      fill={shape.color}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}
