import Konva from 'konva';
import { GRID, type Pt, type Rect } from '@semis/shared/posters';

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
/** Largest side of the pan/zoom bitmap, in device pixels (memory stays ~64 MB at worst). */
const MAX_BITMAP = 4096;
/** Text smaller than this on screen is hidden: unreadable, and the costliest thing to draw. */
const MIN_TEXT_PX = 4;

export interface ViewportOptions {
  stage: Konva.Stage;
  /** The layer holding the (many) static shapes. */
  shapes: Konva.Layer;
  /** A layer with one image, shown instead of `shapes` while a gesture runs. */
  bitmap: Konva.Layer;
  /** World bounds of everything drawn, from the document (cheaper than asking Konva). */
  contentBounds: () => Rect | null;
  onChange?: () => void;
}

/**
 * Pan and zoom, applied to Konva directly (never through React state), following what was
 * measured on these machines for 5,000 objects: during a gesture the shapes layer is hidden and
 * a bitmap of it (rendered while idle) is moved instead; when the gesture ends the vectors are
 * redrawn crisply once, with text too small to read hidden.
 */
export class Viewport {
  private readonly image: Konva.Image;
  private stale = true;
  private gesture = false;
  private endTimer: number | null = null;
  private refreshTimer: number | null = null;
  private readonly opts: ViewportOptions;

  constructor(opts: ViewportOptions) {
    this.opts = opts;
    this.image = new Konva.Image({ image: undefined, listening: false, perfectDrawEnabled: false });
    opts.bitmap.add(this.image);
    opts.bitmap.listening(false);
    opts.bitmap.visible(false);
    this.updateGrid();
  }

  get scale(): number {
    return this.opts.stage.scaleX();
  }

  toWorld(screen: Pt): Pt {
    const s = this.opts.stage;
    return { x: (screen.x - s.x()) / s.scaleX(), y: (screen.y - s.y()) / s.scaleY() };
  }

  toScreen(world: Pt): Pt {
    const s = this.opts.stage;
    return { x: world.x * s.scaleX() + s.x(), y: world.y * s.scaleY() + s.y() };
  }

  panBy(dx: number, dy: number): void {
    this.begin();
    const s = this.opts.stage;
    s.position({ x: s.x() + dx, y: s.y() + dy });
    this.frame();
  }

  zoomAt(screen: Pt, factor: number): void {
    this.begin();
    const s = this.opts.stage;
    const old = s.scaleX();
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, old * factor));
    const world = this.toWorld(screen);
    s.scale({ x: next, y: next });
    s.position({ x: screen.x - world.x * next, y: screen.y - world.y * next });
    this.frame();
  }

  /** Frames the content (or the given rect) in the stage. */
  fit(rect: Rect | null = this.opts.contentBounds(), margin = 40): void {
    const s = this.opts.stage;
    if (!rect || rect.width <= 0 || rect.height <= 0) {
      s.scale({ x: 1, y: 1 });
      s.position({ x: margin, y: margin });
    } else {
      const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min(1.5, (s.width() - 2 * margin) / rect.width, (s.height() - 2 * margin) / rect.height)));
      s.scale({ x: k, y: k });
      s.position({ x: (s.width() - rect.width * k) / 2 - rect.x * k, y: (s.height() - rect.height * k) / 2 - rect.y * k });
    }
    this.settle();
  }

  /** Call when a gesture ends for sure (pointer up): redraws crisply now. */
  end(): void {
    if (this.endTimer !== null) window.clearTimeout(this.endTimer);
    this.endTimer = null;
    if (this.gesture) this.settle();
  }

  /** The content changed: the bitmap will be re-rendered when things are quiet. */
  invalidate(): void {
    this.stale = true;
    if (this.refreshTimer !== null) window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => {
      this.refreshTimer = null;
      if (!this.gesture) this.renderBitmap();
    }, 400);
  }

  destroy(): void {
    if (this.endTimer !== null) window.clearTimeout(this.endTimer);
    if (this.refreshTimer !== null) window.clearTimeout(this.refreshTimer);
  }

  private begin(): void {
    if (!this.gesture) {
      this.gesture = true;
      if (this.stale) this.renderBitmap();
      if (this.image.image()) {
        this.opts.shapes.visible(false);
        this.opts.bitmap.visible(true);
      }
    }
    // Wheel and pinch have no "end" event: a short silence ends them.
    if (this.endTimer !== null) window.clearTimeout(this.endTimer);
    this.endTimer = window.setTimeout(() => this.end(), 180);
  }

  private frame(): void {
    this.updateGrid();
    this.opts.stage.batchDraw();
    this.opts.onChange?.();
  }

  private settle(): void {
    this.gesture = false;
    this.opts.bitmap.visible(false);
    this.opts.shapes.visible(true);
    this.hideTinyText();
    this.updateGrid();
    this.opts.stage.batchDraw();
    this.opts.onChange?.();
  }

  private hideTinyText(): void {
    const k = this.scale;
    for (const node of this.opts.shapes.find('.label')) {
      const size = (node as Konva.Text).fontSize() * k * Math.abs(node.getParent()?.scaleX() ?? 1);
      node.visible(size >= MIN_TEXT_PX);
    }
  }

  /** Draws the shapes layer once into an offscreen canvas covering all the content. */
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
    const wasVisible = this.opts.shapes.visible();
    this.opts.shapes.visible(true);
    const canvas = this.opts.shapes.toCanvas({
      x: b.x * k + s.x(),
      y: b.y * k + s.y(),
      width: b.width * k,
      height: b.height * k,
      pixelRatio: density / k,
    });
    this.opts.shapes.visible(wasVisible);
    this.image.setAttrs({ image: canvas, x: b.x, y: b.y, width: b.width, height: b.height });
  }

  /** A light grid drawn by CSS behind the canvas: free, whatever the number of shapes. */
  private updateGrid(): void {
    const s = this.opts.stage;
    const el = s.container();
    const step = GRID * s.scaleX();
    if (step < 6) {
      el.style.backgroundImage = 'none';
      return;
    }
    el.style.backgroundImage = 'linear-gradient(#e6e9e4 1px, transparent 1px), linear-gradient(90deg, #e6e9e4 1px, transparent 1px)';
    el.style.backgroundSize = `${step}px ${step}px`;
    el.style.backgroundPosition = `${s.x()}px ${s.y()}px`;
  }
}
