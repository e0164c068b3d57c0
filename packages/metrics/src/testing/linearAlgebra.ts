import { mulberry32 } from '@gankit/test-utils';

/** Standard normal draws from a seeded uniform (Box–Muller). */
export function normals(n: number, seed: number): Float64Array {
  const u = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const t = 2 * Math.PI * u();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

/** n rows of d standard normals (row i seeded with seed · 100,000 + i), each shifted by `shift`. */
export function gaussianRows(n: number, d: number, seed: number, shift = 0): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(normals(d, seed * 100_000 + i), (v) => v + shift));
}

/** A random orthogonal n × n matrix (modified Gram–Schmidt on Gaussian columns), row-major. */
export function randomOrthogonal(n: number, seed: number): Float64Array {
  const g = normals(n * n, seed);
  const q = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const v = Float64Array.from({ length: n }, (_, i) => g[i * n + j]!);
    for (let k = 0; k < j; k++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += q[i * n + k]! * v[i]!;
      for (let i = 0; i < n; i++) v[i]! -= dot * q[i * n + k]!;
    }
    const norm = Math.hypot(...v);
    for (let i = 0; i < n; i++) q[i * n + j] = v[i]! / norm;
  }
  return q;
}

/** Q diag(λ) Qᵀ as rows, the symmetric matrix with eigenvalues λ and eigenvectors the columns of Q. */
export function withEigenvalues(q: Float64Array, lambda: readonly number[]): number[][] {
  const n = lambda.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[i * n + k]! * lambda[k]! * q[j * n + k]!;
      return s;
    }),
  );
}

/** A · B for square row-major matrices. */
export function matMul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) c[i * n + j]! += a[i * n + k]! * b[k * n + j]!;
  return c;
}

/** A⁻¹ by Gauss–Jordan elimination with partial pivoting. */
export function inverse(a: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[p * n + c]!)) p = r;
    for (const x of [m, inv]) for (let j = 0; j < n; j++) [x[c * n + j], x[p * n + j]] = [x[p * n + j]!, x[c * n + j]!];
    const pivot = m[c * n + c]!;
    for (const x of [m, inv]) for (let j = 0; j < n; j++) x[c * n + j]! /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c]!;
      for (const x of [m, inv]) for (let j = 0; j < n; j++) x[r * n + j]! -= f * x[c * n + j]!;
    }
  }
  return inv;
}

/**
 * Tr √A of a (non-symmetric) matrix with positive eigenvalues by the
 * Denman–Beavers iteration Y ← ½(Y + Z⁻¹), Z ← ½(Z + Y⁻¹) → (√A, √A⁻¹):
 * an independent check of the Jacobi route, close to what scipy's sqrtm computes.
 */
export function traceSqrtDenmanBeavers(a: Float64Array, n: number, iterations = 60): number {
  let y = Float64Array.from(a);
  let z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  for (let k = 0; k < iterations; k++) {
    const yi = inverse(y, n);
    const zi = inverse(z, n);
    y = y.map((v, i) => 0.5 * (v + zi[i]!));
    z = z.map((v, i) => 0.5 * (v + yi[i]!));
  }
  let trace = 0;
  for (let i = 0; i < n; i++) trace += y[i * n + i]!;
  return trace;
}

/** n samples of N(μ, L Lᵀ) as rows. */
export function gaussianSamples(n: number, mean: readonly number[], cholesky: readonly (readonly number[])[], seed: number): number[][] {
  const d = mean.length;
  const e = normals(n * d, seed);
  return Array.from({ length: n }, (_, r) =>
    Array.from({ length: d }, (_, i) => {
      let s = mean[i]!;
      for (let k = 0; k <= i; k++) s += cholesky[i]![k]! * e[r * d + k]!;
      return s;
    }),
  );
}
