import Konva from 'konva';

/** Largest side of the pan/zoom bitmap, in device pixels (memory stays ~64 MB at worst). */
const MAX_BITMAP = 4096;
/** Text smaller than this on screen is hidden: unreadable, and the costliest thing to draw. */
const MIN_TEXT_PX = 4;
/** Wheel and pinch have no "end" event: a silence this long ends them. */
const AUTO_END_MS = 180;
/** Content changes are re-rendered into the bitmap once things are quiet this long. */
const REFRESH_MS = 400;

export interface WorldRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GestureCacheOptions {
  stage: Konva.Stage;
  /** The layer holding the (many) static shapes. */
  shapes: Konva.Layer;
  /** An empty layer: it gets one image, shown instead of `shapes` while a gesture runs. */
  bitmap: Konva.Layer;
  /** World bounds of everything drawn, from the document (cheaper than asking Konva). */
  contentBounds: () => WorldRect | null;
  /** Before the vectors are redrawn at the end of a gesture: cull, level of detail… */
  beforeSettle?: () => void;
}

/**
 * What keeps a canvas of thousands of shapes fluid (measured on these machines with the
 * 5,000-object poster and the 2,000-sticky wall): during a pan or zoom the shapes layer is
 * hidden and a bitmap of it (rendered while idle) is moved instead; when the gesture ends the
 * vectors are redrawn crisply once. Shared by the poster editor and the wall.
 */
export class GestureCache {
  private readonly image: Konva.Image;
  private stale = true;
  private gesture = false;
  private endTimer: number | null = null;
  private refreshTimer: number | null = null;
  private readonly opts: GestureCacheOptions;

  constructor(opts: GestureCacheOptions) {
    this.opts = opts;
    this.image = new Konva.Image({ image: undefined, listening: false, perfectDrawEnabled: false });
    opts.bitmap.add(this.image);
    opts.bitmap.listening(false);
    opts.bitmap.visible(false);
  }

  get active(): boolean {
    return this.gesture;
  }

  /** A gesture frame. `autoEnd`: the gesture has no end event of its own (wheel, pinch). */
  begin(autoEnd = true): void {
    if (!this.gesture) {
      this.gesture = true;
      if (this.stale) this.renderBitmap();
      if (this.image.image()) {
        this.opts.shapes.visible(false);
        this.opts.bitmap.visible(true);
      }
    }
    if (this.endTimer !== null) window.clearTimeout(this.endTimer);
    this.endTimer = autoEnd ? window.setTimeout(() => this.end(), AUTO_END_MS) : null;
  }

  /** Call when a gesture ends for sure (pointer up): redraws crisply now. */
  end(): void {
    if (this.endTimer !== null) window.clearTimeout(this.endTimer);
    this.endTimer = null;
    if (this.gesture) this.settle();
  }

  /** Shows the vectors for the current view (after a gesture, or a view set from outside). */
  settle(): void {
    this.gesture = false;
    this.opts.bitmap.visible(false);
    this.opts.shapes.visible(true);
    this.opts.beforeSettle?.();
    this.opts.stage.batchDraw();
  }

  /** The content changed: the bitmap will be re-rendered when things are quiet. */
  invalidate(): void {
    this.stale = true;
    if (this.refreshTimer !== null) window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => {
      this.refreshTimer = null;
      if (!this.gesture) this.renderBitmap();
    }, REFRESH_MS);
  }

  destroy(): void {
    if (this.endTimer !== null) window.clearTimeout(this.endTimer);
    if (this.refreshTimer !== null) window.clearTimeout(this.refreshTimer);
    this.image.destroy();
  }

  /** Draws the shapes layer once into an offscreen canvas covering all the content. Culled
   * nodes are shown for it, so a pan reveals them; the level of detail stays that of now. */
  renderBitmap(): void {
    const bounds = this.opts.contentBounds();
    const s = this.opts.stage;
    this.stale = false;
    if (!bounds || bounds.width <= 0 || bounds.height <= 0) {
      this.image.image(undefined);
      return;
    }
    const pad = 20;
    const b = { x: bounds.x - pad, y: bounds.y - pad, width: bounds.width + 2 * pad, height: bounds.height + 2 * pad };
    const k = s.scaleX();
    const dpr = window.devicePixelRatio || 1;
    // World units → device pixels: as sharp as the screen now, capped by MAX_BITMAP.
    const density = Math.min(k * dpr * 1.5, MAX_BITMAP / b.width, MAX_BITMAP / b.height);
    const layer = this.opts.shapes;
    const wasVisible = layer.visible();
    layer.visible(true);
    const culled = layer.find('.culled');
    for (const n of culled) n.visible(true);
    const canvas = layer.toCanvas({
      x: b.x * k + s.x(),
      y: b.y * k + s.y(),
      width: b.width * k,
      height: b.height * k,
      pixelRatio: density / k,
    });
    for (const n of culled) n.visible(false);
    layer.visible(wasVisible);
    this.image.setAttrs({ image: canvas, x: b.x, y: b.y, width: b.width, height: b.height });
  }
}

/** Level of detail: hides every text named "label" under `layer` too small to read at the
 * stage's scale. */
export function hideTinyText(layer: Konva.Container, scale: number): void {
  for (const node of layer.find('.label')) {
    const size = (node as Konva.Text).fontSize() * scale * Math.abs(node.getParent()?.scaleX() ?? 1);
    node.visible(size >= MIN_TEXT_PX);
  }
}

/** The world rectangle the stage shows, grown by `margin` screen pixels on each side. */
export function visibleWorld(stage: Konva.Stage, margin = 0): WorldRect {
  const k = stage.scaleX();
  return { x: (-stage.x() - margin) / k, y: (-stage.y() - margin) / k, width: (stage.width() + 2 * margin) / k, height: (stage.height() + 2 * margin) / k };
}
