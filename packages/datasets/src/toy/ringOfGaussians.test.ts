import { expectClose } from '@gankit/test-utils';
import { describe, expect, it } from 'vitest';
import { mixtureStats } from './testing/mixtureStats.js';
import { ringOfGaussians } from './ringOfGaussians.js';

// 40,000 samples: ~5,000 per mode. Standard errors: a mode's mean 0.01/√5000 ≈ 1.4e-4,
// its std ≈ 1%, a mode's frequency √(p(1−p)/n) ≈ 1.7e-3. Tolerances are ≥ 6 standard errors.
const N = 40_000;

describe('ringOfGaussians', () => {
  it('has the 8 centres (cos 2πi/8, sin 2πi/8) and std 0.01 of EVALUATION.md', () => {
    const ring = ringOfGaussians();
    const expected = Array.from({ length: 8 }, (_, i) => [Math.cos((2 * Math.PI * i) / 8), Math.sin((2 * Math.PI * i) / 8)]);
    expectClose(ring.centres.flat(), expected.flat(), { atol: 1e-12 });
    expect(ring.std).toBe(0.01);
    expect(ring.name).toBe('ring8');
  });

  it('draws each mode around its centre with the stated std (means ±1e-3, stds ±5%)', () => {
    const ring = ringOfGaussians();
    const stats = mixtureStats(ring.sample(N, 1), ring.centres.length);
    expectClose(stats.means.flat(), ring.centres.flat(), { atol: 1e-3 });
    expectClose(stats.stds.flat(), new Array(16).fill(0.01), { rtol: 0.05 });
  });

  it('draws the modes with equal frequency (1/8 ± 0.01)', () => {
    const stats = mixtureStats(ringOfGaussians().sample(N, 2), 8);
    expectClose(stats.frequencies, new Array(8).fill(1 / 8), { atol: 0.01 });
  });

  it('labels each point with its nearest centre', () => {
    const ring = ringOfGaussians();
    const { x, labels, count } = ring.sample(2_500, 3);
    for (let i = 0; i < count; i++) {
      let best = 0;
      let bestD = Infinity;
      ring.centres.forEach(([cx, cy], k) => {
        const d = (x[2 * i]! - cx) ** 2 + (x[2 * i + 1]! - cy) ** 2;
        if (d < bestD) [best, bestD] = [k, d];
      });
      expect(best).toBe(labels![i]);
    }
  });

  it('is deterministic in the seed and differs between seeds', () => {
    const ring = ringOfGaussians();
    expect(ring.sample(100, 5).x).toEqual(ring.sample(100, 5).x);
    expect(ring.sample(100, 5).x).not.toEqual(ring.sample(100, 6).x);
  });

  it('rejects an unknown option, naming it and the allowed ones', () => {
    expect(() => ringOfGaussians({ sigma: 0.1 } as never)).toThrow(/unknown option 'sigma'; allowed options are 'modes', 'radius', 'std'/);
  });

  it('rejects a sample count of 0, naming the argument', () => {
    expect(() => ringOfGaussians().sample(0, 1)).toThrow(/ring8\.sample: 'n' must be an integer ≥ 1, got 0/);
  });
});
