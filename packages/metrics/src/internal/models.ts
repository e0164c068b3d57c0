import * as tf from '@tensorflow/tfjs';
import type { FlatMatrix } from '../matrixLike.js';

/** A network to evaluate: a `tf.LayersModel` (run in inference mode) or any function of a batch. */
export type ModelLike = tf.LayersModel | ((x: tf.Tensor) => tf.Tensor | tf.Tensor[]);

/** Runs `model` on `x` in inference mode and returns its outputs as an array. */
export function runModel(model: ModelLike, x: tf.Tensor): tf.Tensor[] {
  const out = model instanceof tf.LayersModel ? model.apply(x, { training: false }) : model(x);
  return (Array.isArray(out) ? out : [out]) as tf.Tensor[];
}

/** The input shape (without batch) a LayersModel expects, or undefined for functions. */
export function inputShapeOf(model: ModelLike): number[] | undefined {
  if (!(model instanceof tf.LayersModel)) return undefined;
  const shape = model.inputs[0]?.shape;
  return shape === undefined || shape.slice(1).some((s) => s === null) ? undefined : (shape.slice(1) as number[]);
}

/** A batched view of images given as a tensor (batch first) or flat rows `{ x, count, shape }`. */
export interface ImageSource {
  readonly count: number;
  /** The shape of one image. */
  readonly shape: number[];
  /** Makes the float32 tensor of images [start, start + size), owned by the caller. */
  batch(start: number, size: number): tf.Tensor;
}

/** Wraps a tensor or `{ x, count, shape }` as an {@link ImageSource}; errors name `fn` and `name`. */
export function toImageSource(fn: string, name: string, images: tf.Tensor | FlatMatrix): ImageSource {
  if (images instanceof tf.Tensor) {
    if (images.isDisposed) throw new Error(`${fn}: '${name}' has been disposed`);
    if (images.rank < 2) throw new RangeError(`${fn}: '${name}' must have a batch axis (rank ≥ 2), got shape [${images.shape.join(', ')}]`);
    const [count = 0, ...shape] = images.shape;
    if (count === 0) throw new RangeError(`${fn}: '${name}' is empty (0 images)`);
    return { count, shape, batch: (start, size) => tf.tidy(() => tf.slice(images, start, size).toFloat()) };
  }
  if (images === null || typeof images !== 'object' || !('x' in images) || !('count' in images) || !('shape' in images)) {
    throw new TypeError(`${fn}: '${name}' must be a tf.Tensor or { x, count, shape }, got ${images === null ? 'null' : typeof images}`);
  }
  const shape = [...images.shape];
  const per = shape.reduce((a, b) => a * b, 1);
  if (!Number.isInteger(images.count) || images.count < 1) throw new RangeError(`${fn}: '${name}' is empty (count ${images.count})`);
  if (images.x.length !== images.count * per) {
    throw new RangeError(`${fn}: '${name}' holds ${images.x.length} values, not count × prod(shape) = ${images.count} × ${per}`);
  }
  const x = images.x;
  return {
    count: images.count,
    shape,
    batch: (start, size) => {
      const values = x instanceof Float32Array ? x.subarray(start * per, (start + size) * per) : Float32Array.from({ length: size * per }, (_, i) => x[start * per + i]!);
      return tf.tensor(values, [size, ...shape], 'float32');
    },
  };
}
