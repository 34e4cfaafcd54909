import { memo } from 'react';
import { Group, Layer, Path, Rect, Text } from 'react-konva';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  cursor: { x: number; y: number } | null;
  selection: readonly string[];
}

/** Other group members' pointers, named. Redraws only this small layer when they move. */
export const PresenceLayer = memo(function PresenceLayer({ peers }: { peers: readonly Peer[] }) {
  return (
    <Layer listening={false}>
      {peers.map((p) =>
        p.cursor ? (
          <Group key={p.clientId} x={p.cursor.x} y={p.cursor.y} name="peer-cursor">
            <Path data="M 0 0 L 0 16 L 4.5 12 L 8 19 L 10.5 18 L 7 11 L 12 11 Z" fill={p.color} stroke="#ffffff" strokeWidth={1} />
            <Rect x={12} y={14} width={p.name.length * 7 + 10} height={18} fill={p.color} cornerRadius={4} />
            <Text x={17} y={17} text={p.name} fontSize={12} fill="#ffffff" fontFamily="system-ui, sans-serif" />
          </Group>
        ) : null,
      )}
    </Layer>
  );
});
