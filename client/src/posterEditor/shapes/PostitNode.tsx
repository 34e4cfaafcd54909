import { useMemo } from 'react';
import { Shape } from 'react-konva';
import type Konva from 'konva';
import type { PostitShape } from '@semis/shared/posters';
import { wrapText } from '@semis/shared/render';
import type { NodeTransform } from './Placed';

const PAD = 8;
const FONT = 15;
const LINE = 18;
/** Under this many screen pixels text is unreadable: skip it (the costliest part to draw). */
const MIN_TEXT_PX = 4;

/**
 * A post-it as one custom Konva shape: a rectangle and pre-wrapped lines, wrapped by the same
 * rule as the SVG export. Thousands of post-its are most of a busy poster, and a Rect + a
 * wrapping Text per post-it (two nodes, a measureText per word) is what made first render slow.
 */
export function PostitNode({ shape, t }: { shape: PostitShape; t: NodeTransform }) {
  const lines = useMemo(
    () => wrapText(shape.text, Math.max(4, Math.floor((shape.width - 2 * PAD) / (FONT * 0.55))), Math.max(1, Math.floor((shape.height - 2 * PAD) / LINE))),
    [shape.text, shape.width, shape.height],
  );
  const sceneFunc = (ctx: Konva.Context, node: Konva.Shape) => {
    const c = ctx._context;
    c.beginPath();
    c.rect(0, 0, shape.width, shape.height);
    c.fillStyle = shape.color;
    c.fill();
    c.lineWidth = 1;
    c.strokeStyle = '#d8c35a';
    c.stroke();
    if (FONT * node.getAbsoluteScale().x < MIN_TEXT_PX) return;
    c.fillStyle = '#1d1d1b';
    c.font = `${FONT}px system-ui, sans-serif`;
    c.textBaseline = 'top';
    for (let i = 0; i < lines.length; i++) c.fillText(lines[i]!, PAD, PAD + i * LINE);
  };
  return <Shape {...t} width={shape.width} height={shape.height} sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />;
}
