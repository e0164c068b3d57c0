import * as tf from '@tensorflow/tfjs';
import { DENSE, DENSE_ACTIVATIONS } from '../kernels/dense.js';

/** The parts of tfjs-layers' `Dense` the patch reads (internal API of tfjs-layers 4.x). */
interface DenseInternals {
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
  activation: { getClassName(): string } | null;
  invokeCallHook(inputs: tf.Tensor | tf.Tensor[], kwargs: unknown): void;
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: unknown): tf.Tensor | tf.Tensor[];
}

const PATCHED = Symbol.for('@gankit/backend/denseLayer');

/** tfjs-layers' `Dense` prototype, found in the serialization registry (creating a layer would shift users' automatic layer names). */
function denseProto(): (DenseInternals & Record<symbol, unknown>) | undefined {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap['Dense'] as unknown as [{ prototype: DenseInternals & Record<symbol, unknown> }] | undefined;
  return entry?.[0]?.prototype;
}

/** The one input a dense layer's call gets, if it is a rank-2 float32 tensor the kernel takes. */
function denseInput(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor2D | undefined {
  const x = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0] : undefined) : inputs;
  return x !== undefined && x.rank === 2 && x.dtype === 'float32' ? (x as tf.Tensor2D) : undefined;
}

/**
 * Makes every `tf.layers.dense` with a linear or ReLU activation run its
 * forward pass as one `GankitDense` kernel (see {@link DENSE}) where the
 * active backend has it (cpu and wasm), on a rank-2 float32 input — while a
 * gradient tape records too, where tfjs's own layer runs three launches
 * (ReLU) or three reshapes around its fused kernel (linear). Values and
 * gradients of every order are bit for bit the stock layer's; the layer's
 * weights, names and serialization are untouched. Other cases (rank-3
 * inputs, other activations, other backends) run tfjs's code. Idempotent.
 *
 * @example
 * ```ts
 * patchDenseLayer(); // done by `@gankit/backend`'s register module
 * const layer = tf.layers.dense({ inputShape: [2], units: 128, activation: 'relu' });
 * const g = tf.grad((x: tf.Tensor) => tf.sum(layer.apply(x) as tf.Tensor))(tf.ones([4, 2])); // forward: one GankitDense
 * ```
 *
 * @returns whether this call patched the layer (false if it already was or tfjs-layers has no `Dense`).
 */
export function patchDenseLayer(): boolean {
  const proto = denseProto();
  if (proto === undefined || proto[PATCHED] !== undefined) return false;
  const stockCall = proto.call;
  proto.call = function call(this: DenseInternals, inputs, kwargs) {
    const x = denseInput(inputs);
    const activation = this.activation === null ? 'linear' : this.activation.getClassName();
    if (x === undefined || !DENSE_ACTIVATIONS.includes(activation) || tf.getKernel(DENSE, tf.getBackend()) === undefined) return stockCall.call(this, inputs, kwargs);
    const w = this.kernel.read();
    const bias = this.bias?.read();
    if (w.dtype !== 'float32' || (bias !== undefined && bias.dtype !== 'float32')) return stockCall.call(this, inputs, kwargs);
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      return tf.engine().runKernel(DENSE, { x, W: w, ...(bias !== undefined ? { bias } : {}) }, { activation }) as tf.Tensor;
    });
  };
  proto[PATCHED] = stockCall;
  return true;
}

/** Undoes {@link patchDenseLayer} (for tests and benchmarks that compare with stock tfjs). */
export function unpatchDenseLayer(): void {
  const proto = denseProto();
  const stockCall = proto?.[PATCHED] as DenseInternals['call'] | undefined;
  if (proto === undefined || stockCall === undefined) return;
  proto.call = stockCall;
  delete proto[PATCHED];
}
