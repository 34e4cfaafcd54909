import { Text } from 'react-konva';

/** A chorème's label: bold, haloed so it reads over a map. Named 'label' so tiny ones can be hidden when zoomed out. */
export function Label({ text, x, y, color }: { text: string; x: number; y: number; color: string }) {
  if (!text.trim()) return null;
  return (
    <Text
      name="label"
      text={text}
      x={x - 100}
      y={y}
      width={200}
      align="center"
      fontSize={14}
      fontStyle="bold"
      fontFamily="system-ui, sans-serif"
      fill={color}
      stroke="#ffffff"
      strokeWidth={3}
      fillAfterStrokeEnabled
      listening={false}
      perfectDrawEnabled={false}
    />
  );
}
