import { GestureCache, hideTinyText, type GestureCacheOptions } from '../canvas/gestureCache';
import { GRID, type Pt, type Rect } from '@semis/shared/posters';

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;

/** The gesture cache's canvas parts, and who to tell when the view moves. */
export interface ViewportOptions extends Omit<GestureCacheOptions, 'beforeSettle'> {
  onChange?: () => void;
}

/**
 * Pan and zoom, applied to Konva directly (never through React state): gestures move a bitmap
 * of the shapes (GestureCache); when they end the vectors are redrawn crisply once, with text
 * too small to read hidden.
 */
export class Viewport {
  private readonly cache: GestureCache;
  private readonly opts: ViewportOptions;

  constructor(opts: ViewportOptions) {
    this.opts = opts;
    this.cache = new GestureCache({ ...opts, beforeSettle: () => hideTinyText(opts.shapes, this.scale) });
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
    this.cache.end();
  }

  /** The content changed: the bitmap will be re-rendered when things are quiet. */
  invalidate(): void {
    this.cache.invalidate();
  }

  destroy(): void {
    this.cache.destroy();
  }

  private begin(): void {
    this.cache.begin();
  }

  private frame(): void {
    this.updateGrid();
    this.opts.stage.batchDraw();
    this.opts.onChange?.();
  }

  private settle(): void {
    this.updateGrid();
    this.cache.settle();
    this.opts.onChange?.();
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
