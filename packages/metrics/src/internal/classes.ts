import * as tf from '@tensorflow/tfjs';
import type { Matrix } from './matrix.js';

/** The index of each row's largest entry (the first, on ties). */
export function argmaxRows(m: Matrix): Int32Array {
  const { data, rows, cols } = m;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let max = data[r * cols]!;
    for (let c = 1; c < cols; c++) {
      const v = data[r * cols + c]!;
      if (v > max) {
        max = v;
        best = c;
      }
    }
    out[r] = best;
  }
  return out;
}

/** How often each of `k` values occurs in `labels`. */
export function histogram(labels: Int32Array, k: number): Int32Array {
  const counts = new Int32Array(k);
  for (const l of labels) counts[l]!++;
  return counts;
}

/**
 * KL(p̂ ‖ U) in nats of the histogram p̂_k = c_k / Σc against the uniform
 * distribution over its K bins: Σ_k p̂_k log(K p̂_k) = log K − H(p̂), with
 * 0 · log 0 = 0, so empty bins are allowed. 0 iff the counts are all equal;
 * log K when everything is in one bin (the maximum). An all-zero histogram
 * has no distribution: +∞.
 */
export function klToUniform(counts: ArrayLike<number>): number {
  const k = counts.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += counts[i]!;
  if (total === 0) return Infinity;
  let kl = 0;
  for (let i = 0; i < k; i++) {
    const p = counts[i]! / total;
    if (p > 0) kl += p * Math.log(k * p);
  }
  return Math.max(kl, 0);
}

/** Integer labels 0…k−1, one per row, from an array or a rank-1 tensor; errors name the argument. */
export function toLabels(fn: string, name: string, labels: ArrayLike<number> | tf.Tensor, rows: number, k: number): Int32Array {
  let values: ArrayLike<number>;
  if (labels instanceof tf.Tensor) {
    if (labels.isDisposed) throw new Error(`${fn}: '${name}' has been disposed`);
    if (labels.rank !== 1) throw new RangeError(`${fn}: '${name}' must be a rank-1 tensor of class indices, got shape [${labels.shape.join(', ')}]`);
    values = labels.dataSync() as ArrayLike<number>;
  } else if (labels !== null && typeof labels === 'object' && typeof labels.length === 'number') {
    values = labels;
  } else {
    throw new TypeError(`${fn}: '${name}' must be an array or tensor of class indices, got ${labels === null ? 'null' : typeof labels}`);
  }
  if (values.length !== rows) throw new RangeError(`${fn}: '${name}' has ${values.length} labels but there are ${rows} predictions; they must match`);
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= k) throw new RangeError(`${fn}: '${name}[${i}]' must be a class index in 0…${k - 1}, got ${v}`);
    out[i] = v;
  }
  return out;
}
