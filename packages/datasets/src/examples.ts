/**
 * A set of examples held as one flat `Float32Array`, the form every source in
 * this package returns and {@link Dataset} batches: `count` examples of
 * `shape` each, stored row-major (images NHWC), with optional integer labels.
 *
 * Plain arrays rather than tensors, so a loaded dataset costs no tensor memory;
 * tensors are made per batch by {@link Dataset}.
 *
 * @example
 * ```ts
 * const points: Examples = ringOfGaussians().sample(2500, 0);
 * points.shape; // [2]
 * points.x.length === points.count * 2; // true
 * ```
 */
export interface Examples {
  /** The examples, `count × prod(shape)` values, row-major. */
  readonly x: Float32Array;
  /** The shape of one example: `[2]` for 2-D points, `[height, width, channels]` for images. */
  readonly shape: readonly number[];
  /** The number of examples. */
  readonly count: number;
  /** One integer label per example (class, mode or domain index), if the source has them. */
  readonly labels?: Int32Array;
  /** How many label values there are (labels lie in `0…numClasses−1`). */
  readonly numClasses?: number;
}

/** The number of values in one example of `shape`. */
export function exampleSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
