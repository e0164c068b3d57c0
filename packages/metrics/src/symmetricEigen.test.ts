import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { randomOrthogonal, withEigenvalues } from './testing/linearAlgebra.js';
import { symmetricEigen } from './symmetricEigen.js';

/** max |A v_j − λ_j v_j| and max |V Vᵀ − I|. */
function residuals(a: number[][], values: Float64Array, vectors: Float64Array): { eig: number; orth: number } {
  const n = values.length;
  let eig = 0;
  let orth = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let av = 0;
      for (let k = 0; k < n; k++) av += a[i]![k]! * vectors[j * n + k]!;
      eig = Math.max(eig, Math.abs(av - values[j]! * vectors[j * n + i]!));
    }
    for (let l = 0; l < n; l++) {
      let dot = 0;
      for (let k = 0; k < n; k++) dot += vectors[j * n + k]! * vectors[l * n + k]!;
      orth = Math.max(orth, Math.abs(dot - (j === l ? 1 : 0)));
    }
  }
  return { eig, orth };
}

function expectEigenvalues(lambda: number[], seed: number, tol: number): void {
  const a = withEigenvalues(randomOrthogonal(lambda.length, seed), lambda);
  const { values, vectors } = symmetricEigen(a);
  const expected = [...lambda].sort((x, y) => y - x);
  const scale = Math.max(...lambda.map(Math.abs));
  values.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(tol * scale));
  const r = residuals(a, values, vectors!);
  expect(r.eig).toBeLessThanOrEqual(tol * scale);
  expect(r.orth).toBeLessThanOrEqual(1e-12);
}

describe('symmetricEigen', () => {
  it('finds distinct eigenvalues of Q diag(λ) Qᵀ for a random orthogonal Q', () => {
    expectEigenvalues([9, 4.5, 2, 1, 0.5, 0.25, -1, -3], 1, 1e-13);
  });

  it('finds repeated eigenvalues, with an orthonormal basis of the repeated eigenspace', () => {
    expectEigenvalues([5, 5, 5, 2, 2, 1], 2, 1e-13);
  });

  it('finds zero and near-zero eigenvalues (a rank-deficient covariance)', () => {
    expectEigenvalues([3, 1, 1e-6, 1e-12, 0, 0, 0], 3, 1e-13);
  });

  it('handles a diagonal, a 1 × 1, and a zero matrix', () => {
    expect([...symmetricEigen([[1, 0, 0], [0, 3, 0], [0, 0, 2]]).values]).toEqual([3, 2, 1]);
    expect([...symmetricEigen([[-2]]).values]).toEqual([-2]);
    const zero = symmetricEigen([[0, 0], [0, 0]]);
    expect([...zero.values]).toEqual([0, 0]);
    expect(zero.sweeps).toBe(0);
  });

  it('solves the 2 × 2 example of its doc comment', () => {
    const { values, vectors } = symmetricEigen([[2, 1], [1, 2]]);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors![0]!)).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('accepts a tensor and can skip the eigenvectors', () => {
    const t = tf.tensor2d([[4, 1], [1, 4]]);
    const result = symmetricEigen(t, { vectors: false });
    expect(result.vectors).toBeUndefined();
    expect([...result.values].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([5, 3]);
    t.dispose();
  });

  it('decomposes a 128 × 128 covariance-like matrix in a few cyclic sweeps', () => {
    const n = 128;
    const lambda = Array.from({ length: n }, (_, i) => (i < 100 ? 10 * Math.exp(-i / 10) : 0));
    const a = withEigenvalues(randomOrthogonal(n, 4), lambda);
    const { values, sweeps } = symmetricEigen(a);
    // Cyclic Jacobi converges quadratically: about 10 sweeps at this size (its cost, counted, not timed).
    expect(sweeps).toBeLessThanOrEqual(15);
    const expected = [...lambda].sort((x, y) => y - x);
    values.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-12));
  });

  it('throws on a non-square, non-symmetric, non-finite or empty matrix, naming the argument', () => {
    expect(() => symmetricEigen([[1, 2, 3], [4, 5, 6]])).toThrow(/symmetricEigen: 'matrix' must be square, got 2 × 3/);
    expect(() => symmetricEigen([[1, 2], [3, 1]])).toThrow(/'matrix' must be symmetric/);
    expect(() => symmetricEigen([[1, NaN], [NaN, 1]])).toThrow(/'matrix' has a non-finite value/);
    expect(() => symmetricEigen([])).toThrow(/'matrix' is empty/);
    expect(() => symmetricEigen([[1]], { maxSweeps: 0 })).toThrow(/'maxSweeps' must be an integer ≥ 1/);
    expect(() => symmetricEigen([[1]], { tol: 1 } as never)).toThrow(/unknown option 'tol'/);
  });
});
