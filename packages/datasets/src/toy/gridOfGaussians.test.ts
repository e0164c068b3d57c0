import { expectClose } from '@gankit/test-utils';
import { describe, expect, it } from 'vitest';
import { gridOfGaussians } from './gridOfGaussians.js';
import { mixtureStats } from './testing/mixtureStats.js';

// 100,000 samples: ~4,000 per mode. Standard errors: a mode's mean 0.05/√4000 ≈ 8e-4,
// its std ≈ 1.1%, a mode's frequency √(p(1−p)/n) ≈ 6.3e-4. Tolerances are ≥ 6 standard errors.
const N = 100_000;

describe('gridOfGaussians', () => {
  it('has the 25 centres {−4,−2,0,2,4}² and std 0.05 of EVALUATION.md', () => {
    const grid = gridOfGaussians();
    const values = [-4, -2, 0, 2, 4];
    const expected = values.flatMap((y) => values.map((x) => [x, y]));
    expect(grid.centres.map((c) => [...c])).toEqual(expected);
    expect(grid.std).toBe(0.05);
    expect(grid.name).toBe('grid25');
  });

  it('draws each mode around its centre with the stated std (means ±5e-3, stds ±7%)', () => {
    const grid = gridOfGaussians();
    const stats = mixtureStats(grid.sample(N, 1), 25);
    expectClose(stats.means.flat(), grid.centres.flat(), { atol: 5e-3 });
    expectClose(stats.stds.flat(), new Array(50).fill(0.05), { rtol: 0.07 });
  });

  it('draws the modes with equal frequency (1/25 ± 0.004)', () => {
    const stats = mixtureStats(gridOfGaussians().sample(N, 2), 25);
    expectClose(stats.frequencies, new Array(25).fill(1 / 25), { atol: 0.004 });
  });

  it('rejects a non-integer side, naming it', () => {
    expect(() => gridOfGaussians({ side: 2.5 })).toThrow(/gridOfGaussians: 'side' must be an integer ≥ 1, got 2.5/);
  });
});
