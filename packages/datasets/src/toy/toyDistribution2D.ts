import type { Examples } from '../examples.js';

/**
 * A 2-D distribution to sample from: the common shape of the toy sources
 * ({@link gaussianMixture2D}, {@link spiral}, {@link twoMoons}).
 *
 * @example
 * ```ts
 * const dist: ToyDistribution2D = twoMoons();
 * const { x, count } = dist.sample(1000, 42); // x: 2000 floats (x0, y0, x1, y1, …)
 * ```
 */
export interface ToyDistribution2D {
  /** A short name for logs and file names, e.g. `'ring8'`. */
  readonly name: string;
  /**
   * Draws `n` points, deterministic in `seed`.
   *
   * @param n - the number of points (an integer ≥ 1).
   * @param seed - an integer; the same seed gives the same points.
   * @returns the points as {@link Examples} of shape `[2]`, with labels where the distribution has components.
   */
  sample(n: number, seed: number): Examples;
}

/**
 * A mixture of isotropic 2-D Gaussians with equal weights, whose true centres
 * and standard deviation are exposed so mode-coverage metrics can use them.
 *
 * @example
 * ```ts
 * const ring = ringOfGaussians();
 * ring.centres.length; // 8
 * ring.std;            // 0.01
 * ```
 */
export interface GaussianMixture2D extends ToyDistribution2D {
  /** The component means, one `[x, y]` per mode. */
  readonly centres: ReadonlyArray<readonly [number, number]>;
  /** The standard deviation of every component (per coordinate). */
  readonly std: number;
}
