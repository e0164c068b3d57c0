import * as tf from '@tensorflow/tfjs';
import { assertTensor } from './validate.js';

/** How a labels tensor encodes classes, decided from its shape and dtype alone (no data is read). */
export type LabelEncoding = 'probabilities' | 'indices';

/**
 * Checks class logits [n, …, k] and their labels, and says how the labels
 * encode the classes: the same shape as the logits — one-hot rows (or any
 * probability vectors) — or int32 class indices of shape [n, …] or [n, …, 1].
 * Only shapes and dtypes are checked: indices outside 0…k−1 are not detected
 * (they would select no class).
 */
export function checkClassLabels(fn: string, logitsName: string, logits: unknown, labelsName: string, labels: unknown): LabelEncoding {
  assertTensor(fn, logitsName, logits);
  assertTensor(fn, labelsName, labels);
  if (logits.rank < 2) {
    throw new Error(`${fn}: '${logitsName}' must have a batch and a class axis ([n, k]), got shape [${logits.shape}]`);
  }
  if (tf.util.arraysEqual(labels.shape, logits.shape)) return 'probabilities';
  const positions = logits.shape.slice(0, -1);
  if (tf.util.arraysEqual(labels.shape, positions) || tf.util.arraysEqual(labels.shape, [...positions, 1])) {
    if (labels.dtype !== 'int32') {
      throw new Error(`${fn}: '${labelsName}' of shape [${labels.shape}] holds class indices and must be an int32 tensor, got ${labels.dtype}`);
    }
    return 'indices';
  }
  throw new Error(
    `${fn}: '${labelsName}' must be one-hot of the shape of '${logitsName}' [${logits.shape}] or int32 class indices ` +
      `of shape [${positions}] or [${[...positions, 1]}], got [${labels.shape}]`,
  );
}

/** The labels as float target distributions of the logits' shape. */
export function classTargets(logits: tf.Tensor, labels: tf.Tensor, encoding: LabelEncoding): tf.Tensor {
  const k = logits.shape[logits.rank - 1]!;
  if (encoding === 'probabilities') return tf.cast(labels, 'float32');
  // One-hot as int32, then cast: tfjs-backend-wasm 4.22's OneHot ignores the dtype argument
  // and writes int32 data into a float32 tensor (an on-value of 1 reads back as 1.4e-45).
  return tf.reshape(tf.cast(tf.oneHot(tf.reshape(labels, [-1]), k), 'float32'), logits.shape);
}

/**
 * Per-position log-likelihood Σ_j y_j·log softmax(l)_j of targets y under
 * class logits l (the class axis last), shape [n, …]. `tf.logSoftmax`
 * subtracts the maximum logit before exponentiating, so it is exact for any
 * logits.
 */
export function logLikelihood(logits: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  return tf.sum(tf.mul(targets, tf.logSoftmax(logits)), -1);
}
