import * as tf from '@tensorflow/tfjs';

/** The parts of tfjs's Engine used here (internal API of tfjs-core 4.x). */
interface EngineInternals {
  state: { tensorInfo: { get(dataId: object): { backend: tf.KernelBackend } | undefined } };
  makeTensorFromTensorInfo(info: tf.TensorInfo, backend?: tf.KernelBackend): tf.Tensor;
}

/**
 * A tensor on `x`'s data with no gradient history — PyTorch's `x.detach()`,
 * TensorFlow's `tf.stop_gradient` without its op: no kernel runs and nothing
 * is copied (the data gains a reference), and the gradient tape finds no
 * path from `x`'s inputs through it, so a gradient computes nothing for it.
 * Disposing it drops its reference; `x` stays valid.
 *
 *   detach(x) = x,   ∂detach(x)/∂x: none (not 0: no gradient flows at all)
 *
 * @example
 * ```ts
 * const x = tf.scalar(3);
 * const g = tf.grad((v) => tf.mul(v, detach(v)))(x); // 3: only the first factor is differentiated
 * ```
 */
export function detach<T extends tf.Tensor>(x: T): T {
  const engine = tf.engine() as unknown as EngineInternals;
  const info = x.isDisposed ? undefined : engine.state.tensorInfo.get(x.dataId);
  if (info === undefined) throw new Error('detach: x has been disposed');
  info.backend.incRef(x.dataId);
  return engine.makeTensorFromTensorInfo({ dataId: x.dataId, shape: x.shape, dtype: x.dtype }, info.backend) as T;
}
