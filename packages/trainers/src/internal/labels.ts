import * as tf from '@tensorflow/tfjs';
import { optionError } from './validate.js';

/** How class labels are fed to the networks: an index `[n, 1]` (for embedding layers) or one-hot `[n, numClasses]`. */
export type LabelFormat = 'index' | 'oneHot';

/** The label input width of a conditional model (its second input): 1 → index, numClasses → one-hot. */
export function detectLabelFormat(owner: string, option: string, model: tf.LayersModel, numClasses: number): LabelFormat {
  const shape = model.inputs[1]!.shape.slice(1);
  if (shape.length === 1 && shape[0] === 1) return 'index';
  if (shape.length === 1 && shape[0] === numClasses) return 'oneHot';
  throw optionError(
    owner,
    option,
    `must take [noise or sample, label] with the label input of shape [1] (a class index) or [${numClasses}] (one-hot, numClasses), but its second input is [${shape.join(',')}]`,
  );
}

/**
 * Converts labels as datasets and users give them — indices `[n]` / `[n, 1]`
 * (int or float), one-hot `[n, numClasses]`, or a number array — to the
 * networks' format. Call inside `tf.tidy`.
 */
export function toNetworkLabels(labels: tf.Tensor | readonly number[], numClasses: number, format: LabelFormat, who: string): tf.Tensor {
  const t = Array.isArray(labels) ? tf.tensor1d(labels as number[], 'int32') : (labels as tf.Tensor);
  const isOneHot = t.rank === 2 && t.shape[1] === numClasses && numClasses > 1;
  const isIndex = t.rank === 1 || (t.rank === 2 && t.shape[1] === 1);
  if (!isOneHot && !isIndex) {
    throw new Error(`${who}: labels must be class indices [n] or [n, 1], or one-hot [n, ${numClasses}]; got shape [${t.shape.join(',')}]`);
  }
  if (format === 'oneHot') {
    return isOneHot ? tf.cast(t, 'float32') : tf.oneHot(tf.cast(tf.reshape(t, [-1]), 'int32'), numClasses).toFloat();
  }
  return isOneHot ? tf.cast(tf.reshape(tf.argMax(t, 1), [-1, 1]), 'float32') : tf.cast(tf.reshape(t, [-1, 1]), 'float32');
}
