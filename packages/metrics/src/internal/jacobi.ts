/** The result of {@link jacobiEigen}: eigenvalues in descending order and, if asked for, unit eigenvectors as rows. */
export interface JacobiResult {
  readonly values: Float64Array;
  /** Row j (`vectors[j·n + i]`, i = 0…n−1) is the eigenvector of `values[j]`. */
  readonly vectors: Float64Array | undefined;
  readonly sweeps: number;
}

/**
 * Cyclic Jacobi eigendecomposition of the symmetric n × n matrix `a`
 * (row-major float64, overwritten) — Golub & Van Loan, Matrix Computations,
 * Algorithms 8.5.1–8.5.3 (sym.schur2 and the cyclic-by-row sweep).
 *
 * Each rotation J(p, q, θ) zeroes a_pq: with τ = (a_qq − a_pp) / (2 a_pq),
 * t = tan θ = sign(τ) / (|τ| + √(1 + τ²)) (the smaller root, |θ| ≤ π/4),
 * c = 1 / √(1 + t²), s = t·c, then A ← JᵀAJ and V ← VJ. Rows and columns
 * p and q change; a_pp −= t·a_pq, a_qq += t·a_pq. The off-diagonal mass
 * off(A)² = Σ_{i≠j} a_ij² falls by 2·a_pq² per rotation, and the sweep
 * converges quadratically. An element is skipped (set to zero) when it is
 * below machine precision relative to both diagonal entries it couples
 * (Numerical Recipes §11.1), so a converged sweep performs no rotation.
 * Stops when off(A) ≤ tolerance·‖A‖_F or a sweep rotates nothing.
 */
export function jacobiEigen(a: Float64Array, n: number, wantVectors: boolean, tolerance: number, maxSweeps: number): JacobiResult {
  const v = wantVectors ? new Float64Array(n * n) : undefined;
  if (v !== undefined) for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let frob2 = 0;
  for (let i = 0; i < n * n; i++) frob2 += a[i]! * a[i]!;
  let sweeps = 0;
  const eps = Number.EPSILON;
  while (frob2 > 0) {
    let off2 = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off2 += 2 * a[p * n + q]! * a[p * n + q]!;
    if (off2 <= tolerance * tolerance * frob2) break;
    if (sweeps >= maxSweeps) {
      throw new Error(`symmetricEigen: no convergence after ${maxSweeps} sweeps (off-diagonal norm ${Math.sqrt(off2)}, Frobenius norm ${Math.sqrt(frob2)})`);
    }
    sweeps++;
    let rotations = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        if (Math.abs(apq) <= eps * 0.5 * Math.abs(app) && Math.abs(apq) <= eps * 0.5 * Math.abs(aqq)) {
          a[p * n + q] = 0;
          a[q * n + p] = 0;
          continue;
        }
        rotations++;
        const tau = (aqq - app) / (2 * apq);
        const t = tau >= 0 ? 1 / (tau + Math.sqrt(1 + tau * tau)) : -1 / (-tau + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        const rowP = p * n;
        const rowQ = q * n;
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = a[rowP + k]!;
          const akq = a[rowQ + k]!;
          const bkp = c * akp - s * akq;
          const bkq = s * akp + c * akq;
          a[rowP + k] = bkp;
          a[k * n + p] = bkp;
          a[rowQ + k] = bkq;
          a[k * n + q] = bkq;
        }
        a[rowP + p] = app - t * apq;
        a[rowQ + q] = aqq + t * apq;
        a[rowP + q] = 0;
        a[rowQ + p] = 0;
        if (v !== undefined) {
          // V is stored transposed (row j = eigenvector j), so V ← VJ updates rows p and q.
          for (let k = 0; k < n; k++) {
            const vp = v[rowP + k]!;
            const vq = v[rowQ + k]!;
            v[rowP + k] = c * vp - s * vq;
            v[rowQ + k] = s * vp + c * vq;
          }
        }
      }
    }
    if (rotations === 0) break;
  }
  return sortDescending(a, n, v, sweeps);
}

function sortDescending(a: Float64Array, n: number, v: Float64Array | undefined, sweeps: number): JacobiResult {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j]! - a[i * n + i]!);
  const values = Float64Array.from(order, (i) => a[i * n + i]!);
  let vectors: Float64Array | undefined;
  if (v !== undefined) {
    vectors = new Float64Array(n * n);
    order.forEach((from, to) => vectors!.set(v.subarray(from * n, from * n + n), to * n));
  }
  return { values, vectors, sweeps };
}
