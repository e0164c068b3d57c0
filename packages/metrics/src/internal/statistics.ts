import type { FeatureStatistics } from '../featureStatistics.js';
import type { MatrixLike } from '../matrixLike.js';
import { toMatrix } from './matrix.js';

/** {@link featureStatistics} with errors that name the caller and its argument. */
export function statisticsOf(fn: string, name: string, features: MatrixLike): FeatureStatistics {
  const { data, rows: n, cols: d } = toMatrix(fn, name, features);
  if (n < 2) throw new RangeError(`${fn}: '${name}' needs at least 2 rows to estimate a covariance, got ${n}`);
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let j = 0; j < d; j++) mean[j]! += data[r * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= n;
  const covariance = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) centred[j] = data[r * d + j]! - mean[j]!;
    for (let i = 0; i < d; i++) {
      const ci = centred[i]!;
      if (ci === 0) continue;
      const row = i * d;
      for (let j = i; j < d; j++) covariance[row + j]! += ci * centred[j]!;
    }
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const c = covariance[i * d + j]! / (n - 1);
      covariance[i * d + j] = c;
      covariance[j * d + i] = c;
    }
  }
  return { mean, covariance, dim: d, count: n };
}
