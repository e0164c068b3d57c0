import type { MatrixLike } from './matrixLike.js';
import { jacobiEigen } from './internal/jacobi.js';
import { symmetrize, toMatrix } from './internal/matrix.js';
import { checkInt, checkOneOf, checkOptions, checkPositive } from './internal/validate.js';

/** Options of {@link symmetricEigen}. */
export interface SymmetricEigenOptions {
  /** Compute the eigenvectors too (default true). */
  vectors?: boolean;
  /** Stop when the off-diagonal Frobenius norm is at most `tolerance` × ‖A‖_F (default 1e-14). */
  tolerance?: number;
  /** Give up (throw) after this many sweeps (default 50; 6–12 is typical). */
  maxSweeps?: number;
  /** How far from symmetric the input may be, relative to its largest entry (default 1e-8); it is then symmetrized. */
  symmetryTolerance?: number;
}

/**
 * The result of {@link symmetricEigen}.
 *
 * @example
 * ```ts
 * const { values, vectors, n } = symmetricEigen(covariance);
 * const top = vectors!.subarray(0, n); // eigenvector of values[0]
 * ```
 */
export interface SymmetricEigen {
  /** The eigenvalues λ_0 ≥ λ_1 ≥ … ≥ λ_{n−1}. */
  readonly values: Float64Array;
  /**
   * The unit eigenvectors, n × n row-major with **row j** (`vectors[j·n + i]`)
   * the eigenvector of `values[j]` — the transpose of numpy's `eigh` layout.
   * Absent when `vectors: false`.
   */
  readonly vectors?: Float64Array;
  /** The matrix size n. */
  readonly n: number;
  /** The Jacobi sweeps performed. */
  readonly sweeps: number;
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix in float64, by the
 * cyclic Jacobi method (Jacobi 1846; Golub & Van Loan, *Matrix Computations*,
 * §8.5). tfjs has no eigendecomposition, and float32 is too coarse for the
 * matrix square roots of the Fréchet distance, so this is plain JavaScript.
 *
 * A = V Λ Vᵀ is reached by plane rotations A ← JᵀAJ, each zeroing one
 * off-diagonal pair (p, q) with t = tan θ = sign(τ)/(|τ| + √(1 + τ²)),
 * τ = (a_qq − a_pp)/(2a_pq), swept row by row until the off-diagonal norm is
 * below `tolerance`·‖A‖_F. Converges quadratically; in the tests every
 * eigenvalue, repeated and zero ones included, is within 1e-13·‖A‖ of the
 * truth. Cost ≈ 10–12 sweeps × 3n³ flops: 0.1–0.2 s for n = 128 on one core.
 *
 * @param matrix - an n × n symmetric matrix (a `number[][]`, a rank-2 tensor, or `{ x, count, shape }`).
 * @param options - `vectors` (true), `tolerance` (1e-14), `maxSweeps` (50), `symmetryTolerance` (1e-8).
 * @returns the eigenvalues in descending order and, unless `vectors: false`, the eigenvectors as rows.
 * @throws if `matrix` is not square, not finite, or not symmetric within `symmetryTolerance`.
 *
 * @example
 * ```ts
 * const { values, vectors } = symmetricEigen([[2, 1], [1, 2]]);
 * values;  // Float64Array [3, 1]
 * vectors; // row 0 ≈ ±[0.707, 0.707], row 1 ≈ ±[−0.707, 0.707]
 * ```
 */
export function symmetricEigen(matrix: MatrixLike, options: SymmetricEigenOptions = {}): SymmetricEigen {
  const fn = 'symmetricEigen';
  checkOptions(fn, options, ['vectors', 'tolerance', 'maxSweeps', 'symmetryTolerance']);
  const wantVectors = checkOneOf(fn, 'vectors', options.vectors ?? true, [true, false]);
  const tolerance = checkPositive(fn, 'tolerance', options.tolerance ?? 1e-14);
  const maxSweeps = checkInt(fn, 'maxSweeps', options.maxSweeps ?? 50);
  const symmetryTolerance = checkPositive(fn, 'symmetryTolerance', options.symmetryTolerance ?? 1e-8);
  const m = toMatrix(fn, 'matrix', matrix);
  if (m.rows !== m.cols) throw new RangeError(`${fn}: 'matrix' must be square, got ${m.rows} × ${m.cols}`);
  const a = symmetrize(fn, 'matrix', m.data, m.rows, symmetryTolerance);
  const { values, vectors, sweeps } = jacobiEigen(a, m.rows, wantVectors, tolerance, maxSweeps);
  return vectors === undefined ? { values, n: m.rows, sweeps } : { values, vectors, n: m.rows, sweeps };
}
