import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import { STICKY, type Position } from '@semis/shared';
import { STICKY_FONT, fitFontSize } from './fitText';

interface Props {
  id: string;
  text: string;
  author: string;
  x: number;
  y: number;
  draggable: boolean;
  /** Text drawn (zoomed in enough, near the view); otherwise a plain rectangle. */
  detail: boolean;
  onMove: (id: string, pos: Position) => Position | void;
  /** Search: a matching sticky stands out, the others fade. */
  highlight?: 'match' | 'dim' | null;
}

const PAD = 8;
const AUTHOR_SIZE = 12;
const TEXT_W = STICKY.width - 2 * PAD;
const TEXT_H = STICKY.height - 2 * PAD - AUTHOR_SIZE - 4;

/** One idea on the wall. Position is committed only on drag end: a write per frame would flood
 * every open wall (and the server's update log) with intermediate positions. */
export const Sticky = memo(function Sticky({ id, text, author, x, y, draggable, detail, onMove, highlight = null }: Props) {
  return (
    <Group
      name="sticky"
      x={x}
      y={y}
      opacity={highlight === 'dim' ? 0.3 : 1}
      draggable={draggable}
      onDragStart={(e: Konva.KonvaEventObject<DragEvent>) => e.target.moveToTop()}
      onDragEnd={(e: Konva.KonvaEventObject<DragEvent>) => {
        const final = onMove(id, { x: Math.round(e.target.x()), y: Math.round(e.target.y()) });
        // Placed elsewhere than dropped: move the node now, as React won't when the new position
        // equals the props it last rendered (the sticky's position before the drag).
        if (final) e.target.position(final);
      }}
      onMouseEnter={(e) => {
        const c = e.target.getStage()?.container();
        if (c && draggable) c.style.cursor = 'grab';
      }}
      onMouseLeave={(e) => {
        const c = e.target.getStage()?.container();
        if (c) c.style.cursor = '';
      }}
    >
      <Rect
        name="sticky-bg"
        width={STICKY.width}
        height={STICKY.height}
        fill="#fff3a3"
        stroke={highlight === 'match' ? '#c2410c' : '#e0c94f'}
        strokeWidth={highlight === 'match' ? 6 : 1}
        cornerRadius={4}
        shadowColor="#000"
        shadowOpacity={0.15}
        shadowBlur={6}
        shadowOffsetY={2}
        shadowForStrokeEnabled={false}
        perfectDrawEnabled={false}
      />
      {detail && <StickyText text={text} author={author} />}
    </Group>
  );
});

function StickyText({ text, author }: { text: string; author: string }) {
  const fontSize = fitFontSize(text, TEXT_W, TEXT_H);
  return (
    <>
      <Text
        name="label"
        x={PAD}
        y={PAD}
        width={TEXT_W}
        height={TEXT_H}
        text={text}
        fontSize={fontSize}
        lineHeight={STICKY_FONT.lineHeight}
        fontFamily={STICKY_FONT.family}
        fill="#1d1d1b"
        wrap="word"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
      <Text
        name="label"
        x={PAD}
        y={STICKY.height - PAD - AUTHOR_SIZE}
        width={STICKY.width - 2 * PAD}
        text={author}
        fontSize={AUTHOR_SIZE}
        fontFamily="system-ui, sans-serif"
        fill="#6b5d10"
        align="right"
        wrap="none"
        ellipsis
        listening={false}
        perfectDrawEnabled={false}
      />
    </>
  );
}
