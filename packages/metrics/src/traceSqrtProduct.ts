import type { MatrixLike } from './matrixLike.js';
import { symmetrize, toMatrix } from './internal/matrix.js';
import { traceSqrtOfProduct } from './internal/traceSqrt.js';

/**
 * Tr √(Σ₁Σ₂) for symmetric positive semi-definite Σ₁, Σ₂ — the cross term of
 * the Fréchet distance — computed as torch-fidelity does, from the
 * eigenvalues of the product: Tr √(Σ₁Σ₂) = Σ_k √μ_k over the eigenvalues μ_k
 * of Σ₁Σ₂ (torch-fidelity: `np.sqrt(np.linalg.eigvals(σ1 @ σ2) + 0j).real.sum()`,
 * so an eigenvalue that rounding pushed below zero contributes 0).
 *
 * Σ₁Σ₂ is not symmetric, so its eigenvalues are taken from a symmetric matrix
 * with the same spectrum, where the float64 Jacobi method applies:
 *
 *   Σ₁ = V Λ Vᵀ (Jacobi; negative rounding eigenvalues clamped to 0),
 *   W = V Λ^½, so Σ₁ = W Wᵀ, and
 *   Σ₁Σ₂ = W (Wᵀ Σ₂)  has the eigenvalues of  (Wᵀ Σ₂) W = Λ^½ Vᵀ Σ₂ V Λ^½
 *
 * (AB and BA share their non-zero eigenvalues). Λ^½ Vᵀ Σ₂ V Λ^½ is
 * orthogonally similar to √Σ₁ Σ₂ √Σ₁, symmetric and PSD; a second Jacobi run
 * gives its eigenvalues μ_k ≥ 0 (clamped at 0), and the trace is Σ_k √μ_k.
 * Cost: two d × d Jacobi decompositions and two d³ products (≈ 0.3 s for d = 128).
 *
 * @param sigma1 - Σ₁, a d × d symmetric PSD matrix (`number[][]`, a rank-2 tensor, or `{ x, count, shape }`).
 * @param sigma2 - Σ₂, the same size.
 * @returns Tr √(Σ₁Σ₂) ≥ 0.
 * @throws if either is not square, not symmetric, not finite, or their sizes differ.
 *
 * @example
 * ```ts
 * traceSqrtProduct([[4, 0], [0, 9]], [[1, 0], [0, 4]]); // √4 + √36 = 8
 * ```
 */
export function traceSqrtProduct(sigma1: MatrixLike, sigma2: MatrixLike): number {
  const fn = 'traceSqrtProduct';
  const a = toMatrix(fn, 'sigma1', sigma1);
  const b = toMatrix(fn, 'sigma2', sigma2);
  if (a.rows !== a.cols) throw new RangeError(`${fn}: 'sigma1' must be square, got ${a.rows} × ${a.cols}`);
  if (b.rows !== b.cols) throw new RangeError(`${fn}: 'sigma2' must be square, got ${b.rows} × ${b.cols}`);
  if (a.rows !== b.rows) throw new RangeError(`${fn}: 'sigma1' is ${a.rows} × ${a.rows} but 'sigma2' is ${b.rows} × ${b.rows}; they must match`);
  const d = a.rows;
  return traceSqrtOfProduct(symmetrize(fn, 'sigma1', a.data, d, 1e-8), symmetrize(fn, 'sigma2', b.data, d, 1e-8), d);
}
