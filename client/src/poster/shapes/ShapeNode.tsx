import { memo } from 'react';
import { Group } from 'react-konva';
import type { Shape } from '@semis/shared';
import { SymbolNode } from './SymbolNode';
import { LineNode } from './LineNode';
import { AreaNode } from './AreaNode';
import { NetworkNode } from './NetworkNode';
import { PenNode } from './PenNode';
import { TextNode } from './TextNode';
import { PostitNode } from './PostitNode';

/**
 * One poster element: a transformed group (id = shape id, so the editor can find it) holding
 * the body of its kind. Memoised on the shape object: the document hands out a new object only
 * for shapes that changed, so an edit re-renders one node, not five thousand.
 */
export const ShapeNode = memo(function ShapeNode({ shape }: { shape: Shape }) {
  return (
    <Group id={shape.id} x={shape.x} y={shape.y} rotation={shape.rotation} scaleX={shape.scaleX} scaleY={shape.scaleY}>
      <Body shape={shape} />
    </Group>
  );
});

function Body({ shape }: { shape: Shape }) {
  switch (shape.type) {
    case 'symbol':
      return <SymbolNode shape={shape} />;
    case 'line':
      return <LineNode shape={shape} />;
    case 'area':
      return <AreaNode shape={shape} />;
    case 'network':
      return <NetworkNode shape={shape} />;
    case 'pen':
      return <PenNode shape={shape} />;
    case 'text':
      return <TextNode shape={shape} />;
    case 'postit':
      return <PostitNode shape={shape} />;
  }
}
