import * as tf from '@tensorflow/tfjs';
import { oneShape } from '../internal/layerTypes.js';
import type { Kwargs, LayerArgs, Shape } from '../internal/layerTypes.js';

/** Padding of {@link ReflectionPadding2D}: all sides, [rows, cols], or [[top, bottom], [left, right]]. */
export type ReflectionPadding = number | [number, number] | [[number, number], [number, number]];

/** Options of {@link ReflectionPadding2D}. */
export interface ReflectionPadding2DArgs extends LayerArgs {
  /** How many rows and columns to add. Default 1. Each must be smaller than the padded dimension. */
  padding?: ReflectionPadding;
}

/**
 * Pads the rows and columns of a [batch, height, width, channels] input with
 * their reflection about the edge (not repeating the edge pixel), like
 * PyTorch's `ReflectionPad2d` and `tf.mirrorPad(x, …, 'reflect')`:
 *
 *   row −k of the output is row k of the input (k = 1…top), and
 *   row (H − 1) + k is row (H − 1) − k (k = 1…bottom); the same for columns.
 *
 * CycleGAN pads with reflections before its 7×7 and residual 3×3 convolutions
 * to avoid the dark borders zero padding leaves.
 *
 * The forward pass is the `MirrorPad` kernel (fast on wasm); the gradient is
 * this layer's own, because tfjs 4.22's `MirrorPad` gradient only slices the
 * centre out of the upstream gradient and drops what flowed through the
 * reflected borders. The exact gradient adds each reflected copy's gradient
 * back onto the pixel it copies: for an axis of length n padded (b, a),
 *
 *   dx = dy[b : b+n] + pad(reverse(dy[0 : b]), 1 before)
 *                    + pad(reverse(dy[b+n : b+n+a]), 1 after),
 *
 * first along rows, then along columns. It is built from slice, reverse, pad
 * and add, which every backend (wasm included) runs and differentiates again;
 * where `@gankit/backend` is loaded, cpu and wasm run the same sum as one
 * kernel (`GankitReflectionPadGrad`), whose gradient is this padding again.
 *
 * Paper: Zhu, Park, Isola & Efros, "Unpaired Image-to-Image Translation using
 * Cycle-Consistent Adversarial Networks", ICCV 2017 (its ResNet generator).
 *
 * Registered with `tf.serialization.registerClass` by this package's
 * `register` module (imported by its entry point), so models containing it
 * load with `tf.loadLayersModel`; it is saved with class name `ReflectionPadding2D`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { reflectionPadding2D } from '@gankit/architectures';
 * const x = tf.input({ shape: [28, 28, 1] });
 * const padded = reflectionPadding2D({ padding: 3 }).apply(x); // [null, 34, 34, 1]
 * ```
 */
export class ReflectionPadding2D extends tf.layers.Layer {
  /** The class name tfjs saves in model.json and looks up when loading. */
  static className = 'ReflectionPadding2D';
  /** [[top, bottom], [left, right]]. */
  readonly padding: [[number, number], [number, number]];

  /** @param args - padding, and the base layer options. */
  constructor(args: ReflectionPadding2DArgs = {}) {
    const { padding, ...base } = args;
    super(base);
    this.padding = normalizePadding(padding ?? 1);
    this.inputSpec = [{ ndim: 4 }];
  }

  /** Checks every padding is smaller than the dimension it pads. */
  override build(inputShape: Shape | Shape[]): void {
    const shape = oneShape(inputShape);
    for (const [axis, [before, after]] of [
      [1, this.padding[0]],
      [2, this.padding[1]],
    ] as const) {
      const size = shape[axis];
      if (size != null && (before >= size || after >= size)) {
        throw new Error(
          `ReflectionPadding2D: padding ${before}/${after} of axis ${axis} must be smaller than its size ${size} (a reflection cannot reach further)`,
        );
      }
    }
    this.built = true;
  }

  /** [batch, height + top + bottom, width + left + right, channels]. */
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, height, width, channels] = oneShape(inputShape);
    const [[top, bottom], [left, right]] = this.padding;
    return [
      batch ?? null,
      height == null ? null : height + top + bottom,
      width == null ? null : width + left + right,
      channels ?? null,
    ];
  }

  /** Pads rows and columns with their reflections (MirrorPad forward, exact gradient). */
  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
      const [rows, cols] = this.padding;
      const pad = tf.customGrad((input) => ({
        value: tf.mirrorPad(input as tf.Tensor4D, [[0, 0], rows, cols, [0, 0]], 'reflect'),
        gradFunc: (dy: tf.Tensor) => {
          // One pass where @gankit/backend registered the fold for this backend (cpu, wasm).
          if (tf.getKernel(FOLD_KERNEL, tf.getBackend()) != null) {
            return tf.engine().runKernel(FOLD_KERNEL, { dy }, { paddings: [[0, 0], rows, cols, [0, 0]] } as unknown as tf.NamedAttrMap) as tf.Tensor;
          }
          const dRows = reflectionAdjoint(dy as tf.Tensor4D, 2, cols);
          return reflectionAdjoint(dRows, 1, rows);
        },
      }));
      return pad(x);
    });
  }

  /** The options needed to rebuild the layer. */
  override getConfig(): tf.serialization.ConfigDict {
    return { padding: this.padding.map((p) => [...p]), ...super.getConfig() };
  }
}

/**
 * The kernel `@gankit/backend` registers (on cpu and wasm) for this layer's
 * gradient: the same sum in one pass, with the mirror padding as its own gradient.
 */
const FOLD_KERNEL = 'GankitReflectionPadGrad';

/**
 * The adjoint of reflecting one axis padded (before, after): the centre of the
 * gradient plus each reflected strip, reversed, added onto the pixels it copied.
 */
function reflectionAdjoint(dy: tf.Tensor4D, axis: 1 | 2, [before, after]: [number, number]): tf.Tensor4D {
  if (before === 0 && after === 0) return dy;
  const n = dy.shape[axis] - before - after;
  const take = (start: number, length: number): tf.Tensor4D => {
    const begin = [0, 0, 0, 0];
    const size = [-1, -1, -1, -1];
    begin[axis] = start;
    size[axis] = length;
    return tf.slice(dy, begin, size);
  };
  const padAxis = (t: tf.Tensor4D, lo: number, hi: number): tf.Tensor4D => {
    const paddings: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
    paddings[axis] = [lo, hi];
    return tf.pad(t, paddings);
  };
  let dx = take(before, n);
  if (before > 0) dx = tf.add(dx, padAxis(tf.reverse(take(0, before), axis), 1, n - 1 - before));
  if (after > 0) dx = tf.add(dx, padAxis(tf.reverse(take(before + n, after), axis), n - 1 - after, 1));
  return dx;
}

function normalizePadding(padding: unknown): [[number, number], [number, number]] {
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (ok(padding)) return [[padding, padding], [padding, padding]];
  if (Array.isArray(padding) && padding.length === 2) {
    const [rows, cols] = padding as unknown[];
    if (ok(rows) && ok(cols)) return [[rows, rows], [cols, cols]];
    const pair = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && ok(p[0]) && ok(p[1]);
    if (pair(rows) && pair(cols)) return [[rows[0], rows[1]], [cols[0], cols[1]]];
  }
  throw new Error(
    `ReflectionPadding2D: option 'padding' must be an integer ≥ 0, [rows, cols] or [[top, bottom], [left, right]]; got ${JSON.stringify(padding)}`,
  );
}


/**
 * Creates a {@link ReflectionPadding2D} layer (CycleGAN, Zhu et al. 2017).
 *
 * @param args - `padding` (default 1), base layer options.
 * @returns the layer, ready to `apply` to a [batch, height, width, channels] input.
 *
 * @example
 * ```ts
 * const padded = reflectionPadding2D({ padding: [3, 3] }).apply(tf.input({ shape: [32, 32, 3] }));
 * ```
 */
export function reflectionPadding2D(args?: ReflectionPadding2DArgs): ReflectionPadding2D {
  return new ReflectionPadding2D(args);
}
