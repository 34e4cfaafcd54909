import { useEffect, useRef } from 'react';
import { Group } from 'react-konva';
import type Konva from 'konva';
import { ClusterFrame, frameColour } from './ClusterFrame';
import type { PlacedCluster } from './geometry';

/** The frames, as the first children of the wall's layer (so behind every sticky). It also hands
 * the Konva stage up: the HTML labels follow the stage's pan and zoom without a React render. */
export function ClusterLayer({ placed, onStage }: { placed: PlacedCluster[]; onStage: (stage: Konva.Stage | null) => void }) {
  const group = useRef<Konva.Group>(null);
  useEffect(() => {
    onStage(group.current?.getStage() ?? null);
    return () => onStage(null);
  }, [onStage]);
  return (
    <Group ref={group} listening={false}>
      {placed.map(({ cluster, box }) => (
        <ClusterFrame key={cluster.id} box={box} colour={frameColour(cluster.id)} />
      ))}
    </Group>
  );
}
