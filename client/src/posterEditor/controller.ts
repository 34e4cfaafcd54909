import Konva from 'konva';
import { hitTest, rectFromCorners, shapesInRect, simplify, snap, type Pt, type Shape, type ShapeInput } from '@semis/shared/posters';
import { clickShape, drawMode, moved, pathShape, penShape, topZ, type Defaults, type Tool } from './model';
import type { Viewport } from './viewport';

export interface ControllerHost {
  stage: Konva.Stage;
  /** Layer of the selected shapes and the transformer. */
  ui: Konva.Layer;
  viewport: Viewport;
  tool(): Tool;
  canWrite(): boolean;
  /** Visible shapes, bottom first. */
  shapes(): readonly Shape[];
  selection(): ReadonlySet<string>;
  select(ids: readonly string[], mode?: 'replace' | 'toggle'): void;
  defaults(): Defaults;
  commit(shapes: readonly ShapeInput[]): void;
  editText(target: { shapeId: string } | { at: Pt }): void;
  cursor(world: Pt | null): void;
}

type Gesture =
  | { kind: 'none' }
  | { kind: 'pan'; last: Pt }
  | { kind: 'move'; start: Pt; origins: Map<string, Pt>; moved: boolean }
  | { kind: 'box'; start: Pt }
  | { kind: 'pen'; points: Pt[] }
  | { kind: 'pinch'; dist: number; center: Pt };

const DRAG_THRESHOLD = 4;

/**
 * Every pointer gesture on the poster, as a small state machine fed by DOM pointer events.
 * Nothing here goes through React state: previews are drawn on a Konva layer of their own and
 * the document is written once, when the gesture ends.
 */
export class PosterController {
  private gesture: Gesture = { kind: 'none' };
  /** Points of a line, area or network being drawn click by click. */
  private draft: Pt[] = [];
  private downAt: { screen: Pt; world: Pt } | null = null;
  private readonly pointers = new Map<number, Pt>();
  private readonly layer = new Konva.Layer({ listening: false });
  private readonly preview: Konva.Line = new Konva.Line({ points: [] as number[], closed: false as boolean, tension: 0, stroke: '#1f5c3a', strokeWidth: 2, dash: [6, 4], lineCap: 'round', lineJoin: 'round', perfectDrawEnabled: false });
  private readonly rubber = new Konva.Rect({ stroke: '#1f5c3a', strokeWidth: 1, dash: [4, 4], fill: 'rgba(31,92,58,0.08)', visible: false });
  spaceHeld = false;
  private readonly off: (() => void)[] = [];

  constructor(private readonly host: ControllerHost) {
    this.layer.add(this.preview, this.rubber);
    host.stage.add(this.layer);
    const el = host.stage.container();
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      el.addEventListener(type, fn as EventListener, opts);
      this.off.push(() => el.removeEventListener(type, fn as EventListener));
    };
    on('pointerdown', (e) => this.down(e));
    on('pointermove', (e) => this.move(e));
    on('pointerup', (e) => this.up(e));
    on('pointercancel', (e) => this.up(e));
    on('pointerleave', () => host.cursor(null));
    on('dblclick', (e) => this.dblclick(e));
    on('wheel', (e) => this.wheel(e), { passive: false });
    on('contextmenu', (e) => e.preventDefault());
  }

  destroy(): void {
    for (const f of this.off) f();
    this.layer.destroy();
  }

  /** Enter or double-click: ends the line/area/network being drawn. */
  finish(): void {
    const tool = this.host.tool();
    if (this.draft.length > 0 && this.host.canWrite()) {
      const shape = pathShape(tool, this.draft, topZ(this.host.shapes()), this.host.defaults());
      if (shape) this.host.commit([shape]);
    }
    this.clearDraft();
  }

  /** Escape: drops the drawing in progress, else the selection. */
  cancel(): void {
    if (this.draft.length > 0 || this.gesture.kind !== 'none') {
      this.clearDraft();
      this.gesture = { kind: 'none' };
      this.rubber.visible(false);
      this.layer.batchDraw();
    } else this.host.select([]);
  }

  get drawing(): boolean {
    return this.draft.length > 0;
  }

  private local(e: { clientX: number; clientY: number }): Pt {
    const r = this.host.stage.container().getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private tolerance(): number {
    return 6 / this.host.viewport.scale;
  }

  private onTransformer(screen: Pt): boolean {
    const hit = this.host.stage.getIntersection(screen);
    return !!hit?.findAncestor('Transformer');
  }

  private down(e: PointerEvent): void {
    const screen = this.local(e);
    this.pointers.set(e.pointerId, screen);
    if (this.pointers.size === 2) return this.startPinch();
    if (this.pointers.size > 2 || this.onTransformer(screen)) return;
    // Commit whatever field is being edited, then keep the browser from moving focus itself
    // once we have opened a text editor for a new post-it or label.
    (document.activeElement as HTMLElement | null)?.blur?.();
    e.preventDefault();
    this.host.stage.container().setPointerCapture?.(e.pointerId);
    const world = this.host.viewport.toWorld(screen);
    this.downAt = { screen, world };
    const tool = this.host.tool();
    const mode = drawMode(tool);
    if (e.button === 1 || e.button === 2 || mode === 'hand' || this.spaceHeld || (!this.host.canWrite() && mode !== 'select')) {
      this.gesture = { kind: 'pan', last: screen };
      return;
    }
    if (mode === 'select') return this.downSelect(world, e.shiftKey);
    if (!this.host.canWrite()) return;
    const d = this.host.defaults();
    const z = topZ(this.host.shapes());
    if (mode === 'point' || mode === 'postit') {
      const shape = clickShape(tool, world, z, d);
      if (!shape) return;
      this.host.commit([shape]);
      if (mode === 'postit') this.host.editText({ shapeId: shape.id });
    } else if (mode === 'text') {
      this.host.editText({ at: world });
    } else if (mode === 'pen') {
      this.gesture = { kind: 'pen', points: [world] };
      this.preview.setAttrs({ points: [world.x, world.y], stroke: d.color, strokeWidth: 3, dash: [], closed: false, tension: 0.3 });
    } else {
      this.draft.push(world);
      this.drawPreview(world);
    }
  }

  private downSelect(world: Pt, shift: boolean): void {
    const hit = hitTest(this.host.shapes(), world, this.tolerance());
    if (!hit) {
      if (!shift) this.host.select([]);
      this.gesture = { kind: 'box', start: world };
      return;
    }
    if (shift) return this.host.select([hit.id], 'toggle');
    if (!this.host.selection().has(hit.id)) this.host.select([hit.id]);
    if (this.host.canWrite()) this.gesture = { kind: 'move', start: world, origins: new Map(), moved: false };
  }

  private move(e: PointerEvent): void {
    const screen = this.local(e);
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, screen);
    const world = this.host.viewport.toWorld(screen);
    this.host.cursor(world);
    const g = this.gesture;
    switch (g.kind) {
      case 'pinch':
        return this.movePinch();
      case 'pan':
        this.host.viewport.panBy(screen.x - g.last.x, screen.y - g.last.y);
        g.last = screen;
        return;
      case 'move':
        return this.moveSelection(g, world);
      case 'box': {
        const r = rectFromCorners(g.start, world);
        this.rubber.setAttrs({ ...r, visible: true, strokeWidth: 1 / this.host.viewport.scale });
        this.syncLayer();
        return;
      }
      case 'pen':
        g.points.push(world);
        this.preview.points(g.points.flatMap((p) => [p.x, p.y]));
        this.syncLayer();
        return;
      case 'none':
        if (this.draft.length > 0) this.drawPreview(world);
    }
  }

  private moveSelection(g: Extract<Gesture, { kind: 'move' }>, world: Pt): void {
    if (!g.moved) {
      const d = this.downAt!;
      const s = this.host.viewport.toScreen(world);
      if (Math.hypot(s.x - d.screen.x, s.y - d.screen.y) < DRAG_THRESHOLD) return;
      g.moved = true;
      for (const node of this.selectedNodes()) g.origins.set(node.id(), node.position());
    }
    const { dx, dy } = this.delta(g, world);
    for (const node of this.selectedNodes()) {
      const o = g.origins.get(node.id());
      if (o) node.position({ x: o.x + dx, y: o.y + dy });
    }
    this.host.ui.batchDraw();
  }

  /** Movement snapped so that the first selected shape lands on the grid. */
  private delta(g: Extract<Gesture, { kind: 'move' }>, world: Pt): { dx: number; dy: number } {
    let dx = world.x - g.start.x;
    let dy = world.y - g.start.y;
    const first = [...g.origins.values()][0];
    if (first && this.host.defaults().snap) {
      dx = snap(first.x + dx) - first.x;
      dy = snap(first.y + dy) - first.y;
    }
    return { dx, dy };
  }

  private up(e: PointerEvent): void {
    this.pointers.delete(e.pointerId);
    const g = this.gesture;
    const world = this.host.viewport.toWorld(this.local(e));
    this.gesture = { kind: 'none' };
    switch (g.kind) {
      case 'pinch':
      case 'pan':
        this.host.viewport.end();
        break;
      case 'move': {
        if (!g.moved) break;
        const { dx, dy } = this.delta(g, world);
        const selected = this.host.shapes().filter((s) => g.origins.has(s.id));
        if (dx !== 0 || dy !== 0) this.host.commit(moved(selected, dx, dy));
        break;
      }
      case 'box': {
        this.rubber.visible(false);
        this.syncLayer();
        const r = rectFromCorners(g.start, world);
        if (r.width * this.host.viewport.scale > DRAG_THRESHOLD || r.height * this.host.viewport.scale > DRAG_THRESHOLD) {
          this.host.select(shapesInRect(this.host.shapes(), r).map((s) => s.id), e.shiftKey ? 'toggle' : 'replace');
        }
        break;
      }
      case 'pen': {
        this.preview.points([]);
        this.syncLayer();
        const shape = penShape(simplify(g.points, 1.5 / this.host.viewport.scale), topZ(this.host.shapes()), this.host.defaults());
        if (shape) this.host.commit([shape]);
        break;
      }
      case 'none':
        // A line drawn in one drag: press, move, release.
        if (this.draft.length === 1 && this.downAt && drawMode(this.host.tool()) === 'polyline') {
          const s = this.host.viewport.toScreen(world);
          if (Math.hypot(s.x - this.downAt.screen.x, s.y - this.downAt.screen.y) > 12) {
            this.draft.push(world);
            this.finish();
          }
        }
    }
  }

  private dblclick(e: MouseEvent): void {
    if (this.draft.length > 0) return this.finish();
    if (drawMode(this.host.tool()) !== 'select' || !this.host.canWrite()) return;
    const world = this.host.viewport.toWorld(this.local(e));
    const hit = hitTest(this.host.shapes(), world, this.tolerance());
    if (hit && (hit.type === 'text' || hit.type === 'postit')) this.host.editText({ shapeId: hit.id });
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    // Trackpad pinch arrives as ctrl+wheel with small deltas; a mouse notch is ~100.
    const intensity = e.ctrlKey ? 0.01 : 0.0015;
    this.host.viewport.zoomAt(this.local(e), Math.exp(-e.deltaY * intensity));
  }

  private startPinch(): void {
    this.clearDraft();
    const [a, b] = [...this.pointers.values()] as [Pt, Pt];
    this.gesture = { kind: 'pinch', dist: Math.hypot(a.x - b.x, a.y - b.y), center: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  }

  private movePinch(): void {
    const g = this.gesture;
    if (g.kind !== 'pinch' || this.pointers.size < 2) return;
    const [a, b] = [...this.pointers.values()] as [Pt, Pt];
    const dist = Math.hypot(a.x - b.x, a.y - b.y);
    const center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    this.host.viewport.zoomAt(center, dist / g.dist);
    this.host.viewport.panBy(center.x - g.center.x, center.y - g.center.y);
    this.gesture = { kind: 'pinch', dist, center };
  }

  private drawPreview(cursor: Pt): void {
    const pts = [...this.draft, cursor];
    const mode = drawMode(this.host.tool());
    this.preview.setAttrs({ points: pts.flatMap((p) => [p.x, p.y]), closed: mode === 'polygon', dash: [6, 4], stroke: '#1f5c3a', strokeWidth: 2 / this.host.viewport.scale, tension: 0 });
    this.syncLayer();
  }

  private clearDraft(): void {
    this.draft = [];
    this.preview.points([]);
    this.syncLayer();
  }

  /** The preview layer follows the stage transform (it is the stage's child). */
  private syncLayer(): void {
    this.layer.batchDraw();
  }

  private selectedNodes(): Konva.Node[] {
    const ids = this.host.selection();
    return this.host.ui.getChildren((n) => ids.has(n.id()));
  }
}
