import type { Examples } from '../examples.js';
import { normalFrom, seededUniform } from '../internal/random.js';
import { checkInt, checkOptions, checkPositive, checkSeed } from '../internal/validate.js';
import type { ToyDistribution2D } from './toyDistribution2D.js';

/** Options of {@link spiral}. */
export interface SpiralOptions {
  /** Std of the Gaussian noise added to each coordinate before scaling (default 0.25). */
  noise?: number;
  /** Factor the points are multiplied by (default 1/7.5, which puts them in about [−2, 2]²). */
  scale?: number;
}

/**
 * The 2-D "Swiss roll" spiral of the WGAN-GP toy experiments (Gulrajani et al.
 * 2017, `gan_toy.py`): t = 1.5π(1 + 2u) with u ~ U(0, 1), the point
 * (t cos t, t sin t) plus N(0, noise²) per coordinate, times `scale` — the
 * x–z plane of scikit-learn's `make_swiss_roll(noise=0.25)`, divided by 7.5.
 *
 * @param options - `noise` (default 0.25) and `scale` (default 1/7.5).
 * @returns a {@link ToyDistribution2D} named `'spiral'` (no labels).
 *
 * @example
 * ```ts
 * const points = spiral().sample(1000, 3);
 * ```
 */
export function spiral(options: SpiralOptions = {}): ToyDistribution2D {
  const fn = 'spiral';
  checkOptions(fn, options, ['noise', 'scale']);
  const noise = checkPositive(fn, 'noise', options.noise ?? 0.25, true);
  const scale = checkPositive(fn, 'scale', options.scale ?? 1 / 7.5);
  return Object.freeze({
    name: 'spiral',
    sample(n: number, seed: number): Examples {
      checkInt('spiral.sample', 'n', n);
      checkSeed('spiral.sample', seed);
      const uniform = seededUniform(seed, 0x5b);
      const normal = normalFrom(uniform);
      const x = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        const t = 1.5 * Math.PI * (1 + 2 * uniform());
        x[2 * i] = scale * (t * Math.cos(t) + noise * normal());
        x[2 * i + 1] = scale * (t * Math.sin(t) + noise * normal());
      }
      return { x, shape: [2], count: n };
    },
  });
}
