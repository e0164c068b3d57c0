import type * as tf from '@tensorflow/tfjs';

/**
 * `count` rows stored flat, row-major, each of `shape` (its values are
 * flattened into one row): the `Examples` form of `@gankit/datasets`
 * (`{ x, count, shape }`), and the form {@link ReferenceClassifier.classify}
 * returns features and probabilities in.
 *
 * @example
 * ```ts
 * const features: FlatMatrix = { x: new Float32Array(6), count: 3, shape: [2] };
 * ```
 */
export interface FlatMatrix {
  /** The values, `count × prod(shape)`, row-major. */
  readonly x: ArrayLike<number>;
  /** The number of rows. */
  readonly count: number;
  /** The shape of one row (its product is the number of columns). */
  readonly shape: readonly number[];
}

/**
 * Any n × d set of row vectors the metrics accept: a tensor of rank ≥ 2
 * (the first axis is n; the rest are flattened into d), an array of rows
 * (`number[][]`, typed arrays), or a {@link FlatMatrix}. Values are copied
 * into float64 and must be finite; tensors are read, never disposed.
 *
 * @example
 * ```ts
 * const a: MatrixLike = [[0, 1], [1, 0]];
 * const b: MatrixLike = tf.randomNormal([100, 64]);
 * const c: MatrixLike = ringOfGaussians().sample(2500, 0); // Examples of shape [2]
 * ```
 */
export type MatrixLike = tf.Tensor | ReadonlyArray<ArrayLike<number>> | FlatMatrix;
