import { memo, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Image as KonvaImage, Layer, Stage, Transformer } from 'react-konva';
import type Konva from 'konva';
import { shapeBounds, unionRect, type Pt, type Rect, type Shape, type ShapeInput } from '@semis/shared/posters';
import { useElementSize } from '../wall/useElementSize';
import { ShapeNode } from './shapes/ShapeNode';
import { PosterController } from './controller';
import { Viewport } from './viewport';
import type { Defaults, Tool } from './model';
import { PresenceLayer, type Peer } from './PresenceLayer';

export interface CanvasApi {
  viewport: Viewport;
  controller: PosterController;
}

interface Props {
  /** Visible shapes, bottom first. */
  shapes: readonly Shape[];
  background: { image: HTMLImageElement; width: number; height: number } | null;
  selection: ReadonlySet<string>;
  onSelect: (ids: readonly string[], mode?: 'replace' | 'toggle') => void;
  tool: Tool;
  defaults: Defaults;
  canWrite: boolean;
  onCommit: (shapes: readonly ShapeInput[]) => void;
  onEditText: (target: { shapeId: string } | { at: Pt }) => void;
  onCursor: (world: Pt | null) => void;
  peers: readonly Peer[];
  apiRef: RefObject<CanvasApi | null>;
  label: string;
}

/**
 * The poster's Konva stage. Unselected shapes sit on a non-listening layer (no hit canvas to
 * redraw); the selection is lifted onto the interactive layer with the transformer, so moving
 * or resizing a few shapes never redraws the thousands of others.
 */
export function PosterCanvas(props: Props) {
  const { shapes, selection, canWrite, background } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const shapesRef = useRef<Konva.Layer>(null);
  const bitmapRef = useRef<Konva.Layer>(null);
  const uiRef = useRef<Konva.Layer>(null);
  const trRef = useRef<Konva.Transformer>(null);
  const size = useElementSize(boxRef);
  const [api, setApi] = useState<CanvasApi | null>(null);

  // The controller reads the latest props through this ref, never through re-creation.
  const live = useRef(props);
  live.current = props;

  const bounds = useMemo(() => contentBounds(shapes, background), [shapes, background]);
  const boundsRef = useRef(bounds);
  boundsRef.current = bounds;

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || !shapesRef.current || !bitmapRef.current || !uiRef.current) return;
    const viewport = new Viewport({ stage, shapes: shapesRef.current, bitmap: bitmapRef.current, contentBounds: () => boundsRef.current });
    const ui = uiRef.current;
    const controller = new PosterController({
      stage,
      ui,
      viewport,
      tool: () => live.current.tool,
      canWrite: () => live.current.canWrite,
      shapes: () => live.current.shapes,
      selection: () => live.current.selection,
      select: (ids, mode) => live.current.onSelect(ids, mode),
      defaults: () => live.current.defaults,
      commit: (s) => live.current.onCommit(s),
      editText: (t) => live.current.onEditText(t),
      cursor: (p) => live.current.onCursor(p),
    });
    const created = { viewport, controller };
    props.apiRef.current = created;
    setApi(created);
    return () => {
      controller.destroy();
      viewport.destroy();
      props.apiRef.current = null;
    };
    // Created once per stage; size changes only resize it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [size.width > 0]);

  // Frame an existing poster when it arrives; a poster being started keeps its view, or the
  // first symbol placed would make the view jump.
  const framed = useRef(false);
  const mountedAt = useRef(performance.now());
  useEffect(() => {
    if (!api || framed.current || !bounds) return;
    framed.current = true;
    if (performance.now() - mountedAt.current > 3000) return;
    performance.mark('poster:committed');
    api.viewport.fit(bounds);
    performance.mark('poster:drawn');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, bounds]);

  useEffect(() => api?.viewport.invalidate(), [api, shapes, background]);

  const { lower, lifted } = useMemo(() => {
    const lower: Shape[] = [];
    const lifted: Shape[] = [];
    for (const s of shapes) (selection.has(s.id) ? lifted : lower).push(s);
    return { lower, lifted };
  }, [shapes, selection]);

  useEffect(() => {
    const tr = trRef.current;
    const ui = uiRef.current;
    if (!tr || !ui) return;
    tr.nodes(canWrite ? ui.getChildren((n) => selection.has(n.id())) : []);
    tr.getLayer()?.batchDraw();
  }, [lifted, selection, canWrite]);

  // A node's own scale may include a fixed factor (a glyph's size): commit the ratio the
  // transformer applied, not the node's absolute scale.
  const startScales = useRef(new Map<string, { x: number; y: number }>());
  const onTransformStart = () => {
    startScales.current = new Map((trRef.current?.nodes() ?? []).map((n) => [n.id(), { x: n.scaleX(), y: n.scaleY() }]));
  };
  const onTransformEnd = () => {
    const tr = trRef.current;
    if (!tr) return;
    const byId = new Map(shapes.map((s) => [s.id, s]));
    const changed: Shape[] = [];
    for (const node of tr.nodes()) {
      const s = byId.get(node.id());
      const before = startScales.current.get(node.id());
      if (!s || !before) continue;
      changed.push({ ...s, x: node.x(), y: node.y(), rotation: node.rotation(), scaleX: clampScale((s.scaleX * node.scaleX()) / before.x), scaleY: clampScale((s.scaleY * node.scaleY()) / before.y) });
    }
    if (changed.length) props.onCommit(changed);
  };

  return (
    <div className="poster-canvas" ref={boxRef} role="img" aria-label={props.label} data-testid="poster-canvas">
      {size.width > 0 && (
        <Stage ref={stageRef} width={size.width} height={size.height}>
          <Layer listening={false}>
            {background && <KonvaImage image={background.image} width={background.width} height={background.height} listening={false} />}
          </Layer>
          <Layer ref={shapesRef} listening={false}>
            <ShapeList shapes={lower} />
          </Layer>
          <Layer ref={bitmapRef} listening={false} />
          <Layer ref={uiRef}>
            {lifted.map((s) => (
              <ShapeNode key={s.id} shape={s} />
            ))}
            <Transformer
              ref={trRef}
              rotateEnabled
              flipEnabled={false}
              anchorSize={10}
              borderStroke="#1f5c3a"
              anchorStroke="#1f5c3a"
              boundBoxFunc={(oldBox, box) => (Math.abs(box.width) < 8 || Math.abs(box.height) < 8 ? oldBox : box)}
              onTransformStart={onTransformStart}
              onTransformEnd={onTransformEnd}
            />
          </Layer>
          <PresenceLayer peers={props.peers} />
        </Stage>
      )}
    </div>
  );
}

/** The thousands of unselected shapes, re-rendered only when that list changes — not when the
 * cursor, peers or selection UI re-render the canvas. */
const ShapeList = memo(function ShapeList({ shapes }: { shapes: readonly Shape[] }) {
  return (
    <>
      {shapes.map((s) => (
        <ShapeNode key={s.id} shape={s} />
      ))}
    </>
  );
});

function clampScale(v: number): number {
  return Math.max(0.02, Math.min(100, Math.round(v * 1000) / 1000));
}

function contentBounds(shapes: readonly Shape[], background: Props['background']): Rect | null {
  let r: Rect | null = background ? { x: 0, y: 0, width: background.width, height: background.height } : null;
  for (const s of shapes) r = unionRect(r, shapeBounds(s));
  return r;
}
