import { initBackend } from '@gankit/backend';
import { NODE_BACKENDS, useBackend } from '@gankit/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelDistance } from './kernelDistance.js';
import { gaussianRows } from './testing/linearAlgebra.js';

beforeAll(async () => {
  await initBackend();
});

describe('kernelDistance', () => {
  it('matches a hand-computed unbiased MMD² (k = (xᵀy/2 + 1)³, one subset of both whole sets)', () => {
    // XX off-diagonal: k = 1 (twice) → 2/(2·1) = 1; YY likewise 1; XY: 3.375 + 1 + 3.375 + 1 = 8.75 → 2·8.75/4.
    const x = [[1, 0], [0, 1]];
    const y = [[1, 1], [0, 0]];
    for (const precision of ['float32', 'float64'] as const) {
      const kid = kernelDistance(x, y, { subsets: 3, subsetSize: 2, precision });
      expect(kid.mean).toBeCloseTo(1 + 1 - 4.375, 12);
      expect(kid.std).toBeCloseTo(0, 12);
    }
  });

  it('is ≈ 0 (−O(1/m)) for identical sets: the cross term counts each shared point with itself', () => {
    // With X = Y (subsets of the whole set), MMD²_u = 2S/(m(m−1)) − 2(S + D)/m², S = Σ_{i≠j} k(x_i, x_j), D = Σ_i k(x_i, x_i).
    const m = 300;
    const x = gaussianRows(m, 16, 1);
    const k = (a: number[], b: number[]) => (a.reduce((s, v, i) => s + v * b[i]!, 0) / 16 + 1) ** 3;
    let offDiagonal = 0;
    let diagonal = 0;
    x.forEach((a, i) => x.forEach((b, j) => (i === j ? (diagonal += k(a, b)) : (offDiagonal += k(a, b)))));
    const expected = (2 * offDiagonal) / (m * (m - 1)) - (2 * (offDiagonal + diagonal)) / (m * m);
    const same = kernelDistance(x, x, { subsets: 2, subsetSize: m, precision: 'float64' });
    expect(same.mean).toBeCloseTo(expected, 12);
    expect(same.mean).toBeLessThan(0);
    expect(Math.abs(same.mean)).toBeLessThan((2 * diagonal) / m / m);
    const shifted = kernelDistance(x, gaussianRows(m, 16, 2, 0.5), { subsets: 2, subsetSize: m });
    expect(shifted.mean).toBeGreaterThan(10 * Math.abs(same.mean));
  });

  it('is ≈ 0 for two samples of one distribution (unbiased)', () => {
    const kid = kernelDistance(gaussianRows(600, 8, 3), gaussianRows(600, 8, 4), { subsets: 30, subsetSize: 300 });
    expect(Math.abs(kid.mean)).toBeLessThan(4 * kid.std / Math.sqrt(30) + 1e-3);
  });

  it('gives the same subsets, and nearly the same values, with float32 Gram matrices and in float64', () => {
    const x = gaussianRows(300, 32, 5);
    const y = gaussianRows(300, 32, 6, 0.2);
    const f32 = kernelDistance(x, y, { subsets: 4, subsetSize: 250, seed: 7 });
    const f64 = kernelDistance(x, y, { subsets: 4, subsetSize: 250, seed: 7, precision: 'float64' });
    f32.values.forEach((v, i) => expect(Math.abs(v - f64.values[i]!) / Math.abs(f64.values[i]!)).toBeLessThan(1e-4));
  });

  it('gives the same values with the Gram matrices on the cpu and wasm backends', async () => {
    const x = gaussianRows(200, 24, 12);
    const y = gaussianRows(200, 24, 13, 0.3);
    const results: Float64Array[] = [];
    for (const backend of NODE_BACKENDS) {
      await useBackend(backend);
      results.push(kernelDistance(x, y, { subsets: 3, subsetSize: 150 }).values);
    }
    await useBackend('wasm');
    results[0]!.forEach((v, i) => expect(Math.abs(v - results[1]![i]!) / Math.abs(v)).toBeLessThan(1e-4));
  });

  it('is deterministic in its seed', () => {
    const x = gaussianRows(120, 4, 8);
    const y = gaussianRows(120, 4, 9);
    expect([...kernelDistance(x, y, { subsets: 3, subsetSize: 50, seed: 1 }).values]).toEqual([
      ...kernelDistance(x, y, { subsets: 3, subsetSize: 50, seed: 1 }).values,
    ]);
  });

  it('throws for mismatched dimensions, empty sets and sets smaller than the subset, naming the argument', () => {
    const x = gaussianRows(50, 4, 10);
    expect(() => kernelDistance(x, gaussianRows(50, 3, 11), { subsetSize: 10 })).toThrow(/kernelDistance: 'b' has dimension 3 but 'a' has 4/);
    expect(() => kernelDistance([], x)).toThrow(/kernelDistance: 'a' is empty/);
    expect(() => kernelDistance(x, x)).toThrow(/'a' has 50 rows, fewer than 'subsetSize' 1000/);
    expect(() => kernelDistance(x, x.slice(0, 5), { subsetSize: 10 })).toThrow(/'b' has 5 rows, fewer than 'subsetSize' 10/);
    expect(() => kernelDistance(x, x, { subsetSize: 1 })).toThrow(/'subsetSize' must be an integer ≥ 2/);
  });
});
