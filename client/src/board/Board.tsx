import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Layer, Stage } from 'react-konva';
import type Konva from 'konva';
import { useTranslation } from 'react-i18next';
import { STICKY, gridPosition, type IdeaCard, type Position } from '@semis/shared';
import { Sticky } from './Sticky';
import { fitToContent, useStageGestures } from './useStageGestures';
import { useElementSize } from './useElementSize';

interface Props {
  cards: IdeaCard[];
  positions: ReadonlyMap<string, Position>;
  editable: boolean;
  /** May answer where the sticky finally goes (e.g. tidied into a cluster). */
  onMove: (id: string, pos: Position) => Position | void;
  label: string;
  /** Drawn first in the layer, so behind the stickies (cluster frames). */
  children?: ReactNode;
}

/** The canvas of a wall: fills its container; pan/zoom live in Konva, not in React. */
export function Board({ cards, positions, editable, onMove, label, children }: Props) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const size = useElementSize(boxRef);
  const fitted = useRef(false);
  useStageGestures(stageRef, size.width > 0);

  const placed = useMemo(
    () => cards.map((card, i) => ({ card, pos: positions.get(card.id) ?? gridPosition(i) })),
    [cards, positions],
  );

  // Frame the stickies once, when the first ones arrive, so a projector shows them all.
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || fitted.current || size.width === 0 || placed.length === 0) return;
    fitted.current = true;
    fitToContent(stage, placed.map((p) => p.pos), STICKY);
  }, [placed, size.width]);

  return (
    <div className="board-wrap">
      <div className="board" ref={boxRef} role="img" aria-label={label}>
      {size.width > 0 && (
        <Stage ref={stageRef} width={size.width} height={size.height} draggable x={40} y={40}>
          <Layer>
            {children}
            {placed.map(({ card, pos }) => (
              <Sticky
                key={card.id}
                id={card.id}
                text={card.text}
                author={card.author}
                x={pos.x}
                y={pos.y}
                draggable={editable}
                onMove={onMove}
              />
            ))}
          </Layer>
        </Stage>
      )}
      </div>
      <button
        type="button"
        className="secondary board-fit"
        onClick={() => stageRef.current && fitToContent(stageRef.current, placed.map((p) => p.pos), STICKY)}
      >
        {t('wall.fit')}
      </button>
    </div>
  );
}
