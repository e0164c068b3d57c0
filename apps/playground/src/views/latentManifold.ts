import type { PlaneMap } from './plane.js';

/**
 * A regular grid of 2-D latent codes, `n` per side over [−range, range]²,
 * row-major from the top row (z₂ = +range) and left column (z₁ = −range) —
 * what G should be run on for {@link drawLatentManifold}.
 *
 * @param n - points per side (≥ 2).
 * @param range - half-width of the square in latent units (default 3: ±3 std of N(0, I) holds 99.5% of the mass).
 * @returns z₁, z₂ of each of the n² codes.
 * @throws if n < 2 or range ≤ 0.
 *
 * @example
 * ```ts
 * const z = latentGrid(21);                       // 441 codes
 * const out = generator.predict(tf.tensor2d(z, [441, 2]));
 * ```
 */
export function latentGrid(n: number, range = 3): Float32Array {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`latentGrid: n must be an integer ≥ 2, got ${n}`);
  if (!(range > 0)) throw new RangeError(`latentGrid: range must be > 0, got ${range}`);
  const z = new Float32Array(2 * n * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const i = row * n + col;
      z[2 * i] = -range + (2 * range * col) / (n - 1);
      z[2 * i + 1] = range - (2 * range * row) / (n - 1);
    }
  }
  return z;
}

/**
 * The warped grid lines: G's outputs on {@link latentGrid} joined along each
 * latent row and each latent column, as 2n polylines of n points.
 *
 * @param outputs - G's outputs on the grid, x, y per code, in the grid's order.
 * @param n - points per side.
 * @returns n row lines then n column lines, each x0, y0, x1, y1, …
 * @throws if `outputs` does not hold 2n² values.
 *
 * @example
 * ```ts
 * const lines = manifoldLines(out, 21); // 42 polylines of 21 points
 * ```
 */
export function manifoldLines(outputs: ArrayLike<number>, n: number): Float32Array[] {
  if (outputs.length !== 2 * n * n) throw new RangeError(`manifoldLines: expected ${2 * n * n} values for a ${n} × ${n} grid, got ${outputs.length}`);
  const lines: Float32Array[] = [];
  for (let row = 0; row < n; row++) {
    const line = new Float32Array(2 * n);
    for (let col = 0; col < n; col++) {
      line[2 * col] = outputs[2 * (row * n + col)]!;
      line[2 * col + 1] = outputs[2 * (row * n + col) + 1]!;
    }
    lines.push(line);
  }
  for (let col = 0; col < n; col++) {
    const line = new Float32Array(2 * n);
    for (let row = 0; row < n; row++) {
      line[2 * row] = outputs[2 * (row * n + col)]!;
      line[2 * row + 1] = outputs[2 * (row * n + col) + 1]!;
    }
    lines.push(line);
  }
  return lines;
}

/** Φ, the standard normal CDF, by erf's Abramowitz & Stegun 7.1.26 approximation (|error| < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * The density G puts on each cell of the warped grid: the N(0, I) mass of
 * the latent cell divided by the area of its image (the quadrilateral of its
 * four mapped corners, by the shoelace formula) — where G stretches space,
 * the samples thin out, as GAN Lab shades its manifold.
 *
 * @param outputs - G's outputs on {@link latentGrid}`(n, range)`.
 * @param n - points per side.
 * @param range - the grid's half-width.
 * @returns (n − 1)² densities, row-major; Infinity where a cell folds to zero area, NaN where a corner is not finite.
 *
 * @example
 * ```ts
 * const density = cellDensities(out, 21, 3); // 400 values, probability per unit area of the plane
 * ```
 */
export function cellDensities(outputs: ArrayLike<number>, n: number, range = 3): Float64Array {
  if (outputs.length !== 2 * n * n) throw new RangeError(`cellDensities: expected ${2 * n * n} values for a ${n} × ${n} grid, got ${outputs.length}`);
  const edges = Array.from({ length: n }, (_, k) => -range + (2 * range * k) / (n - 1));
  const mass1 = edges.slice(1).map((b, k) => normalCdf(b) - normalCdf(edges[k]!));
  const out = new Float64Array((n - 1) * (n - 1));
  const at = (row: number, col: number): [number, number] => [outputs[2 * (row * n + col)]!, outputs[2 * (row * n + col) + 1]!];
  for (let row = 0; row < n - 1; row++) {
    for (let col = 0; col < n - 1; col++) {
      const corners = [at(row, col), at(row, col + 1), at(row + 1, col + 1), at(row + 1, col)];
      let twice = 0;
      let finite = true;
      for (let k = 0; k < 4; k++) {
        const [x0, y0] = corners[k]!;
        const [x1, y1] = corners[(k + 1) % 4]!;
        if (!Number.isFinite(x0) || !Number.isFinite(y0)) finite = false;
        twice += x0 * y1 - x1 * y0;
      }
      // Row r of the grid is z₂ from the top: its latent band is mass1[n − 2 − r] (symmetric anyway).
      const mass = mass1[col]! * mass1[n - 2 - row]!;
      out[row * (n - 1) + col] = finite ? mass / (Math.abs(twice) / 2) : Number.NaN;
    }
  }
  return out;
}

/** Options of {@link drawLatentManifold}. */
export interface ManifoldOptions {
  /** The grid's half-width in latent units (default 3, as {@link latentGrid}). */
  readonly range?: number;
  /** Colour of the lines and the shading (default the samples' purple). */
  readonly color?: string;
  /** Shade the cells by {@link cellDensities} (default true). */
  readonly shade?: boolean;
}

/**
 * Draws G's latent manifold (GAN Lab's "manifold" view, for latent size 2):
 * the images of a regular latent grid's lines, showing how G folds and
 * stretches the noise plane onto the data plane, with each cell shaded by the
 * density G gives it (darker = more samples per unit area; the darkest at the
 * 95th percentile of the cells' densities).
 *
 * @param ctx - the context.
 * @param map - the plane mapping.
 * @param outputs - G's outputs on {@link latentGrid}`(n, range)`.
 * @param n - points per side.
 * @param options - range, colour, shading.
 *
 * @example
 * ```ts
 * drawLatentManifold(ctx, planeMap(surface(canvas), extent), out, 21);
 * ```
 */
export function drawLatentManifold(ctx: CanvasRenderingContext2D, map: PlaneMap, outputs: ArrayLike<number>, n: number, options: ManifoldOptions = {}): void {
  const { range = 3, color = '#762a83', shade = true } = options;
  ctx.save();
  if (shade) {
    const density = cellDensities(outputs, n, range);
    const finite = Array.from(density).filter((d) => Number.isFinite(d) && d > 0).sort((a, b) => a - b);
    const top = finite.length > 0 ? finite[Math.floor(0.95 * (finite.length - 1))]! : 1;
    ctx.fillStyle = color;
    for (let row = 0; row < n - 1; row++) {
      for (let col = 0; col < n - 1; col++) {
        const d = density[row * (n - 1) + col]!;
        if (Number.isNaN(d)) continue;
        ctx.globalAlpha = 0.45 * Math.min(1, d / top);
        const p = (r: number, c: number): [number, number] => [map.px(outputs[2 * (r * n + c)]!), map.py(outputs[2 * (r * n + c) + 1]!)];
        const corners = [p(row, col), p(row, col + 1), p(row + 1, col + 1), p(row + 1, col)];
        ctx.beginPath();
        ctx.moveTo(...corners[0]!);
        for (const c of corners.slice(1)) ctx.lineTo(...c);
        ctx.closePath();
        ctx.fill();
      }
    }
  }
  ctx.globalAlpha = 0.7;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  for (const line of manifoldLines(outputs, n)) {
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i + 1 < line.length; i += 2) {
      const x = line[i]!;
      const y = line[i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(map.px(x), map.py(y));
      else ctx.moveTo(map.px(x), map.py(y));
      pen = true;
    }
    ctx.stroke();
  }
  ctx.restore();
}
