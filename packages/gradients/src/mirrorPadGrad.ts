import * as tf from '@tensorflow/tfjs';

/**
 * Where padded index i of an axis of length n (padding `before`) reads from:
 *   reflect:   j = i − before, then −j if j < 0, 2(n − 1) − j if j ≥ n
 *   symmetric: j = i − before, then −j − 1 if j < 0, 2n − 1 − j if j ≥ n
 */
function source(i: number, n: number, before: number, mode: 'reflect' | 'symmetric'): number {
  const j = i - before;
  if (j < 0) return mode === 'reflect' ? -j : -j - 1;
  if (j >= n) return mode === 'reflect' ? 2 * (n - 1) - j : 2 * n - 1 - j;
  return j;
}

/**
 * Gradient of `MirrorPad` (reflect and symmetric modes).
 *
 * Every input element is read by its own position and by each border position
 * that mirrors it, so its gradient is the sum of the incoming gradient over all
 * of them: per padded axis, ∂L/∂x[j] = Σ_{i : source(i) = j} dy[i]. Stock tfjs
 * 4.22 only slices the centre of dy and drops the border terms (so
 * `tf.grad(x => tf.sum(tf.mirrorPad(x, [[1, 1]], 'reflect')))` is all ones
 * instead of [1, 3, 1]-like sums). Here each axis is folded with a 0/1 matrix
 * F (n × padded length) by one matMul, which is itself differentiable, so
 * gradient penalties through reflection-padded critics work too.
 *
 * @example
 * ```ts
 * tf.registerGradient(mirrorPadGradConfig);
 * tf.grad((x: tf.Tensor) => tf.sum(tf.mirrorPad(x, [[1, 1]], 'reflect')))(tf.ones([3])); // [1, 3, 1]
 * ```
 */
export const mirrorPadGradConfig: tf.GradConfig = {
  kernelName: tf.MirrorPad,
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const { paddings, mode } = attrs as unknown as tf.MirrorPadAttrs;
    return {
      x: () => {
        let g = dy as tf.Tensor;
        const rank = x.rank;
        paddings.forEach(([before, after], axis) => {
          if (before === 0 && after === 0) return;
          const n = x.shape[axis]!;
          const padded = n + before + after;
          const fold = new Float32Array(padded * n);
          for (let i = 0; i < padded; i++) fold[i * n + source(i, n, before, mode)]! += 1;
          // Move the axis last, fold it, move it back.
          const perm = [...Array(rank).keys()].filter((a) => a !== axis).concat([axis]);
          const inverse = perm.map((_, k) => perm.indexOf(k));
          const moved = tf.transpose(g, perm);
          const lead = moved.shape.slice(0, -1);
          const folded = tf.matMul(tf.reshape(moved, [-1, padded]) as tf.Tensor2D, tf.tensor2d(fold, [padded, n]));
          g = tf.transpose(tf.reshape(folded, [...lead, n]), inverse);
        });
        return g;
      },
    };
  },
};
