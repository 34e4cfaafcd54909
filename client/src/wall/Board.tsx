import { useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { Layer, Stage } from 'react-konva';
import type Konva from 'konva';
import { useTranslation } from 'react-i18next';
import { STICKY, gridPosition, type IdeaCard, type Position, type Viewport } from '@semis/shared';
import { GestureCache } from '../canvas/gestureCache';
import { Sticky } from './Sticky';
import { fitToContent, useStageGestures } from './useStageGestures';
import { useElementSize } from './useElementSize';
import { applyWallView, detailArea, inArea, sameArea, wallBounds } from './wallView';
import type { WorldRect } from '../canvas/gestureCache';

interface Props {
  cards: IdeaCard[];
  positions: ReadonlyMap<string, Position>;
  editable: boolean;
  /** May answer where the sticky finally goes (e.g. tidied into a cluster). */
  onMove: (id: string, pos: Position) => Position | void;
  label: string;
  /** Imperative access for "follow me": viewports are applied to Konva, never via React state. */
  handleRef?: Ref<BoardHandle>;
  /** After a pan or zoom settles (not every frame). */
  onViewportEnd?: (v: Viewport) => void;
  /** Drawn first in the layer, so behind the stickies (cluster frames). */
  children?: ReactNode;
  /** Search: these ideas stand out and the others fade; null shows all alike. */
  highlight?: ReadonlySet<string> | null;
}

export interface BoardHandle {
  getViewport(): Viewport | null;
  setViewport(v: Viewport): void;
  /** Frames every sticky (after *Ranger*, say). */
  fit(): void;
}

/** A wheel zoom is a stream of events: it has "ended" once they pause this long. */
const SETTLE_MS = 120;

const viewportOf = (stage: Konva.Stage): Viewport => ({ x: stage.x(), y: stage.y(), scale: stage.scaleX() });

/** The canvas of a wall: fills its container; pan/zoom live in Konva, not in React. */
export function Board({ cards, positions, editable, onMove, label, handleRef, onViewportEnd, children, highlight = null }: Props) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const shapesRef = useRef<Konva.Layer>(null);
  const bitmapRef = useRef<Konva.Layer>(null);
  const cacheRef = useRef<GestureCache | null>(null);
  // Null until the first view is known: the first paint draws plain rectangles, then text
  // where the view shows it (levels of detail, wallView.ts).
  const [detail, setDetail] = useState<WorldRect | null>(null);
  const size = useElementSize(boxRef);
  const fitted = useRef(false);
  const endRef = useRef(onViewportEnd);
  endRef.current = onViewportEnd;
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const viewportChanged = () => {
    if (settle.current) clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      settle.current = null;
      if (stageRef.current) endRef.current?.(viewportOf(stageRef.current));
    }, SETTLE_MS);
  };
  useEffect(() => () => void (settle.current && clearTimeout(settle.current)), []);
  // A wheel or pinch frame: the bitmap moves, not 2,000 stickies (the draw is batched to the
  // next animation frame, so swapping layers here still comes before it).
  useStageGestures(stageRef, size.width > 0, () => {
    cacheRef.current?.begin();
    viewportChanged();
  });
  /** The view changed at once (fit, follow): cull and redraw the vectors for it. */
  const showView = () => cacheRef.current?.settle();

  useImperativeHandle(handleRef, () => ({
    getViewport: () => (stageRef.current ? viewportOf(stageRef.current) : null),
    setViewport: (v) => {
      const stage = stageRef.current;
      if (!stage) return;
      fitted.current = true; // a followed view must not be undone by the first-load framing
      stage.scale({ x: v.scale, y: v.scale });
      stage.position({ x: v.x, y: v.y });
      showView();
    },
    fit: () => fit(),
  }));

  const fit = () => {
    if (!stageRef.current) return;
    fitToContent(stageRef.current, placed.map((p) => p.pos), STICKY);
    showView();
    viewportChanged();
  };

  const placed = useMemo(
    () => cards.map((card, i) => ({ card, pos: positions.get(card.id) ?? gridPosition(i) })),
    [cards, positions],
  );
  const placedRef = useRef(placed);
  placedRef.current = placed;

  useEffect(() => {
    const stage = stageRef.current;
    const shapes = shapesRef.current;
    const bitmap = bitmapRef.current;
    if (!stage || !shapes || !bitmap) return;
    const cache = new GestureCache({
      stage,
      shapes,
      bitmap,
      contentBounds: () => wallBounds(placedRef.current.map((p) => p.pos)),
      beforeSettle: () => {
        applyWallView(stage, shapes);
        const area = detailArea(stage);
        setDetail((old) => (sameArea(old, area) ? old : area));
      },
    });
    cacheRef.current = cache;
    return () => {
      cache.destroy();
      cacheRef.current = null;
    };
  }, [size.width > 0]);

  // New or moved stickies, frames, search: cull and detail them for the view, and re-render
  // the gesture bitmap once things are quiet.
  useEffect(() => {
    const cache = cacheRef.current;
    if (!cache) return;
    if (!cache.active) cache.settle();
    cache.invalidate();
  }, [placed, highlight, children, detail]);

  // Frame the stickies once, when the first ones arrive, so a projector shows them all.
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || fitted.current || size.width === 0 || placed.length === 0) return;
    fitted.current = true;
    fitToContent(stage, placed.map((p) => p.pos), STICKY);
    showView();
  }, [placed, size.width]);

  return (
    <div className="board-wrap">
      <div className="board" ref={boxRef} role="img" aria-label={label}>
      {size.width > 0 && (
        <Stage ref={stageRef} width={size.width} height={size.height} draggable x={40} y={40}
          onDragStart={(e: Konva.KonvaEventObject<DragEvent>) => e.target === stageRef.current && cacheRef.current?.begin(false)}
          onDragEnd={(e: Konva.KonvaEventObject<DragEvent>) => {
            if (e.target !== stageRef.current) return;
            cacheRef.current?.end();
            viewportChanged();
          }}>
          <Layer ref={shapesRef}>
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
                detail={inArea(pos, detail)}
                onMove={onMove}
                highlight={highlight ? (highlight.has(card.id) ? 'match' : 'dim') : null}
              />
            ))}
          </Layer>
          <Layer ref={bitmapRef} listening={false} />
        </Stage>
      )}
      </div>
      <button
        type="button"
        className="secondary board-fit"
        onClick={fit}
      >
        {t('wall.fit')}
      </button>
    </div>
  );
}
