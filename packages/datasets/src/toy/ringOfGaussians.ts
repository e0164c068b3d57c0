import { checkInt, checkOptions, checkPositive } from '../internal/validate.js';
import { gaussianMixture2D } from './gaussianMixture2D.js';
import type { GaussianMixture2D } from './toyDistribution2D.js';

/** Options of {@link ringOfGaussians}; the defaults are the benchmark's. */
export interface RingOfGaussiansOptions {
  /** Number of modes (default 8). */
  modes?: number;
  /** Radius of the ring (default 1). */
  radius?: number;
  /** Standard deviation of each mode (default 0.01). */
  std?: number;
}

/**
 * The ring of Gaussians of the mode-collapse benchmark: by default 8 modes with
 * centres (cos 2πi/8, sin 2πi/8), i = 0…7, and std 0.01, exactly as in
 * VEEGAN (Srivastava et al. 2017, §5.1) and PacGAN (Lin et al. 2018, §5.1).
 *
 * @param options - `modes`, `radius`, `std`; change them only for experiments off the benchmark.
 * @returns a {@link GaussianMixture2D} named `'ring8'` (or `'ring<modes>'`).
 *
 * @example
 * ```ts
 * const ring = ringOfGaussians();
 * const real = ring.sample(2500, 0); // labels = mode index 0…7
 * ```
 */
export function ringOfGaussians(options: RingOfGaussiansOptions = {}): GaussianMixture2D {
  const fn = 'ringOfGaussians';
  checkOptions(fn, options, ['modes', 'radius', 'std']);
  const modes = checkInt(fn, 'modes', options.modes ?? 8);
  const radius = checkPositive(fn, 'radius', options.radius ?? 1);
  const std = checkPositive(fn, 'std', options.std ?? 0.01);
  const centres: Array<[number, number]> = [];
  for (let i = 0; i < modes; i++) {
    const angle = (2 * Math.PI * i) / modes;
    centres.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  return gaussianMixture2D(centres, std, `ring${modes}`);
}
