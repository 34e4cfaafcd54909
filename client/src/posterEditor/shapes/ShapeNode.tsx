import { memo } from 'react';
import type { Shape } from '@semis/shared/posters';
import { SymbolNode } from './SymbolNode';
import { LineNode } from './LineNode';
import { AreaNode } from './AreaNode';
import { NetworkNode } from './NetworkNode';
import { PenNode } from './PenNode';
import { TextNode } from './TextNode';
import { PostitNode } from './PostitNode';
import type { NodeTransform } from './Placed';

/**
 * One poster element. Memoised on the shape object: the document hands out a new object only
 * for shapes that changed, so an edit re-renders one node, not five thousand.
 */
export const ShapeNode = memo(function ShapeNode({ shape }: { shape: Shape }) {
  const t: NodeTransform = { id: shape.id, x: shape.x, y: shape.y, rotation: shape.rotation, scaleX: shape.scaleX, scaleY: shape.scaleY };
  switch (shape.type) {
    case 'symbol':
      return <SymbolNode shape={shape} t={t} />;
    case 'line':
      return <LineNode shape={shape} t={t} />;
    case 'area':
      return <AreaNode shape={shape} t={t} />;
    case 'network':
      return <NetworkNode shape={shape} t={t} />;
    case 'pen':
      return <PenNode shape={shape} t={t} />;
    case 'text':
      return <TextNode shape={shape} t={t} />;
    case 'postit':
      return <PostitNode shape={shape} t={t} />;
  }
});
