import type * as tf from '@tensorflow/tfjs';
import type { ClassAccuracy } from '../conditionalAccuracy.js';
import type { MatrixLike } from '../matrixLike.js';
import { argmaxRows, toLabels } from './classes.js';
import { toMatrix } from './matrix.js';

/** Accuracy of arg-max predictions against `labels`, overall and per class (NaN for a class with no example). */
export function accuracyOf(fn: string, probabilities: MatrixLike, labelName: string, labels: ArrayLike<number> | tf.Tensor): ClassAccuracy {
  const m = toMatrix(fn, 'probabilities', probabilities);
  const truth = toLabels(fn, labelName, labels, m.rows, m.cols);
  const predicted = argmaxRows(m);
  const counts = new Int32Array(m.cols);
  const correctPerClass = new Int32Array(m.cols);
  let correct = 0;
  for (let i = 0; i < m.rows; i++) {
    const y = truth[i]!;
    counts[y]!++;
    if (predicted[i] === y) {
      correct++;
      correctPerClass[y]!++;
    }
  }
  const perClass = Float64Array.from(counts, (n, k) => (n === 0 ? NaN : correctPerClass[k]! / n));
  return { accuracy: correct / m.rows, perClass, counts, count: m.rows };
}
