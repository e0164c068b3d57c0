import * as tf from '@tensorflow/tfjs';
import { maskedGradient } from '@gankit/gradients';
import { WASM } from '../internal/wasmKernels.js';

/**
 * A dense layer's forward pass in one launch, differentiable to any order:
 * inputs `x` [m, k], `W` [k, n] and optionally `bias` [n] (float32), attr
 * `activation` (`'linear'` or `'relu'`), output
 *
 *   y = act(x·W + b),   act = identity or ReLU,
 *
 * with each element rounded as tfjs's BatchMatMul, Add and Relu kernels round
 * it (the bias is added after the sum, then ReLU): bit for bit the unfused
 * ops. The backend's own `_FusedMatMul` kernel computes it (on wasm gankit's
 * SIMD gemm), on 2-D operands with no reshape launches.
 *
 * Why: while a gradient tape records, tfjs never fuses a ReLU dense layer
 * (`tf.fused.matMul` falls back to BatchMatMul, Add and Relu, three launches),
 * and it fuses a linear one through `customGrad`, which reshapes both operands
 * to 3-D and the result back (four launches). `@gankit/backend`
 * runs `tf.layers.dense` through this kernel instead (`patchDenseLayer`).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * await initBackend();
 * const x = tf.randomNormal([256, 2]);
 * const w = tf.randomNormal([2, 128]);
 * const b = tf.zeros([128]);
 * const y = tf.engine().runKernel(DENSE, { x, W: w, bias: b }, { activation: 'relu' }) as tf.Tensor; // [256, 128]
 * ```
 */
export const DENSE = 'GankitDense';

/** Attributes of {@link DENSE}. */
export interface DenseAttrs {
  /** `'linear'` or `'relu'`. */
  activation: 'linear' | 'relu';
}

/** The activations {@link DENSE} computes. */
export const DENSE_ACTIVATIONS: readonly string[] = ['linear', 'relu'];

function checkInputs(x: tf.TensorInfo | undefined, w: tf.TensorInfo | undefined, bias: tf.TensorInfo | undefined, activation: string): void {
  if (x === undefined || w === undefined) throw new Error(`${DENSE}: needs inputs 'x' and 'W'`);
  if (!DENSE_ACTIVATIONS.includes(activation)) throw new Error(`${DENSE}: activation must be 'linear' or 'relu', got '${activation}'`);
  for (const [name, t] of [['x', x], ['W', w], ['bias', bias]] as const) {
    if (t !== undefined && t.dtype !== 'float32') throw new Error(`${DENSE}: '${name}' must be float32, got ${t.dtype}`);
  }
  if (x.shape.length !== 2 || w.shape.length !== 2 || x.shape[1] !== w.shape[0]) {
    throw new Error(`${DENSE}: 'x' must be [m, k] and 'W' [k, n], got [${x.shape.join(',')}] and [${w.shape.join(',')}]`);
  }
  if (bias !== undefined && (bias.shape.length !== 1 || bias.shape[0] !== w.shape[1])) {
    throw new Error(`${DENSE}: 'bias' must be [${w.shape[1]}] (W's columns), got [${bias.shape.join(',')}]`);
  }
}

/** The same data seen with another shape (no copy, no launch): the cpu and wasm backends keep no shape per data id. */
function view(t: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: t.dataId, shape, dtype: t.dtype };
}

/** Runs the backend's `_FusedMatMul` on rank-3 views of x and W (as `tf.fused.matMul` would after its reshapes) and returns a 2-D view of the result. */
function kernelFunc(args: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, W: w, bias } = inputs as { x?: tf.TensorInfo; W?: tf.TensorInfo; bias?: tf.TensorInfo };
  const { activation } = (attrs ?? {}) as unknown as DenseAttrs;
  checkInputs(x, w, bias, activation);
  const fused = tf.getKernel(tf._FusedMatMul, tf.getBackend());
  if (fused === undefined) throw new Error(`${DENSE}: the '${tf.getBackend()}' backend has no ${tf._FusedMatMul} kernel`);
  const [m, k] = x!.shape as [number, number];
  const n = w!.shape[1]!;
  const out = fused.kernelFunc({
    inputs: { a: view(x!, [1, m, k]), b: view(w!, [1, k, n]), ...(bias !== undefined ? { bias } : {}) },
    backend,
    attrs: { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0.2 },
  }) as tf.TensorInfo;
  return view(out, [m, n]);
}

/** {@link DENSE} on cpu and wasm. */
export const denseConfigs: readonly tf.KernelConfig[] = [
  { kernelName: DENSE, backendName: WASM, kernelFunc: kernelFunc as unknown as tf.KernelFunc },
  { kernelName: DENSE, backendName: 'cpu', kernelFunc: kernelFunc as unknown as tf.KernelFunc },
];

/**
 * The kernel's gradient, as the unfused ops' (so bit for bit theirs), with
 * each input's part computed only if the tape needs it:
 *
 *   dz = dy ⊙ step(y) (ReLU; y > 0 exactly where x·W + b > 0) or dy (linear),
 *   ∂L/∂x = dz·Wᵀ,   ∂L/∂W = xᵀ·dz,   ∂L/∂b = Σ_rows dz.
 *
 * The mask is `@gankit/gradients`' `maskedGradient` (one `GankitLeakyReluGrad`,
 * its mask input detached), and every part is made of differentiable kernels,
 * so a penalty can differentiate through it again.
 */
export const denseGradConfig: tf.GradConfig = {
  kernelName: DENSE,
  inputsToSave: ['x', 'W'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, w, y] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const { activation } = attrs as unknown as DenseAttrs;
    const g = dy as tf.Tensor2D;
    const dz = activation === 'relu' ? (maskedGradient(g, y, 0) as tf.Tensor2D) : g;
    return {
      x: () => tf.matMul(dz, w, false, true),
      W: () => tf.matMul(x, dz, true, false),
      bias: () => tf.sum(dz, 0),
    };
  },
};
