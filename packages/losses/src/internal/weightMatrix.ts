import * as tf from '@tensorflow/tfjs';

/**
 * Reshapes a kernel to the matrix W ∈ ℝ^{m×n} whose largest singular value
 * spectral normalization divides by, with n = the output channels (Miyato et
 * al. 2018 reshape a conv kernel to (d_out, d_in·h·w); this is its transpose,
 * which has the same singular values).
 *
 * `outAxis` is the kernel axis of the output channels: the last one for Dense
 * ([in, out]) and Conv2D ([h, w, in, out]), 2 for Conv2DTranspose ([h, w, out, in]).
 */
export function weightMatrix(kernel: tf.Tensor, outAxis: number): tf.Tensor2D {
  const rank = kernel.rank;
  const axis = outAxis < 0 ? rank + outAxis : outAxis;
  let k = kernel;
  if (axis !== rank - 1) {
    const perm = [...Array(rank).keys()].filter((a) => a !== axis).concat([axis]);
    k = tf.transpose(kernel, perm);
  }
  const n = kernel.shape[axis]!;
  return tf.reshape(k, [-1, n]) as tf.Tensor2D;
}

/** x / (‖x‖₂ + ε) for a vector. */
export function l2Normalize(x: tf.Tensor, epsilon: number): tf.Tensor {
  return tf.div(x, tf.add(tf.norm(x), epsilon));
}

/**
 * One power-iteration step for the top singular pair of W (m×n) from the
 * current right vector u ∈ ℝⁿ: v = W u / ‖W u‖, u' = Wᵀ v / ‖Wᵀ v‖, and the
 * estimate σ = vᵀ W u'.
 */
export function powerIterationStep(w: tf.Tensor2D, u: tf.Tensor, epsilon: number): { u: tf.Tensor; v: tf.Tensor } {
  const v = l2Normalize(tf.squeeze(tf.matMul(w, tf.reshape(u, [-1, 1])), [1]), epsilon);
  const uNext = l2Normalize(tf.squeeze(tf.matMul(w, tf.reshape(v, [-1, 1]), true, false), [1]), epsilon);
  return { u: uNext, v };
}

/** σ = vᵀ W u. */
export function rayleighSigma(w: tf.Tensor2D, u: tf.Tensor, v: tf.Tensor): tf.Scalar {
  return tf.sum(tf.mul(v, tf.squeeze(tf.matMul(w, tf.reshape(u, [-1, 1])), [1]))) as tf.Scalar;
}
