import { memo } from 'react';
import { Rect } from 'react-konva';
import type { Box } from '@semis/shared';

export { frameColour } from '@semis/shared';

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
