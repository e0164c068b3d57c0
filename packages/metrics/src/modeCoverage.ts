import type { MatrixLike } from './matrixLike.js';
import { klToUniform } from './internal/classes.js';
import { toMatrix } from './internal/matrix.js';
import { checkOptions, checkPositive } from './internal/validate.js';

/**
 * The true mixture, as `ringOfGaussians()` / `gridOfGaussians()` of `@gankit/datasets` expose it.
 *
 * @example
 * ```ts
 * const twoModes: MixtureModes = { centres: [[-1, 0], [1, 0]], std: 0.05 };
 * ```
 */
export interface MixtureModes {
  /** The component means, one point per mode (all of one dimension, matching the samples). */
  readonly centres: ReadonlyArray<ArrayLike<number>>;
  /** The per-coordinate standard deviation of every component (> 0). */
  readonly std: number;
}

/** Options of {@link modeCoverage}. */
export interface ModeCoverageOptions {
  /** A sample is high quality if it lies within `threshold` std of its nearest centre (default 3, the protocol's). */
  threshold?: number;
}

/**
 * The result of {@link modeCoverage}.
 *
 * @example
 * ```ts
 * const r = modeCoverage(samples, ringOfGaussians());
 * console.log(`${r.modesCovered}/${r.numModes} modes, ${(100 * r.highQualityFraction).toFixed(1)}% HQ, KL ${r.reverseKl.toFixed(3)}`);
 * ```
 */
export interface ModeCoverage {
  /** Modes with at least one high-quality sample nearest to them. */
  readonly modesCovered: number;
  /** The number of modes K. */
  readonly numModes: number;
  /** The fraction of samples that are high quality, in [0, 1] (× 100 for the tables' "% high quality"). */
  readonly highQualityFraction: number;
  /** How many samples are high quality. */
  readonly highQualityCount: number;
  /** How many samples were scored. */
  readonly count: number;
  /**
   * KL(p̂ ‖ U) in nats: the reverse KL of the mode histogram p̂ of the
   * high-quality samples against the uniform distribution over the K modes.
   * 0 for a perfectly balanced histogram, log K when every high-quality
   * sample is at one mode; empty modes contribute 0 (0 · log 0 = 0). With no
   * high-quality sample at all p̂ does not exist and this is +∞ (worse than
   * any collapse).
   */
  readonly reverseKl: number;
  /** High-quality samples per mode (length K). */
  readonly modeCounts: Int32Array;
}

/**
 * Mode coverage of samples from a 2-D mixture (any dimension works), by the
 * protocol of VEEGAN (Srivastava et al. 2017, §5.1, Table 1) and PacGAN (Lin et al.
 * 2018, Table 1): each sample is assigned to its nearest centre (Euclidean; the
 * lower index on ties); it is **high quality** if that distance is at most
 * 3 std; a mode is **covered** if at least one high-quality sample is
 * assigned to it. Also the **reverse KL** Σ_k p̂_k log(K p̂_k) of the mode
 * histogram p̂ of the high-quality samples against uniform (PacGAN reports it
 * next to modes and % high quality).
 * The protocol draws 2,500 samples and reports the mean ± std over ≥ 5 seeds.
 *
 * @param samples - n × 2 generated points (a tensor, `number[][]`, or `{ x, count, shape: [2] }`).
 * @param mixture - `{ centres, std }` of the true mixture, e.g. `gridOfGaussians()`.
 * @param options - `threshold` in std units (default 3).
 * @returns modes covered, high-quality fraction and count, reverse KL, and the per-mode counts.
 * @throws if `samples` is empty or non-finite, `mixture` has no centres, a bad std, or centres of another dimension.
 *
 * @example
 * ```ts
 * const grid = gridOfGaussians();
 * const fake = generator.predict(tf.randomNormal([2500, 2])) as tf.Tensor2D;
 * const { modesCovered, highQualityFraction, reverseKl } = modeCoverage(fake, grid);
 * ```
 */
export function modeCoverage(samples: MatrixLike, mixture: MixtureModes, options: ModeCoverageOptions = {}): ModeCoverage {
  const fn = 'modeCoverage';
  checkOptions(fn, options, ['threshold']);
  const threshold = checkPositive(fn, 'threshold', options.threshold ?? 3);
  if (mixture === null || typeof mixture !== 'object') throw new TypeError(`${fn}: 'mixture' must be an object { centres, std }`);
  const std = checkPositive(fn, 'mixture.std', mixture.std);
  if (!Array.isArray(mixture.centres) || mixture.centres.length === 0) {
    throw new RangeError(`${fn}: 'mixture.centres' must be a non-empty array of points`);
  }
  const centres = toMatrix(fn, 'mixture.centres', mixture.centres);
  const x = toMatrix(fn, 'samples', samples);
  if (x.cols !== centres.cols) {
    throw new RangeError(`${fn}: 'samples' are points of dimension ${x.cols} but 'mixture.centres' of dimension ${centres.cols}; they must match`);
  }
  const d = x.cols;
  const k = centres.rows;
  const radius2 = (threshold * std) ** 2;
  const modeCounts = new Int32Array(k);
  let highQualityCount = 0;
  for (let i = 0; i < x.rows; i++) {
    let best = 0;
    let bestDist = Infinity;
    for (let c = 0; c < k; c++) {
      let dist = 0;
      for (let j = 0; j < d; j++) dist += (x.data[i * d + j]! - centres.data[c * d + j]!) ** 2;
      if (dist < bestDist) {
        bestDist = dist;
        best = c;
      }
    }
    if (bestDist <= radius2) {
      modeCounts[best]!++;
      highQualityCount++;
    }
  }
  return {
    modesCovered: modeCounts.reduce((n, c) => n + (c > 0 ? 1 : 0), 0),
    numModes: k,
    highQualityFraction: highQualityCount / x.rows,
    highQualityCount,
    count: x.rows,
    reverseKl: klToUniform(modeCounts),
    modeCounts,
  };
}
