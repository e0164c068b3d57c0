import type { Extent } from '../distributions.js';
import type { PlaneMap } from './plane.js';

/** Points that fall outside the shown square, pinned to its border. */
export interface OffPlot {
  /** How many finite points lie outside the extent. */
  readonly count: number;
  /** How many points have a NaN or infinite coordinate (drawn nowhere). */
  readonly nonFinite: number;
  /**
   * One marker per off-plot point: the nearest point of the border (x, y) and
   * the unit direction (dx, dy) from there towards the point, packed as
   * x, y, dx, dy, x, y, dx, dy, …
   */
  readonly markers: Float32Array;
}

/**
 * Finds the points outside the extent and pins each to the nearest point of
 * its border (coordinates clamped), with the direction in which it lies off
 * the plot, so the views can mark them at the edge instead of losing them.
 *
 * @param xy - points x0, y0, x1, y1, …
 * @param extent - the square shown.
 * @returns the off-plot count, the non-finite count and the border markers.
 *
 * @example
 * ```ts
 * const off = offPlotPoints(new Float32Array([0, 0, 5, 0]), { x0: -1, x1: 1, y0: -1, y1: 1 });
 * // off.count === 1, off.markers = [1, 0, 1, 0]: on the right edge, pointing right
 * ```
 */
export function offPlotPoints(xy: ArrayLike<number>, extent: Extent): OffPlot {
  const { x0, x1, y0, y1 } = extent;
  const out: number[] = [];
  let nonFinite = 0;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      nonFinite++;
      continue;
    }
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) continue;
    const cx = Math.min(x1, Math.max(x0, x));
    const cy = Math.min(y1, Math.max(y0, y));
    const dx = x - cx;
    const dy = y - cy;
    const norm = Math.hypot(dx, dy);
    out.push(cx, cy, dx / norm, dy / norm);
  }
  return { count: out.length / 4, nonFinite, markers: Float32Array.from(out) };
}

/**
 * "1 sample off the plot", "250 samples off the plot, 3 non-finite", or
 * undefined when every sample is on the plot.
 *
 * @param off - what {@link offPlotPoints} found.
 * @returns the caption, or undefined.
 *
 * @example
 * ```ts
 * offPlotCaption({ count: 2, nonFinite: 0, markers }); // '2 samples off the plot'
 * ```
 */
export function offPlotCaption(off: Pick<OffPlot, 'count' | 'nonFinite'>): string | undefined {
  const parts: string[] = [];
  if (off.count > 0) parts.push(`${off.count.toLocaleString('en-US')} sample${off.count === 1 ? '' : 's'} off the plot`);
  if (off.nonFinite > 0) parts.push(`${off.nonFinite.toLocaleString('en-US')} non-finite`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * Marks off-plot points at the border: a small triangle pointing out of the
 * plot at each marker, and the caption at the bottom left of the square.
 *
 * @param ctx - the context.
 * @param map - the plane mapping.
 * @param extent - the square shown.
 * @param off - what {@link offPlotPoints} found.
 * @param color - the triangles' colour (the samples').
 */
export function drawOffPlot(ctx: CanvasRenderingContext2D, map: PlaneMap, extent: Extent, off: OffPlot, color: string): void {
  const caption = offPlotCaption(off);
  if (caption === undefined) return;
  ctx.save();
  ctx.fillStyle = color;
  ctx.globalAlpha = 0.8;
  const { markers } = off;
  for (let i = 0; i < markers.length; i += 4) {
    // Tip on the border, base 7 px inside, pointing where the point lies.
    const x = map.px(markers[i]!);
    const y = map.py(markers[i + 1]!);
    const dx = markers[i + 2]!;
    const dy = -markers[i + 3]!; // canvas y runs down
    const bx = x - 7 * dx;
    const by = y - 7 * dy;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(bx - 3.5 * dy, by + 3.5 * dx);
    ctx.lineTo(bx + 3.5 * dy, by - 3.5 * dx);
    ctx.closePath();
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  const left = map.px(extent.x0) + 6;
  const bottom = map.py(extent.y0) - 4;
  const w = ctx.measureText(caption).width;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(left - 3, bottom - 15, w + 6, 17);
  ctx.fillStyle = color;
  ctx.fillText(caption, left, bottom);
  ctx.restore();
}
