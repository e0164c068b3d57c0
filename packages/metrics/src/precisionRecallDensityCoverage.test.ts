import { initBackend } from '@gankit/backend';
import { NODE_BACKENDS, onBackend } from '@gankit/test-utils';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { precisionRecallDensityCoverage } from './precisionRecallDensityCoverage.js';
import { gaussianRows } from './testing/linearAlgebra.js';

beforeAll(async () => {
  await initBackend();
});

describe('precisionRecallDensityCoverage', () => {
  it('matches a hand count on a 1-D example (k = 1)', () => {
    // Real 0, 1, 3: 1-NN radii 1, 1, 2. Generated 0.5, 10: 1-NN radii 9.5 each.
    // 0.5 lies in the balls of 0 and 1, 10 in none: precision 1/2, density 2/(1·2) = 1, coverage 2/3 (3's ball is empty);
    // the ball of radius 9.5 around 0.5 holds all three real points: recall 1.
    const r = precisionRecallDensityCoverage([[0], [1], [3]], [[0.5], [10]], { k: 1 });
    expect(r).toEqual({ precision: 0.5, recall: 1, density: 1, coverage: 2 / 3, k: 1 });
  });

  it("counts a point on a ball's boundary as inside (closed balls)", () => {
    const r = precisionRecallDensityCoverage([[0], [1]], [[2], [5]], { k: 1 });
    // Real radii 1 and 1: 2 is on the boundary of 1's ball; generated radii 3: 0 is not within 3 of 5, 1 is within 3 of 2.
    expect(r.precision).toBe(0.5);
    expect(r.coverage).toBe(0.5);
    expect(r.recall).toBe(1);
  });

  it('is near (1, 1, 1, 1) for two samples of one distribution, and falls when the generated set shifts', () => {
    const real = gaussianRows(800, 4, 1);
    const same = precisionRecallDensityCoverage(real, gaussianRows(800, 4, 2));
    expect(same.precision).toBeGreaterThan(0.85);
    expect(same.recall).toBeGreaterThan(0.85);
    expect(same.coverage).toBeGreaterThan(0.85);
    expect(Math.abs(same.density - 1)).toBeLessThan(0.15);
    const shifted = precisionRecallDensityCoverage(real, gaussianRows(800, 4, 3, 2));
    for (const key of ['precision', 'recall', 'density', 'coverage'] as const) expect(shifted[key]).toBeLessThan(same[key] - 0.3);
  });

  it('separates fidelity from diversity: a collapse keeps precision and loses recall and coverage', () => {
    const real = gaussianRows(500, 2, 4);
    const collapsed = Array.from({ length: 500 }, (_, i) => [0.01 * Math.sin(i), 0.01 * Math.cos(i)]);
    const r = precisionRecallDensityCoverage(real, collapsed);
    expect(r.precision).toBe(1);
    expect(r.recall).toBeLessThan(0.1);
    expect(r.coverage).toBeLessThan(0.1);
    // Each generated point still lies in about k real balls (it sits where real points are dense): density stays near 1.
    expect(r.density).toBeGreaterThan(0.5);
  });

  it('keeps density and coverage when a few generated outliers appear, while recall jumps', () => {
    const real = gaussianRows(500, 2, 5);
    const collapsed = Array.from({ length: 500 }, (_, i) => [0.01 * Math.sin(i), 0.01 * Math.cos(i)]);
    // Five far-apart outliers each get a huge generated k-NN ball, which swallows the whole real set.
    const withOutliers = [...collapsed.slice(0, 495), [30, 0], [-30, 0], [0, 30], [0, -30], [30, 30]];
    const before = precisionRecallDensityCoverage(real, collapsed);
    const after = precisionRecallDensityCoverage(real, withOutliers);
    expect(after.recall).toBe(1);
    expect(after.coverage).toBeCloseTo(before.coverage, 2);
    expect(Math.abs(after.density - before.density)).toBeLessThan(0.02 * before.density + 0.05);
  });

  it.each(NODE_BACKENDS)('gives the same numbers for tensors as for arrays (%s)', async (backend) => {
    await onBackend(backend, () => {
      const real = gaussianRows(200, 3, 6);
      const fake = gaussianRows(150, 3, 7, 0.3);
      const fromArrays = precisionRecallDensityCoverage(real, fake, { k: 3 });
      const [rt, ft] = [tf.tensor2d(real), tf.tensor2d(fake)];
      const fromTensors = precisionRecallDensityCoverage(rt, ft, { k: 3 });
      // Tensors are float32: a distance tied with a radius could flip, so compare with a tolerance of a couple of points.
      for (const key of ['precision', 'recall', 'density', 'coverage'] as const) expect(Math.abs(fromTensors[key] - fromArrays[key])).toBeLessThan(0.02);
      expect(rt.isDisposed || ft.isDisposed).toBe(false);
      tf.dispose([rt, ft]);
    });
  });

  it('names the argument and what was expected on bad input', () => {
    expect(() => precisionRecallDensityCoverage([[0], [1]], [[0, 1], [1, 1]])).toThrow(/'generated' has dimension 2 but 'real' has 1/);
    expect(() => precisionRecallDensityCoverage([[0], [1], [2]], [[0], [1]], { k: 2 })).toThrow(/'k' must be below both set sizes \(real 3, generated 2\), got 2/);
    expect(() => precisionRecallDensityCoverage([[0], [1]], [[0], [1]], { k: 0 })).toThrow(/'k' must be an integer ≥ 1, got 0/);
    expect(() => precisionRecallDensityCoverage([], [[0]])).toThrow(/'real' is empty/);
    expect(() => precisionRecallDensityCoverage([[0], [NaN]], [[0], [1]])).toThrow(/'real' has a non-finite value/);
    // @ts-expect-error a typo in an option
    expect(() => precisionRecallDensityCoverage([[0], [1]], [[0], [1]], { K: 1 })).toThrow(/unknown option 'K'/);
  });
});
