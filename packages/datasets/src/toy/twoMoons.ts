import type { Examples } from '../examples.js';
import { normalFrom, seededUniform } from '../internal/random.js';
import { checkInt, checkOptions, checkPositive, checkSeed } from '../internal/validate.js';
import type { ToyDistribution2D } from './toyDistribution2D.js';

/** Options of {@link twoMoons}. */
export interface TwoMoonsOptions {
  /** Std of the Gaussian noise added to each coordinate (default 0.1). */
  noise?: number;
}

/**
 * Two interleaving half circles, as scikit-learn's `make_moons`: the upper moon
 * (cos t, sin t) and the lower moon (1 − cos t, 0.5 − sin t), t ~ U(0, π), plus
 * N(0, noise²) per coordinate. Each point picks a moon with probability ½;
 * labels are the moon (0 upper, 1 lower).
 *
 * @param options - `noise` (default 0.1).
 * @returns a {@link ToyDistribution2D} named `'twoMoons'`, labelled 0/1.
 *
 * @example
 * ```ts
 * const { x, labels } = twoMoons({ noise: 0.05 }).sample(1000, 1);
 * ```
 */
export function twoMoons(options: TwoMoonsOptions = {}): ToyDistribution2D {
  const fn = 'twoMoons';
  checkOptions(fn, options, ['noise']);
  const noise = checkPositive(fn, 'noise', options.noise ?? 0.1, true);
  return Object.freeze({
    name: 'twoMoons',
    sample(n: number, seed: number): Examples {
      checkInt('twoMoons.sample', 'n', n);
      checkSeed('twoMoons.sample', seed);
      const uniform = seededUniform(seed, 0x3e);
      const normal = normalFrom(uniform);
      const x = new Float32Array(2 * n);
      const labels = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const moon = uniform() < 0.5 ? 0 : 1;
        const t = Math.PI * uniform();
        labels[i] = moon;
        x[2 * i] = (moon === 0 ? Math.cos(t) : 1 - Math.cos(t)) + noise * normal();
        x[2 * i + 1] = (moon === 0 ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * normal();
      }
      return { x, shape: [2], count: n, labels, numClasses: 2 };
    },
  });
}
