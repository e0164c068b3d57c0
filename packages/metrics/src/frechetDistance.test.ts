import { describe, expect, it } from 'vitest';
import { featureStatistics } from './featureStatistics.js';
import { frechetDistance } from './frechetDistance.js';
import { gaussianSamples, matMul, normals, randomOrthogonal, traceSqrtDenmanBeavers, withEigenvalues } from './testing/linearAlgebra.js';
import { traceSqrtProduct } from './traceSqrtProduct.js';

const flat = (rows: number[][]) => Float64Array.from(rows.flat());

/** Closed-form FID of N(μ₁, Σ₁), N(μ₂, Σ₂) in 2-D: Tr √M = √(tr M + 2√det M) for M = Σ₁Σ₂ (√μ₁ + √μ₂ squared). */
function fid2d(m1: number[], s1: number[][], m2: number[], s2: number[][]): number {
  const p = matMul(flat(s1), flat(s2), 2);
  const det = (s: number[][]) => s[0]![0]! * s[1]![1]! - s[0]![1]! * s[1]![0]!;
  const trSqrt = Math.sqrt(p[0]! + p[3]! + 2 * Math.sqrt(det(s1) * det(s2)));
  const mean = (m1[0]! - m2[0]!) ** 2 + (m1[1]! - m2[1]!) ** 2;
  return mean + s1[0]![0]! + s1[1]![1]! + s2[0]![0]! + s2[1]![1]! - 2 * trSqrt;
}

describe('featureStatistics', () => {
  it('gives the mean and the unbiased (n − 1) covariance', () => {
    const { mean, covariance, dim, count } = featureStatistics([[0, 0], [2, 0], [0, 2], [2, 2]]);
    expect([...mean]).toEqual([1, 1]);
    expect([...covariance]).toEqual([4 / 3, 0, 0, 4 / 3]);
    expect([dim, count]).toEqual([2, 4]);
  });

  it('throws for fewer than 2 rows or an empty set, naming the argument', () => {
    expect(() => featureStatistics([[1, 2]])).toThrow(/featureStatistics: 'features' needs at least 2 rows to estimate a covariance, got 1/);
    expect(() => featureStatistics({ x: new Float32Array(0), count: 0, shape: [4] })).toThrow(/'features' is empty/);
  });
});

describe('traceSqrtProduct', () => {
  it('is Σ √(a_i b_i) for commuting (diagonal) matrices', () => {
    expect(traceSqrtProduct([[4, 0], [0, 9]], [[1, 0], [0, 4]])).toBeCloseTo(8, 13);
  });

  it('matches the 2-D closed form √(tr Σ₁Σ₂ + 2√(det Σ₁ det Σ₂)) for non-commuting matrices', () => {
    const s1 = [[2, 0.8], [0.8, 1]];
    const s2 = [[0.5, -0.3], [-0.3, 3]];
    const p = matMul(flat(s1), flat(s2), 2);
    const expected = Math.sqrt(p[0]! + p[3]! + 2 * Math.sqrt((2 - 0.64) * (1.5 - 0.09)));
    expect(traceSqrtProduct(s1, s2)).toBeCloseTo(expected, 13);
  });

  it('matches a Denman–Beavers square root of the non-symmetric product Σ₁Σ₂ (d = 12)', () => {
    const d = 12;
    const s1 = withEigenvalues(randomOrthogonal(d, 11), Array.from({ length: d }, (_, i) => 0.1 + i));
    const s2 = withEigenvalues(randomOrthogonal(d, 12), Array.from({ length: d }, (_, i) => 3 / (1 + i)));
    const expected = traceSqrtDenmanBeavers(matMul(flat(s1), flat(s2), d), d);
    expect(Math.abs(traceSqrtProduct(s1, s2) - expected) / expected).toBeLessThan(1e-11);
  });

  it('is c·Tr Σ for Σ₂ = c² Σ₁, including a singular Σ', () => {
    const s = withEigenvalues(randomOrthogonal(6, 13), [5, 3, 1, 0.5, 0, 0]);
    expect(traceSqrtProduct(s, s.map((r) => r.map((v) => 4 * v)))).toBeCloseTo(2 * 9.5, 11);
  });

  it('throws when the sizes differ, naming both arguments', () => {
    expect(() => traceSqrtProduct([[1, 0], [0, 1]], [[1]])).toThrow(/traceSqrtProduct: 'sigma1' is 2 × 2 but 'sigma2' is 1 × 1/);
    expect(() => traceSqrtProduct([[1, 2]], [[1]])).toThrow(/'sigma1' must be square/);
  });
});

describe('frechetDistance', () => {
  it('is ≈ 0 for identical sets', () => {
    const x = Array.from({ length: 500 }, (_, i) => Array.from(normals(16, 100 + i)));
    expect(Math.abs(frechetDistance(x, x))).toBeLessThan(1e-9);
  });

  it('equals the closed form for Gaussian statistics given directly (2-D, non-commuting)', () => {
    const m1 = [1, -2];
    const s1 = [[2, 0.8], [0.8, 1]];
    const m2 = [0, 0.5];
    const s2 = [[0.5, -0.3], [-0.3, 3]];
    const stats = (mean: number[], cov: number[][]) => ({ mean: Float64Array.from(mean), covariance: flat(cov), dim: 2, count: 1000 });
    expect(frechetDistance(stats(m1, s1), stats(m2, s2))).toBeCloseTo(fid2d(m1, s1, m2, s2), 12);
  });

  it('matches the closed form for samples of two known Gaussians, within sampling error', () => {
    const m1 = [1, -2];
    const l1 = [[1.2, 0], [0.5, 0.7]];
    const m2 = [0, 0.5];
    const l2 = [[0.6, 0], [-0.4, 1.5]];
    const cov = (l: number[][]) => [[l[0]![0]! ** 2, l[0]![0]! * l[1]![0]!], [l[0]![0]! * l[1]![0]!, l[1]![0]! ** 2 + l[1]![1]! ** 2]];
    const expected = fid2d(m1, cov(l1), m2, cov(l2));
    const measured = frechetDistance(gaussianSamples(20000, m1, l1, 1), gaussianSamples(20000, m2, l2, 2));
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.02);
  });

  it('is ‖μ₁ − μ₂‖² when only the means differ', () => {
    const x = Array.from({ length: 300 }, (_, i) => Array.from(normals(8, 500 + i)));
    const shifted = x.map((r) => r.map((v, j) => v + (j === 0 ? 3 : 0)));
    expect(frechetDistance(x, shifted)).toBeCloseTo(9, 9);
  });

  it('throws for mismatched dimensions, empty sets and n < 2, naming the argument', () => {
    const a = [[1, 2], [3, 4], [5, 7]];
    expect(() => frechetDistance(a, [[1, 2, 3], [4, 5, 6]])).toThrow(/frechetDistance: 'a' has dimension 2 but 'b' has 3/);
    expect(() => frechetDistance(a, [])).toThrow(/frechetDistance: 'b' is empty/);
    expect(() => frechetDistance([[1, 2]], a)).toThrow(/frechetDistance: 'a' needs at least 2 rows/);
    expect(() => frechetDistance(a, { mean: new Float64Array(2), covariance: new Float64Array(3), dim: 2, count: 5 })).toThrow(/'b' statistics must have/);
  });
});
