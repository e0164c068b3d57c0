import { COLORS, surface } from './canvas.js';
import { niceTicks, tickLabel } from './niceTicks.js';
import { robustRange } from './robustRange.js';

/** One line of a chart. */
export interface Series {
  readonly label: string;
  readonly color: string;
  /** The y value of step `xs[i]`. */
  readonly ys: ArrayLike<number>;
  readonly xs: ArrayLike<number>;
  /** A dash pattern (canvas `setLineDash`), e.g. [6, 4] for the compared run's lines; default solid. */
  readonly dash?: readonly number[];
}

/** Options of {@link drawLineChart}. */
export interface ChartOptions {
  /**
   * A fixed y range; default: a robust range of what the lines span (see
   * {@link robustRange}), so an early spike does not flatten the rest; what it
   * clips is marked with a triangle at the edge and the extreme value.
   */
  readonly yRange?: readonly [number, number];
  /** A note at the top right (e.g. why the chart is empty). */
  readonly yLabel?: string;
  /** The y axis's title, written up its left side. */
  readonly yTitle?: string;
  /** The x axis's title (default "step"). */
  readonly xTitle?: string;
}

/** What {@link drawLineChart} drew, for legends and tests. */
export interface ChartLayout {
  /** The y range shown. */
  readonly lo: number;
  readonly hi: number;
  /** The y tick values labelled. */
  readonly yTicks: readonly number[];
  /** Lines' (bucket-averaged) extremes beyond the range, or undefined when nothing is clipped. */
  readonly clippedAbove?: number;
  readonly clippedBelow?: number;
}

/** Space around the plot for the legend, the tick labels and the axis titles. */
const PAD = { left: 58, right: 10, top: 28, bottom: 38 } as const;
/** Vertical pixels per y tick, about. */
const PX_PER_TICK = 30;

/** Means of the values falling in each of `buckets` equal step ranges; NaN where none. */
function bucketMeans(xs: ArrayLike<number>, ys: ArrayLike<number>, x0: number, x1: number, buckets: number): Float64Array {
  const sum = new Float64Array(buckets);
  const n = new Float64Array(buckets);
  const span = Math.max(1e-9, x1 - x0);
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i]!;
    if (!Number.isFinite(y)) continue;
    const b = Math.min(buckets - 1, Math.max(0, Math.floor(((xs[i]! - x0) / span) * buckets)));
    sum[b]! += y;
    n[b]! += 1;
  }
  return sum.map((s, i) => (n[i]! > 0 ? s / n[i]! : Number.NaN));
}

/** A small filled triangle just outside the frame, its base at y, pointing up (dir −1) or down (dir 1). */
function triangle(ctx: CanvasRenderingContext2D, x: number, y: number, dir: -1 | 1, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x, y + dir * 5);
  ctx.lineTo(x - 4, y);
  ctx.lineTo(x + 4, y);
  ctx.closePath();
  ctx.fill();
}

/**
 * Draws lines against the training step, averaged per pair of pixel columns so
 * a long run stays readable and cheap to draw, with labelled axes, axis titles
 * and a legend carrying each line's last value. Values beyond the y range are
 * clipped at the frame and marked just outside it with a triangle in the
 * line's colour, and the most extreme one is written beside it.
 *
 * @param canvas - the target.
 * @param series - the lines.
 * @param options - y range, note and axis titles.
 * @returns the range and ticks drawn and what was clipped.
 */
export function drawLineChart(canvas: HTMLCanvasElement, series: readonly Series[], options: ChartOptions = {}): ChartLayout {
  const s = surface(canvas);
  const { ctx, width, height } = s;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const plotW = Math.max(1, width - PAD.left - PAD.right);
  const plotH = Math.max(1, height - PAD.top - PAD.bottom);
  const shown = series.filter((l) => l.ys.length > 0);
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const l of shown) {
    x0 = Math.min(x0, l.xs[0]!);
    x1 = Math.max(x1, l.xs[l.xs.length - 1]!);
  }
  if (!Number.isFinite(x0)) [x0, x1] = [0, 1];
  if (x1 <= x0) x1 = x0 + 1;
  const buckets = Math.max(1, Math.min(Math.floor(plotW / 2), Math.ceil(x1 - x0 + 1)));
  const means = shown.map((l) => bucketMeans(l.xs, l.ys, x0, x1, buckets));
  let lo: number;
  let hi: number;
  if (options.yRange) [lo, hi] = options.yRange;
  else ({ lo, hi } = robustRange(means));
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const px = (b: number): number => PAD.left + ((b + 0.5) / buckets) * plotW;
  const py = (v: number): number => PAD.top + (1 - (v - lo) / (hi - lo)) * plotH;

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  const yTicks = niceTicks(lo, hi, Math.max(3, Math.round(plotH / PX_PER_TICK)), 3);
  for (const v of yTicks.values) {
    const y = Math.round(py(v)) + 0.5;
    ctx.strokeStyle = v === 0 ? COLORS.axis : COLORS.grid;
    ctx.beginPath();
    ctx.moveTo(PAD.left, y);
    ctx.lineTo(PAD.left + plotW, y);
    ctx.stroke();
    ctx.fillStyle = COLORS.text;
    ctx.fillText(tickLabel(v, yTicks.step), PAD.left - 4, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xTicks = niceTicks(x0, x1, Math.max(2, Math.round(plotW / 90)), 2);
  for (const v of xTicks.values) {
    const x = PAD.left + ((v - x0) / (x1 - x0)) * plotW;
    if (x < PAD.left - 1 || x > PAD.left + plotW + 1) continue;
    ctx.fillStyle = COLORS.text;
    ctx.fillText(tickLabel(v, xTicks.step), x, PAD.top + plotH + 9);
  }
  ctx.strokeStyle = COLORS.axis;
  ctx.strokeRect(PAD.left + 0.5, PAD.top + 0.5, plotW, plotH);

  // Axis titles: x under its tick labels at the right, y rotated up the left edge.
  ctx.fillStyle = COLORS.axis;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(options.xTitle ?? 'step', PAD.left + plotW, height - 1);
  if (options.yTitle !== undefined) {
    ctx.save();
    ctx.translate(2, PAD.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(options.yTitle, 0, 0);
    ctx.restore();
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(PAD.left, PAD.top, plotW, plotH);
  ctx.clip();
  shown.forEach((l, k) => {
    const m = means[k]!;
    ctx.strokeStyle = l.color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(l.dash ?? []);
    ctx.beginPath();
    let pen = false;
    for (let b = 0; b < buckets; b++) {
      const v = m[b]!;
      if (!Number.isFinite(v)) continue;
      if (pen) ctx.lineTo(px(b), py(v));
      else ctx.moveTo(px(b), py(v));
      pen = true;
    }
    ctx.stroke();
  });
  ctx.restore();

  // Clipped stretches: one triangle per run of buckets beyond the frame, at its extreme.
  let clippedAbove: number | undefined;
  let clippedBelow: number | undefined;
  let aboveAt = 0;
  let belowAt = 0;
  shown.forEach((l, k) => {
    const m = means[k]!;
    for (const dir of [-1, 1] as const) {
      const beyond = (v: number): boolean => (dir === -1 ? v > hi : v < lo);
      let b = 0;
      while (b < buckets) {
        if (!beyond(m[b]!)) {
          b++;
          continue;
        }
        let peak = b;
        for (; b < buckets && beyond(m[b]!); b++) if (dir === -1 ? m[b]! > m[peak]! : m[b]! < m[peak]!) peak = b;
        const v = m[peak]!;
        triangle(ctx, px(peak), dir === -1 ? PAD.top - 2 : PAD.top + plotH + 2, dir, l.color);
        if (dir === -1 && (clippedAbove === undefined || v > clippedAbove)) [clippedAbove, aboveAt] = [v, px(peak)];
        if (dir === 1 && (clippedBelow === undefined || v < clippedBelow)) [clippedBelow, belowAt] = [v, px(peak)];
      }
    }
  });
  ctx.fillStyle = COLORS.text;
  ctx.textBaseline = 'middle';
  const note = (v: number, x: number, y: number, arrow: string): void => {
    const text = `${arrow} ${Number(v.toPrecision(3))}`;
    const w = ctx.measureText(text).width;
    const right = x + 7 + w <= PAD.left + plotW;
    ctx.textAlign = right ? 'left' : 'right';
    ctx.fillText(text, right ? x + 7 : x - 7, y);
  };
  if (clippedAbove !== undefined) note(clippedAbove, aboveAt, PAD.top - 5, '↑');
  if (clippedBelow !== undefined) note(clippedBelow, belowAt, PAD.top + plotH - 7, '↓');

  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  // The legend: one entry per line, wrapping to a second row (within the top padding) when the first is full.
  let lx = PAD.left;
  let ly = 9;
  for (const l of series) {
    const last = l.ys.length > 0 ? l.ys[l.ys.length - 1]! : Number.NaN;
    const text = `${l.label}${Number.isFinite(last) ? ` ${Number(last.toPrecision(3))}` : ''}`;
    const w = 26 + ctx.measureText(text).width;
    if (lx > PAD.left && lx + w - 8 > width - PAD.right) {
      lx = PAD.left;
      ly += 12;
    }
    ctx.fillStyle = l.color;
    if (l.dash !== undefined && l.dash.length > 0) {
      ctx.fillRect(lx, ly - 2, 5, 3);
      ctx.fillRect(lx + 9, ly - 2, 5, 3);
    } else ctx.fillRect(lx, ly - 2, 14, 3);
    ctx.fillStyle = COLORS.text;
    ctx.fillText(text, lx + 18, ly);
    lx += w;
  }
  canvas.dataset['series'] = series.map((l) => l.label).join(' | ');
  if (options.yLabel !== undefined) {
    ctx.textAlign = 'right';
    ctx.fillStyle = COLORS.axis;
    ctx.fillText(options.yLabel, width - PAD.right, 9);
  }
  return {
    lo,
    hi,
    yTicks: yTicks.values,
    ...(clippedAbove !== undefined ? { clippedAbove } : {}),
    ...(clippedBelow !== undefined ? { clippedBelow } : {}),
  };
}
