import type { ReactNode } from 'react';
import { Group } from 'react-konva';

/** The node attributes that place a shape: its id (so the editor can find it) and transform. */
export interface NodeTransform {
  id: string;
  x: number;
  y: number;
  rotation: number;
  scaleX: number;
  scaleY: number;
}

/**
 * A body that carries the transform itself when it stands alone, or a transformed group when a
 * label goes with it: one Konva node per unlabelled shape is what keeps 5,000 of them cheap to build.
 */
export function Placed({ t, body, label }: { t: NodeTransform; body: (t: NodeTransform | null) => ReactNode; label: ReactNode | null }) {
  if (!label) return <>{body(t)}</>;
  return (
    <Group {...t}>
      {body(null)}
      {label}
    </Group>
  );
}
