import { memo } from 'react';
import { Rect } from 'react-konva';
import type { Box } from './geometry';

/** Soft colours that keep the yellow stickies readable on top of them. */
const PALETTE = ['#7fb88f', '#8fb3d9', '#d9a27f', '#b79fd6', '#d6c46f', '#7fc7c0'];
/** By id, so a cluster keeps its colour when others come and go. */
export function frameColour(clusterId: string): string {
  let h = 0;
  for (const ch of clusterId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

/** A cluster's translucent frame, drawn behind the stickies. Its title is HTML (ClusterLabels),
 * so it can be read by screen readers, renamed in place and found by tests. Not listening: a
 * click on a frame pans the wall like the background does. */
export const ClusterFrame = memo(function ClusterFrame({ box, colour }: { box: Box; colour: string }) {
  return (
    <Rect
      x={box.x}
      y={box.y}
      width={box.width}
      height={box.height}
      fill={colour}
      opacity={0.28}
      stroke={colour}
      strokeWidth={3}
      cornerRadius={12}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
