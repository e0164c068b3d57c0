import type { PlaygroundDistribution } from '../distributions.js';
import type { HeatScale } from '../setups.js';
import { COLORS, surface } from './canvas.js';
import { drawOffPlot, offPlotPoints } from './offPlot.js';
import { drawModes, drawPoints, planeMap } from './plane.js';

/** The range the heat map's colours span, for its legend. */
export interface HeatRange {
  readonly lo: number;
  readonly hi: number;
}

// Diverging purple (fake) → white → green (real), after ColorBrewer PRGn.
const STOPS: ReadonlyArray<readonly [number, number, number]> = [
  [118, 42, 131],
  [175, 141, 195],
  [247, 247, 247],
  [127, 191, 123],
  [27, 120, 55],
];

/**
 * The colour of a value in [0, 1] on the purple–white–green scale.
 *
 * @param t - the value (clamped).
 * @returns [r, g, b].
 */
export function heatColor(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(u));
  const f = u - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

/** CSS linear-gradient stops of the scale, for the legend. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${STOPS.map((c) => `rgb(${c.join(',')})`).join(', ')})`;

function transform(values: Float32Array, scale: HeatScale): { values: Float32Array; range: HeatRange } {
  if (scale.kind === 'sigmoid') {
    return { values: values.map((v) => 1 / (1 + Math.exp(-v))), range: { lo: 0, hi: 1 } };
  }
  if (scale.kind === 'fixed') return { values, range: { lo: scale.lo, hi: scale.hi } };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) [lo, hi] = [Number.isFinite(lo) ? lo - 1 : -1, Number.isFinite(hi) ? hi + 1 : 1];
  return { values, range: { lo, hi } };
}

let scratch: HTMLCanvasElement | undefined;

/**
 * Draws the discriminator's output over the plane (green where it says
 * "real", purple where it says "fake"), with the generated points and the
 * true modes on top; generated points off the plot are marked at its border.
 *
 * @param canvas - the target.
 * @param distribution - extent and modes.
 * @param heat - the discriminator's raw output, `resolution²` values from the top row.
 * @param resolution - cells per side.
 * @param scale - how outputs map to colours.
 * @param fake - generated points to overlay.
 * @returns the range the colours span.
 */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  distribution: PlaygroundDistribution,
  heat: Float32Array | undefined,
  resolution: number,
  scale: HeatScale,
  fake: Float32Array | undefined,
): HeatRange | undefined {
  const s = surface(canvas);
  const map = planeMap(s, distribution.extent);
  const { x0, x1, y0, y1 } = distribution.extent;
  s.ctx.fillStyle = '#f7f7f7';
  s.ctx.fillRect(0, 0, s.width, s.height);
  let range: HeatRange | undefined;
  if (heat) {
    const t = transform(heat, scale);
    range = t.range;
    scratch ??= document.createElement('canvas');
    scratch.width = resolution;
    scratch.height = resolution;
    const sctx = scratch.getContext('2d')!;
    const image = sctx.createImageData(resolution, resolution);
    const span = range.hi - range.lo;
    for (let i = 0; i < resolution * resolution; i++) {
      const [r, g, b] = heatColor((t.values[i]! - range.lo) / span);
      image.data[4 * i] = r;
      image.data[4 * i + 1] = g;
      image.data[4 * i + 2] = b;
      image.data[4 * i + 3] = 255;
    }
    sctx.putImageData(image, 0, 0);
    s.ctx.save();
    s.ctx.imageSmoothingEnabled = true;
    s.ctx.imageSmoothingQuality = 'high';
    s.ctx.drawImage(scratch, map.px(x0), map.py(y1), (x1 - x0) * map.scale, (y1 - y0) * map.scale);
    s.ctx.restore();
  }
  if (distribution.mixture) drawModes(s.ctx, map, distribution.mixture.centres, distribution.mixture.std, COLORS.text);
  if (fake) {
    drawPoints(s.ctx, map, fake, COLORS.fake, 2, 0.6);
    drawOffPlot(s.ctx, map, distribution.extent, offPlotPoints(fake, distribution.extent), COLORS.fake);
  }
  return range;
}
