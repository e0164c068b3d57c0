import { jacobiEigen } from './jacobi.js';

const SWEEPS = 50;
const TOLERANCE = 1e-14;

/** Tr √(Σ₁Σ₂) for checked, symmetric d × d float64 matrices (Σ₁ is overwritten). */
export function traceSqrtOfProduct(sigma1: Float64Array, sigma2: Float64Array, d: number): number {
  const { values, vectors } = jacobiEigen(sigma1, d, true, TOLERANCE, SWEEPS);
  // Rows of W^T: w_j = √λ_j v_j.
  const wt = vectors!;
  for (let j = 0; j < d; j++) {
    const r = Math.sqrt(Math.max(values[j]!, 0));
    for (let i = 0; i < d; i++) wt[j * d + i]! *= r;
  }
  // P = Wᵀ Σ₂ (d × d), then M = P W, i.e. M_jk = Σ_i P_ji (Wᵀ)_ki.
  const p = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < d; i++) {
      const w = wt[j * d + i]!;
      if (w === 0) continue;
      for (let k = 0; k < d; k++) p[j * d + k]! += w * sigma2[i * d + k]!;
    }
  }
  const m = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) {
      let sum = 0;
      for (let i = 0; i < d; i++) sum += p[j * d + i]! * wt[k * d + i]!;
      m[j * d + k] = sum;
    }
  }
  for (let j = 0; j < d; j++) for (let k = j + 1; k < d; k++) m[k * d + j] = m[j * d + k]!;
  const mu = jacobiEigen(m, d, false, TOLERANCE, SWEEPS).values;
  let trace = 0;
  for (let k = 0; k < d; k++) trace += Math.sqrt(Math.max(mu[k]!, 0));
  return trace;
}
