import type { PlaneMap } from './plane.js';

/** Arrows ready to draw, and how their lengths relate to the vectors. */
export interface ArrowSegments {
  /** One arrow per kept point: x0, y0, x1, y1 (tail at the point), in plane units. */
  readonly segments: Float32Array;
  /** Plane units of arrow per unit of vector (the same for every arrow that is not capped). */
  readonly scale: number;
  /** How many arrows were shortened to `maxLength` (their vector beyond the reference quantile's length). */
  readonly capped: number;
}

/** Options of {@link arrowSegments}. */
export interface ArrowSegmentOptions {
  /** The reference quantile of the vectors' lengths, drawn `maxLength` long (default 0.9). */
  readonly quantile?: number;
  /** Keep at most this many arrows, evenly spaced through the points (default: all). */
  readonly maxArrows?: number;
}

/**
 * Turns per-sample vectors into arrows of a readable length: one common scale
 * that draws the 90th-percentile vector `maxLength` long, so lengths stay
 * comparable between arrows, while the few longer ones are capped at
 * `maxLength` (direction kept) instead of crossing the whole plot. Zero and
 * non-finite vectors give no arrow.
 *
 * @param positions - the samples, x, y each.
 * @param vectors - one vector per sample, x, y each (for GAN Lab's generator-gradient arrows, −∂L_G/∂G(z): where each sample is pushed).
 * @param maxLength - the reference (and longest) arrow's length, in plane units.
 * @param options - the reference quantile and a cap on the number of arrows.
 * @returns the segments, the scale and how many were capped.
 * @throws if positions and vectors differ in length.
 *
 * @example
 * ```ts
 * const { segments } = arrowSegments(fake, negGrad, 0.1 * (extent.x1 - extent.x0));
 * ```
 */
export function arrowSegments(positions: ArrayLike<number>, vectors: ArrayLike<number>, maxLength: number, options: ArrowSegmentOptions = {}): ArrowSegments {
  if (positions.length !== vectors.length) throw new RangeError(`arrowSegments: ${positions.length / 2} positions but ${vectors.length / 2} vectors`);
  const { quantile = 0.9, maxArrows = Infinity } = options;
  const count = Math.floor(positions.length / 2);
  const stride = Math.max(1, count / Math.max(1, maxArrows));
  const kept: number[] = [];
  for (let k = 0; k * stride < count && kept.length < maxArrows; k++) kept.push(Math.floor(k * stride));
  const norms = kept.map((i) => Math.hypot(vectors[2 * i]!, vectors[2 * i + 1]!));
  const usable = norms.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (usable.length === 0) return { segments: new Float32Array(0), scale: 0, capped: 0 };
  const ref = usable[Math.min(usable.length - 1, Math.round(quantile * (usable.length - 1)))]!;
  const scale = maxLength / ref;
  const out: number[] = [];
  let capped = 0;
  kept.forEach((i, k) => {
    const norm = norms[k]!;
    const x = positions[2 * i]!;
    const y = positions[2 * i + 1]!;
    if (!(Number.isFinite(norm) && norm > 0) || !Number.isFinite(x) || !Number.isFinite(y)) return;
    let length = norm * scale;
    if (length > maxLength * (1 + 1e-9)) {
      length = maxLength;
      capped++;
    }
    out.push(x, y, x + (vectors[2 * i]! / norm) * length, y + (vectors[2 * i + 1]! / norm) * length);
  });
  return { segments: Float32Array.from(out), scale, capped };
}

/** Options of {@link drawGradientArrows}. */
export interface GradientArrowOptions extends ArrowSegmentOptions {
  /** The reference arrow's length in CSS pixels (default 24). */
  readonly maxPixels?: number;
  /** Stroke colour (default dark grey). */
  readonly color?: string;
}

/**
 * Draws GAN Lab's generator-gradient arrows: from each sample, an arrow along
 * its vector (pass −∂L_G/∂G(z), the direction the generator's update moves the
 * sample), scaled by {@link arrowSegments} to at most `maxPixels`, with a head.
 *
 * @param ctx - the context.
 * @param map - the plane mapping.
 * @param positions - the samples, x, y each.
 * @param vectors - one vector per sample.
 * @param options - the arrows' length in pixels, colour, reference quantile, cap on their number.
 * @returns what {@link arrowSegments} computed (the scale is in plane units per vector unit).
 *
 * @example
 * ```ts
 * drawGradientArrows(ctx, map, fake, negGrad, { maxArrows: 300 });
 * ```
 */
export function drawGradientArrows(ctx: CanvasRenderingContext2D, map: PlaneMap, positions: ArrayLike<number>, vectors: ArrayLike<number>, options: GradientArrowOptions = {}): ArrowSegments {
  const { maxPixels = 24, color = '#333333', ...rest } = options;
  const arrows = arrowSegments(positions, vectors, maxPixels / map.scale, rest);
  const { segments } = arrows;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.2;
  ctx.globalAlpha = 0.8;
  for (let i = 0; i < segments.length; i += 4) {
    const x0 = map.px(segments[i]!);
    const y0 = map.py(segments[i + 1]!);
    const x1 = map.px(segments[i + 2]!);
    const y1 = map.py(segments[i + 3]!);
    const len = Math.hypot(x1 - x0, y1 - y0);
    if (len < 0.5) continue;
    const ux = (x1 - x0) / len;
    const uy = (y1 - y0) / len;
    const head = Math.min(5, 0.4 * len);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1 - ux * head * 0.5, y1 - uy * head * 0.5);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
    ctx.lineTo(x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
  return arrows;
}
