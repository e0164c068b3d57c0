import type { Examples } from '../examples.js';
import { normalFrom, randomInt, seededUniform } from '../internal/random.js';
import { checkInt, checkPositive, checkSeed } from '../internal/validate.js';
import type { GaussianMixture2D } from './toyDistribution2D.js';

/**
 * A mixture of equally weighted isotropic Gaussians in 2-D: each sample picks a
 * component uniformly at random, then adds N(0, std²) noise to each coordinate
 * of its centre. Labels are the component indices.
 *
 * @param centres - the component means, one `[x, y]` per mode (at least one).
 * @param std - the standard deviation of every component (> 0).
 * @param name - a short name for logs (default `'mixture'`).
 * @returns a {@link GaussianMixture2D} exposing `centres` and `std`.
 *
 * @example
 * ```ts
 * const twoBlobs = gaussianMixture2D([[-1, 0], [1, 0]], 0.1, 'blobs');
 * const { x, labels } = twoBlobs.sample(500, 7);
 * ```
 */
export function gaussianMixture2D(
  centres: ReadonlyArray<readonly [number, number]>,
  std: number,
  name = 'mixture',
): GaussianMixture2D {
  const fn = 'gaussianMixture2D';
  if (!Array.isArray(centres) || centres.length === 0) {
    throw new RangeError(`${fn}: 'centres' must be a non-empty array of [x, y] pairs`);
  }
  centres.forEach((c, i) => {
    if (!Array.isArray(c) || c.length !== 2 || !c.every(Number.isFinite)) {
      throw new RangeError(`${fn}: 'centres[${i}]' must be an [x, y] pair of finite numbers`);
    }
  });
  checkPositive(fn, 'std', std);
  const frozen = Object.freeze(centres.map((c) => Object.freeze([c[0], c[1]] as const)));
  return Object.freeze({
    name,
    centres: frozen,
    std,
    sample(n: number, seed: number): Examples {
      checkInt(`${name}.sample`, 'n', n);
      checkSeed(`${name}.sample`, seed);
      const uniform = seededUniform(seed, 0x2d);
      const normal = normalFrom(uniform);
      const x = new Float32Array(2 * n);
      const labels = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const k = randomInt(uniform, frozen.length);
        const c = frozen[k]!;
        labels[i] = k;
        x[2 * i] = c[0] + std * normal();
        x[2 * i + 1] = c[1] + std * normal();
      }
      return { x, shape: [2], count: n, labels, numClasses: frozen.length };
    },
  });
}
