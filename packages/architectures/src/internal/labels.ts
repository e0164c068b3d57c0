import * as tf from '@tensorflow/tfjs';
import { apply } from './apply.js';
import type { Initializers } from './initializers.js';

/**
 * How a class label enters a network. `'oneHot'`: a fixed one-hot vector
 * (Mirza & Osindero 2014); `'embedding'`: a learned vector per class
 * (`nn.Embedding`, trained with the network).
 */
export type LabelEncoding = 'oneHot' | 'embedding';
/** Every {@link LabelEncoding}, for checking options (the record makes the compiler check none is missing). */
export const LABEL_ENCODINGS = Object.keys({ oneHot: 0, embedding: 0 } satisfies Record<LabelEncoding, 0>) as LabelEncoding[];

/** The label input: one class index per sample, shape [batch, 1] (float or int). */
export function labelInput(): tf.SymbolicTensor {
  return tf.input({ shape: [1] });
}

/**
 * The label as a [batch, dim] code: one-hot (a frozen identity embedding, so
 * it is serializable and needs no custom layer) or a learned embedding.
 */
export function encodeLabel(
  label: tf.SymbolicTensor,
  numClasses: number,
  encoding: LabelEncoding,
  embeddingDim: number,
  init: Initializers,
): tf.SymbolicTensor {
  const layer =
    encoding === 'oneHot'
      ? tf.layers.embedding({
          inputDim: numClasses,
          outputDim: numClasses,
          embeddingsInitializer: tf.initializers.identity({ gain: 1 }),
          trainable: false,
        })
      : tf.layers.embedding({ inputDim: numClasses, outputDim: embeddingDim, embeddingsInitializer: init.embedding() });
  return apply(tf.layers.flatten(), apply(layer, label));
}

/** Tiles a [batch, dim] code over an image grid: [batch, height, width, dim] (label maps). */
export function labelMaps(code: tf.SymbolicTensor, height: number, width: number): tf.SymbolicTensor {
  const dim = code.shape[1] as number;
  const repeated = apply(tf.layers.repeatVector({ n: height * width }), code);
  return apply(tf.layers.reshape({ targetShape: [height, width, dim] }), repeated);
}
