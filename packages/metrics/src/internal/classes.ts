import * as tf from '@tensorflow/tfjs';
import type { MatrixLike } from '../matrixLike.js';
import type { Matrix } from './matrix.js';
import { toMatrix } from './matrix.js';
import { show } from './validate.js';

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

/**
 * The values of integer labels given as an array (or typed array) or a
 * rank-1 tensor; `scoresToo` adds the n × K class-score form to the errors'
 * list of what is accepted.
 */
function labelValues(fn: string, name: string, labels: unknown, scoresToo: boolean): ArrayLike<number> {
  if (labels instanceof tf.Tensor) {
    if (labels.isDisposed) throw new Error(`${fn}: '${name}' has been disposed`);
    if (labels.rank !== 1) {
      throw new RangeError(`${fn}: '${name}' must be a rank-1 tensor of class indices${scoresToo ? ' or a rank-2 tensor of class scores' : ''}, got shape [${labels.shape.join(', ')}]`);
    }
    return labels.dataSync() as ArrayLike<number>;
  }
  if (labels !== null && typeof labels === 'object' && typeof (labels as ArrayLike<number>).length === 'number') return labels as ArrayLike<number>;
  throw new TypeError(`${fn}: '${name}' must be an array or tensor of class indices${scoresToo ? ', or n × K class scores' : ''}, got ${labels === null ? 'null' : typeof labels}`);
}

/**
 * The values as class indices: integers in 0…limit−1 (any integer ≥ 0 when
 * `limit` is undefined), with the largest; an error names the first bad entry.
 */
function checkedIndices(fn: string, name: string, values: ArrayLike<number>, limit: number | undefined): { indices: Int32Array; max: number } {
  const indices = new Int32Array(values.length);
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= (limit ?? Infinity) || v > 0x7fffffff) {
      const range = limit === undefined ? 'an integer ≥ 0' : `a class index in 0…${limit - 1}`;
      throw new RangeError(`${fn}: '${name}[${i}]' must be ${range}, got ${show(v)}`);
    }
    indices[i] = v;
    if (v > max) max = v;
  }
  return { indices, max };
}

/** Integer labels 0…k−1, one per row, from an array or a rank-1 tensor; errors name the argument. */
export function toLabels(fn: string, name: string, labels: ArrayLike<number> | tf.Tensor, rows: number, k: number): Int32Array {
  const values = labelValues(fn, name, labels, false);
  if (values.length !== rows) throw new RangeError(`${fn}: '${name}' has ${values.length} labels but there are ${rows} predictions; they must match`);
  return checkedIndices(fn, name, values, k).indices;
}

/** Class indices and how many classes there are: the result of {@link toClassIndices}. */
export interface ClassIndices {
  readonly indices: Int32Array;
  readonly numClasses: number;
}

/**
 * Class indices from integer labels (an array, typed array or rank-1 tensor)
 * or from n × K class scores (a rank ≥ 2 tensor, an array of rows or a
 * `{ x, count, shape }`; the arg max of each row, the lower class on ties).
 * The number of classes is K for scores, else `numClasses` if given, else
 * the largest index + 1. Errors name `fn`, `name` and `optionName`.
 */
export function toClassIndices(fn: string, name: string, input: ArrayLike<number> | MatrixLike, numClasses: number | undefined, optionName: string): ClassIndices {
  const isScores =
    input instanceof tf.Tensor
      ? input.rank >= 2
      : Array.isArray(input)
        ? input.length > 0 && input[0] !== null && typeof input[0] === 'object'
        : input !== null && typeof input === 'object' && 'x' in input && 'count' in input && 'shape' in input;
  if (isScores) {
    const m = toMatrix(fn, name, input as MatrixLike);
    if (numClasses !== undefined && numClasses !== m.cols) {
      throw new RangeError(`${fn}: '${optionName}' is ${numClasses} but '${name}' has ${m.cols} columns (class scores); they must match`);
    }
    return { indices: argmaxRows(m), numClasses: m.cols };
  }
  const values = labelValues(fn, name, input, true);
  if (values.length === 0) throw new RangeError(`${fn}: '${name}' is empty`);
  const { indices, max } = checkedIndices(fn, name, values, numClasses);
  return { indices, numClasses: numClasses ?? max + 1 };
}
