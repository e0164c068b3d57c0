import type { Extent } from '../distributions.js';
import { COLORS } from './canvas.js';
import type { Surface } from './canvas.js';

/** Maps plane coordinates to canvas pixels for a square view of `extent`. */
export interface PlaneMap {
  readonly px: (x: number) => number;
  readonly py: (y: number) => number;
  /** Pixels per plane unit. */
  readonly scale: number;
}

/**
 * The mapping from the plane to a surface, the plane's square centred in it.
 *
 * @param s - the surface.
 * @param extent - the part of the plane shown.
 * @returns the mapping.
 */
export function planeMap(s: Surface, extent: Extent): PlaneMap {
  const size = Math.min(s.width, s.height);
  const left = (s.width - size) / 2;
  const top = (s.height - size) / 2;
  const scale = size / (extent.x1 - extent.x0);
  return {
    px: (x) => left + (x - extent.x0) * scale,
    py: (y) => top + (extent.y1 - y) * scale,
    scale,
  };
}

/**
 * Draws points as small squares (fast for thousands of points).
 *
 * @param ctx - the context.
 * @param map - the plane mapping.
 * @param xy - x0, y0, x1, y1, …
 * @param color - fill colour.
 * @param size - side in CSS pixels.
 * @param alpha - opacity.
 */
export function drawPoints(ctx: CanvasRenderingContext2D, map: PlaneMap, xy: Float32Array, color: string, size: number, alpha: number): void {
  ctx.save();
  ctx.globalAlpha = alpha;
  ctx.fillStyle = color;
  const h = size / 2;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    ctx.fillRect(map.px(x) - h, map.py(y) - h, size, size);
  }
  ctx.restore();
}

/**
 * Draws the true modes: a circle of radius 3 std (the "high quality" region of
 * the mode-coverage metric, at least 4 px so it stays visible) around each centre.
 *
 * @param ctx - the context.
 * @param map - the plane mapping.
 * @param centres - the mixture's centres.
 * @param std - its std.
 * @param color - stroke colour.
 */
export function drawModes(ctx: CanvasRenderingContext2D, map: PlaneMap, centres: ReadonlyArray<readonly [number, number]>, std: number, color: string = COLORS.mode): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 2]);
  const r = Math.max(4, 3 * std * map.scale);
  for (const [x, y] of centres) {
    ctx.beginPath();
    ctx.arc(map.px(x), map.py(y), r, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * Light grid lines at integer coordinates and the axes through the origin.
 *
 * @param s - the surface.
 * @param map - the plane mapping.
 * @param extent - the plane's extent.
 */
export function drawPlaneGrid(s: Surface, map: PlaneMap, extent: Extent): void {
  const { ctx } = s;
  ctx.save();
  ctx.lineWidth = 1;
  const step = extent.x1 - extent.x0 > 8 ? 2 : extent.x1 - extent.x0 > 3 ? 1 : 0.5;
  for (let v = Math.ceil(extent.x0 / step) * step; v <= extent.x1; v += step) {
    ctx.strokeStyle = Math.abs(v) < 1e-9 ? COLORS.axis : COLORS.grid;
    ctx.beginPath();
    ctx.moveTo(Math.round(map.px(v)) + 0.5, map.py(extent.y0));
    ctx.lineTo(Math.round(map.px(v)) + 0.5, map.py(extent.y1));
    ctx.stroke();
  }
  for (let v = Math.ceil(extent.y0 / step) * step; v <= extent.y1; v += step) {
    ctx.strokeStyle = Math.abs(v) < 1e-9 ? COLORS.axis : COLORS.grid;
    ctx.beginPath();
    ctx.moveTo(map.px(extent.x0), Math.round(map.py(v)) + 0.5);
    ctx.lineTo(map.px(extent.x1), Math.round(map.py(v)) + 0.5);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * The plane point under a position on a surface, the inverse of {@link planeMap}.
 *
 * @param width - the surface's CSS width.
 * @param height - its CSS height.
 * @param extent - the part of the plane shown.
 * @param cx - CSS pixels from the surface's left edge.
 * @param cy - CSS pixels from its top edge.
 * @returns x, y in plane units (outside `extent` when the position is outside the square).
 *
 * @example
 * ```ts
 * const rect = canvas.getBoundingClientRect();
 * const [x, y] = planePoint(rect.width, rect.height, extent, e.clientX - rect.left, e.clientY - rect.top);
 * ```
 */
export function planePoint(width: number, height: number, extent: Extent, cx: number, cy: number): [number, number] {
  const size = Math.min(width, height);
  const scale = size / (extent.x1 - extent.x0);
  return [extent.x0 + (cx - (width - size) / 2) / scale, extent.y1 - (cy - (height - size) / 2) / scale];
}
