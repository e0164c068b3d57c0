import { checkInt } from './internal/validate.js';

/**
 * One-hot encodes integer labels: row `i` has a 1 in column `labels[i]`.
 *
 * @param labels - integer labels in `0…numClasses−1`.
 * @param numClasses - the number of classes (columns).
 * @returns a `Float32Array` of `labels.length × numClasses` values, row-major.
 * @throws RangeError naming the first label outside `0…numClasses−1`.
 *
 * @example
 * ```ts
 * toOneHot(Int32Array.of(2, 0), 3); // Float32Array [0,0,1, 1,0,0]
 * ```
 */
export function toOneHot(labels: ArrayLike<number>, numClasses: number): Float32Array {
  checkInt('toOneHot', 'numClasses', numClasses);
  const out = new Float32Array(labels.length * numClasses);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw new RangeError(`toOneHot: label ${label} at index ${i} is outside 0…${numClasses - 1}`);
    }
    out[i * numClasses + label] = 1;
  }
  return out;
}
