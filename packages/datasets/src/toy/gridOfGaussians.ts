import { checkInt, checkOptions, checkPositive } from '../internal/validate.js';
import { gaussianMixture2D } from './gaussianMixture2D.js';
import type { GaussianMixture2D } from './toyDistribution2D.js';

/** Options of {@link gridOfGaussians}; the defaults are the benchmark's. */
export interface GridOfGaussiansOptions {
  /** Modes per side (default 5, so 25 modes). */
  side?: number;
  /** Distance between neighbouring centres (default 2). */
  spacing?: number;
  /** Standard deviation of each mode (default 0.05). */
  std?: number;
}

/**
 * The grid of Gaussians of the mode-collapse benchmark: by default 25 modes
 * with centres {−4, −2, 0, 2, 4}² and std 0.05, exactly as in VEEGAN
 * (Srivastava et al. 2017, §5.1) and PacGAN (Lin et al. 2018, §5.1). The grid
 * is centred on the origin; centre `i` is at column `i % side`, row `⌊i / side⌋`.
 *
 * @param options - `side`, `spacing`, `std`; change them only for experiments off the benchmark.
 * @returns a {@link GaussianMixture2D} named `'grid25'` (or `'grid<side²>'`).
 *
 * @example
 * ```ts
 * const grid = gridOfGaussians();
 * grid.centres[0]; // [-4, -4]
 * const real = grid.sample(2500, 0);
 * ```
 */
export function gridOfGaussians(options: GridOfGaussiansOptions = {}): GaussianMixture2D {
  const fn = 'gridOfGaussians';
  checkOptions(fn, options, ['side', 'spacing', 'std']);
  const side = checkInt(fn, 'side', options.side ?? 5);
  const spacing = checkPositive(fn, 'spacing', options.spacing ?? 2);
  const std = checkPositive(fn, 'std', options.std ?? 0.05);
  const offset = ((side - 1) * spacing) / 2;
  const centres: Array<[number, number]> = [];
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      centres.push([col * spacing - offset, row * spacing - offset]);
    }
  }
  return gaussianMixture2D(centres, std, `grid${side * side}`);
}
