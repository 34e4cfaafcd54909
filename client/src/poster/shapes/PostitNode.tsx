import { Rect, Text } from 'react-konva';
import type { PostitShape } from '@semis/shared';

const PAD = 8;

export function PostitNode({ shape }: { shape: PostitShape }) {
  return (
    <>
      {/* No shadow: a blurred shadow per post-it is the most expensive thing Konva can draw. */}
      <Rect width={shape.width} height={shape.height} fill={shape.color} stroke="#d8c35a" strokeWidth={1} cornerRadius={3} listening={false} perfectDrawEnabled={false} />
      <Text
        name="label"
        x={PAD}
        y={PAD}
        width={shape.width - 2 * PAD}
        height={shape.height - 2 * PAD}
        text={shape.text}
        fontSize={15}
        lineHeight={1.2}
        fontFamily="system-ui, sans-serif"
        fill="#1d1d1b"
        wrap="word"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </>
  );
}
