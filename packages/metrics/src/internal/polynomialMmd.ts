/** Σ_k a_k b_k over d entries of two float64 rows (4 accumulators, so V8 can pipeline). */
function dot(x: Float64Array, i: number, y: Float64Array, j: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < d; k += 4) {
    s0 += x[i + k]! * y[j + k]!;
    s1 += x[i + k + 1]! * y[j + k + 1]!;
    s2 += x[i + k + 2]! * y[j + k + 2]!;
    s3 += x[i + k + 3]! * y[j + k + 3]!;
  }
  for (; k < d; k++) s0 += x[i + k]! * y[j + k]!;
  return s0 + s1 + s2 + s3;
}

/** The polynomial kernel (γ·t + c₀)^degree of a dot product t. */
function kernel(t: number, gamma: number, coef0: number, degree: number): number {
  const u = gamma * t + coef0;
  return degree === 3 ? u * u * u : u ** degree;
}

/**
 * Unbiased MMD² between two m-row sets X, Y (row-major float64, m ≥ 2) under
 * the polynomial kernel k(x, y) = (γ xᵀy + c₀)^degree:
 *
 *   MMD²_u = [Σ_{i≠j} k(x_i, x_j) + Σ_{i≠j} k(y_i, y_j)] / (m(m−1)) − 2 Σ_{i,j} k(x_i, y_j) / m²,
 *
 * the estimator of Bińkowski et al. 2018 (Eq. 4) as torch-fidelity's
 * `mmd2(…, mmd_est='unbiased')` computes it (the cross term keeps i = j).
 */
export function polynomialMmd(x: Float64Array, y: Float64Array, m: number, d: number, gamma: number, coef0: number, degree: number): number {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < m; i++) {
    const ri = i * d;
    for (let j = i + 1; j < m; j++) {
      xx += kernel(dot(x, ri, x, j * d, d), gamma, coef0, degree);
      yy += kernel(dot(y, ri, y, j * d, d), gamma, coef0, degree);
    }
    for (let j = 0; j < m; j++) xy += kernel(dot(x, ri, y, j * d, d), gamma, coef0, degree);
  }
  return (2 * (xx + yy)) / (m * (m - 1)) - (2 * xy) / (m * m);
}

/** Σ of (γ·g + c₀)^degree over a Gram block; with `offDiagonalOnly`, the block is square m × m and its diagonal is skipped. */
function kernelSum(gram: ArrayLike<number>, m: number, gamma: number, coef0: number, degree: number, offDiagonalOnly: boolean): number {
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const row = i * m;
    for (let j = 0; j < m; j++) {
      if (offDiagonalOnly && i === j) continue;
      sum += kernel(gram[row + j]!, gamma, coef0, degree);
    }
  }
  return sum;
}

/**
 * {@link polynomialMmd} from Gram matrices computed elsewhere (e.g. by a
 * float32 `tf.matMul`): `gxx` = XXᵀ, `gyy` = YYᵀ, `gxy` = XYᵀ, each m × m
 * row-major; the kernel and the sums are evaluated in float64.
 */
export function polynomialMmdFromGrams(
  gxx: ArrayLike<number>,
  gyy: ArrayLike<number>,
  gxy: ArrayLike<number>,
  m: number,
  gamma: number,
  coef0: number,
  degree: number,
): number {
  const xx = kernelSum(gxx, m, gamma, coef0, degree, true);
  const yy = kernelSum(gyy, m, gamma, coef0, degree, true);
  const xy = kernelSum(gxy, m, gamma, coef0, degree, false);
  return (xx + yy) / (m * (m - 1)) - (2 * xy) / (m * m);
}
