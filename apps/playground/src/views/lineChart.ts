import { COLORS, surface } from './canvas.js';

/** One line of a chart. */
export interface Series {
  readonly label: string;
  readonly color: string;
  /** The y value of step `xs[i]`. */
  readonly ys: ArrayLike<number>;
  readonly xs: ArrayLike<number>;
}

/** Options of {@link drawLineChart}. */
export interface ChartOptions {
  /** A fixed y range; default: what the lines span (2nd–98th percentile, so one spike does not flatten the rest). */
  readonly yRange?: readonly [number, number];
  /** Text on the y axis. */
  readonly yLabel?: string;
}

const PAD = { left: 44, right: 10, top: 22, bottom: 20 };

/** "Nice" tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}

function format(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0);
  return String(Number(v.toPrecision(3)));
}

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

/**
 * Draws lines against the training step, averaged per pixel column so a long
 * run stays readable and cheap to draw, with axes and a legend.
 *
 * @param canvas - the target.
 * @param series - the lines.
 * @param options - y range and label.
 */
export function drawLineChart(canvas: HTMLCanvasElement, series: readonly Series[], options: ChartOptions = {}): void {
  const s = surface(canvas);
  const { ctx, width, height } = s;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
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
  let [lo, hi] = options.yRange ?? robustRange(means);
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const px = (b: number): number => PAD.left + ((b + 0.5) / buckets) * plotW;
  const py = (v: number): number => PAD.top + (1 - (v - lo) / (hi - lo)) * plotH;

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  for (const v of ticks(lo, hi, 4)) {
    const y = Math.round(py(v)) + 0.5;
    ctx.strokeStyle = v === 0 ? COLORS.axis : COLORS.grid;
    ctx.beginPath();
    ctx.moveTo(PAD.left, y);
    ctx.lineTo(PAD.left + plotW, y);
    ctx.stroke();
    ctx.fillStyle = COLORS.text;
    ctx.fillText(format(v), PAD.left - 4, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of ticks(x0, x1, 5)) {
    const x = PAD.left + ((v - x0) / (x1 - x0)) * plotW;
    if (x < PAD.left - 1 || x > PAD.left + plotW + 1) continue;
    ctx.fillStyle = COLORS.text;
    ctx.fillText(format(v), x, PAD.top + plotH + 4);
  }
  ctx.strokeStyle = COLORS.axis;
  ctx.strokeRect(PAD.left + 0.5, PAD.top + 0.5, plotW, plotH);

  ctx.save();
  ctx.beginPath();
  ctx.rect(PAD.left, PAD.top, plotW, plotH);
  ctx.clip();
  shown.forEach((l, k) => {
    const m = means[k]!;
    ctx.strokeStyle = l.color;
    ctx.lineWidth = 1.5;
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

  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  let lx = PAD.left;
  for (const l of series) {
    ctx.fillStyle = l.color;
    ctx.fillRect(lx, 7, 14, 3);
    ctx.fillStyle = COLORS.text;
    const last = l.ys.length > 0 ? l.ys[l.ys.length - 1]! : Number.NaN;
    const text = `${l.label}${Number.isFinite(last) ? ` ${format(last)}` : ''}`;
    ctx.fillText(text, lx + 18, 9);
    lx += 26 + ctx.measureText(text).width;
  }
  if (options.yLabel !== undefined) {
    ctx.textAlign = 'right';
    ctx.fillStyle = COLORS.axis;
    ctx.fillText(options.yLabel, width - PAD.right, 9);
  }
}

/** The 2nd–98th percentile of all finite values, padded by 8%. */
function robustRange(lines: readonly Float64Array[]): [number, number] {
  const all: number[] = [];
  for (const l of lines) for (const v of l) if (Number.isFinite(v)) all.push(v);
  if (all.length === 0) return [0, 1];
  all.sort((a, b) => a - b);
  const lo = all[Math.floor(0.02 * (all.length - 1))]!;
  const hi = all[Math.ceil(0.98 * (all.length - 1))]!;
  const pad = Math.max(1e-6, (hi - lo) * 0.08);
  return [lo - pad, hi + pad];
}
