import * as tf from '@tensorflow/tfjs';
import type { CpuBackend, CpuKernelArgs } from '../internal/cpuKernels.js';
import { sameShape } from '../internal/sameShape.js';
import { WASM } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';
import { heapOffset, simdKernels } from './simdModule.js';

/**
 * The kernel `@gankit/architectures`' `InstanceNormalization` runs when the
 * active backend has it (cpu and wasm, registered here); elsewhere the layer
 * composes moments, subtract, rsqrt and multiply.
 *
 * For x of shape [N, …spatial, C] (S spatial positions) and each sample n and
 * channel c, with μ and σ² the mean and biased variance of x[n, ·, c]:
 *
 *   x̂[n, s, c] = (x[n, s, c] − μ) · r,   r = 1 / √(σ² + ε).
 *
 * One kernel instead of about ten forward (and twenty backward) dispatches per
 * layer; the scale and offset stay the layer's own multiply and add. On wasm
 * it is gankit's SIMD code (packages/backend/wasm/simd.c, float32, four
 * channels per vector) once `initBackend()` has loaded it, JavaScript on the
 * heap before; on cpu JavaScript (float64 sums).
 */
export const INSTANCE_NORM = 'GankitInstanceNorm';

/**
 * The gradient of {@link INSTANCE_NORM}: for an upstream gradient dy,
 *
 *   dx = r · (dy − mean_s(dy) − x̂ · mean_s(dy · x̂)),
 *
 * the statistics recomputed from x in the same kernel (inputs `dy`, `x`).
 */
export const INSTANCE_NORM_GRAD = 'GankitInstanceNormGrad';

/** Attributes of {@link INSTANCE_NORM} and {@link INSTANCE_NORM_GRAD}. */
export interface InstanceNormAttrs {
  /** Added to the variance before the square root. */
  epsilon: number;
}

/** [N, S, C]: samples, spatial positions, channels of a [N, …spatial, C] tensor. */
type Groups = [number, number, number];

/** Checks one float32 [N, …spatial, C] input and the attributes (throwing, naming what is wrong). */
function groupsOf(kernel: string, name: string, t: tf.TensorInfo, attrs: tf.NamedAttrMap): Groups {
  const { epsilon } = attrs as unknown as InstanceNormAttrs;
  if (t.dtype !== 'float32' || t.shape.length < 3) {
    throw new Error(`${kernel}: input '${name}' must be a float32 tensor [batch, …spatial, channels] of rank ≥ 3, got ${t.dtype} [${t.shape.join(',')}]`);
  }
  if (!(typeof epsilon === 'number' && Number.isFinite(epsilon) && epsilon >= 0)) {
    throw new Error(`${kernel}: attribute 'epsilon' must be a finite number ≥ 0, got ${String(epsilon)}`);
  }
  const s = t.shape.slice(1, -1).reduce((a, b) => a * b, 1);
  return [t.shape[0]!, s, t.shape[t.shape.length - 1]!];
}

/**
 * Per channel of sample n: the mean (into `mean`) and r = 1/√(σ² + ε) (into
 * `rstd`), σ² the biased variance, both accumulated in float64 in two passes.
 */
function moments(x: Float32Array, n: number, [, s, c]: Groups, epsilon: number, mean: Float64Array, rstd: Float64Array): void {
  const base = n * s * c;
  mean.fill(0);
  rstd.fill(0);
  for (let p = 0, i = base; p < s; p++) for (let k = 0; k < c; k++, i++) mean[k]! += x[i]!;
  for (let k = 0; k < c; k++) mean[k]! /= s;
  for (let p = 0, i = base; p < s; p++) {
    for (let k = 0; k < c; k++, i++) {
      const d = x[i]! - mean[k]!;
      rstd[k]! += d * d;
    }
  }
  for (let k = 0; k < c; k++) rstd[k] = 1 / Math.sqrt(rstd[k]! / s + epsilon);
}

/** x̂ = (x − μ) · r for every sample and channel. */
function normalize(x: Float32Array, groups: Groups, epsilon: number, out: Float32Array): void {
  const [batch, s, c] = groups;
  const mean = new Float64Array(c);
  const rstd = new Float64Array(c);
  for (let n = 0; n < batch; n++) {
    moments(x, n, groups, epsilon, mean, rstd);
    for (let p = 0, i = n * s * c; p < s; p++) for (let k = 0; k < c; k++, i++) out[i] = (x[i]! - mean[k]!) * rstd[k]!;
  }
}

/** dx = r · (dy − mean_s(dy) − x̂ · mean_s(dy · x̂)) for every sample and channel. */
function normalizeGrad(dy: Float32Array, x: Float32Array, groups: Groups, epsilon: number, out: Float32Array): void {
  const [batch, s, c] = groups;
  const mean = new Float64Array(c);
  const rstd = new Float64Array(c);
  const a = new Float64Array(c);
  const b = new Float64Array(c);
  for (let n = 0; n < batch; n++) {
    moments(x, n, groups, epsilon, mean, rstd);
    a.fill(0);
    b.fill(0);
    const base = n * s * c;
    for (let p = 0, i = base; p < s; p++) {
      for (let k = 0; k < c; k++, i++) {
        a[k]! += dy[i]!;
        b[k]! += dy[i]! * (x[i]! - mean[k]!) * rstd[k]!;
      }
    }
    for (let k = 0; k < c; k++) {
      a[k]! /= s;
      b[k]! /= s;
    }
    for (let p = 0, i = base; p < s; p++) {
      for (let k = 0; k < c; k++, i++) out[i] = rstd[k]! * (dy[i]! - a[k]! - (x[i]! - mean[k]!) * rstd[k]! * b[k]!);
    }
  }
}

function wasmForward({ inputs, backend, attrs }: WasmKernelArgs): tf.TensorInfo {
  const x = inputs['x'] as tf.TensorInfo;
  const groups = groupsOf(INSTANCE_NORM, 'x', x, attrs);
  const epsilon = (attrs as unknown as InstanceNormAttrs).epsilon;
  const out = backend.makeOutput(x.shape, 'float32');
  const simd = simdKernels(backend);
  if (simd !== undefined) {
    simd.instance_norm(heapOffset(backend, x), heapOffset(backend, out), ...groups, epsilon);
    return out;
  }
  // Views after the allocation (it may grow the heap).
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  normalize(backend.typedArrayFromHeap(x) as Float32Array, groups, epsilon, dst);
  return out;
}

function wasmBackward({ inputs, backend, attrs }: WasmKernelArgs): tf.TensorInfo {
  const dy = inputs['dy'] as tf.TensorInfo;
  const x = inputs['x'] as tf.TensorInfo;
  const groups = groupsOf(INSTANCE_NORM_GRAD, 'x', x, attrs);
  groupsOf(INSTANCE_NORM_GRAD, 'dy', dy, attrs);
  sameShape(INSTANCE_NORM_GRAD, dy, x);
  const epsilon = (attrs as unknown as InstanceNormAttrs).epsilon;
  const out = backend.makeOutput(x.shape, 'float32');
  const simd = simdKernels(backend);
  if (simd !== undefined) {
    simd.instance_norm_grad(heapOffset(backend, dy), heapOffset(backend, x), heapOffset(backend, out), ...groups, epsilon);
    return out;
  }
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  normalizeGrad(backend.typedArrayFromHeap(dy) as Float32Array, backend.typedArrayFromHeap(x) as Float32Array, groups, epsilon, dst);
  return out;
}

function cpuForward({ inputs, backend, attrs }: CpuKernelArgs): tf.TensorInfo {
  const cpu = backend as CpuBackend;
  const x = inputs['x'] as tf.TensorInfo;
  const groups = groupsOf(INSTANCE_NORM, 'x', x, attrs);
  const out = new Float32Array(tf.util.sizeFromShape(x.shape));
  normalize(cpu.data.get(x.dataId).values as Float32Array, groups, (attrs as unknown as InstanceNormAttrs).epsilon, out);
  return cpu.makeTensorInfo(x.shape, 'float32', out);
}

function cpuBackward({ inputs, backend, attrs }: CpuKernelArgs): tf.TensorInfo {
  const cpu = backend as CpuBackend;
  const dy = inputs['dy'] as tf.TensorInfo;
  const x = inputs['x'] as tf.TensorInfo;
  const groups = groupsOf(INSTANCE_NORM_GRAD, 'x', x, attrs);
  groupsOf(INSTANCE_NORM_GRAD, 'dy', dy, attrs);
  sameShape(INSTANCE_NORM_GRAD, dy, x);
  const out = new Float32Array(tf.util.sizeFromShape(x.shape));
  const values = (t: tf.TensorInfo): Float32Array => cpu.data.get(t.dataId).values as Float32Array;
  normalizeGrad(values(dy), values(x), groups, (attrs as unknown as InstanceNormAttrs).epsilon, out);
  return cpu.makeTensorInfo(x.shape, 'float32', out);
}

/** {@link INSTANCE_NORM} and {@link INSTANCE_NORM_GRAD} on cpu and wasm. */
export const instanceNormConfigs: readonly tf.KernelConfig[] = [
  { kernelName: INSTANCE_NORM, backendName: WASM, kernelFunc: wasmForward as unknown as tf.KernelFunc },
  { kernelName: INSTANCE_NORM, backendName: 'cpu', kernelFunc: cpuForward as unknown as tf.KernelFunc },
  { kernelName: INSTANCE_NORM_GRAD, backendName: WASM, kernelFunc: wasmBackward as unknown as tf.KernelFunc },
  { kernelName: INSTANCE_NORM_GRAD, backendName: 'cpu', kernelFunc: cpuBackward as unknown as tf.KernelFunc },
];

const spatialAxes = (rank: number): number[] => Array.from({ length: rank - 2 }, (_, i) => i + 1);

/**
 * ∂/∂x of ⟨g, dx(dy, x)⟩ for dx = {@link INSTANCE_NORM_GRAD}(dy, x): what a
 * penalty on an input gradient (WGAN-GP) needs, composed of differentiable ops.
 *
 * Per sample and channel, with x̂ and r as above, a = mean(dy), b = mean(dy·x̂)
 * and ⟨g, dx⟩ = r·(D − a·G − b·Gx) where D = Σ g·dy, G = Σ g, Gx = Σ g·x̂:
 * treating it as F(x̂, r),
 *
 *   ∂F/∂x̂ = u = −r · (dy · Gx / S + b · g),   ∂F/∂r = D − a·G − b·Gx,
 *
 * and since ∂x̂_j/∂x_i = r·(δ_ij − 1/S − x̂_i·x̂_j/S) and ∂r/∂x_i = −r²·x̂_i/S,
 *
 *   ∂F/∂x = r · (u − mean(u) − x̂ · mean(u·x̂)) − (r²/S) · x̂ · ∂F/∂r.
 */
function secondOrder(g: tf.Tensor, dy: tf.Tensor, x: tf.Tensor, epsilon: number): tf.Tensor {
  const axes = spatialAxes(x.rank);
  const s = x.shape.slice(1, -1).reduce((a, b) => a * b, 1);
  const { mean, variance } = tf.moments(x, axes, true);
  const r = tf.rsqrt(tf.add(variance, epsilon));
  const xh = tf.mul(tf.sub(x, mean), r);
  const a = tf.mean(dy, axes, true);
  const b = tf.mean(tf.mul(dy, xh), axes, true);
  const gx = tf.sum(tf.mul(g, xh), axes, true);
  const u = tf.neg(tf.mul(r, tf.add(tf.mul(dy, tf.div(gx, s)), tf.mul(b, g))));
  const ju = tf.mul(r, tf.sub(tf.sub(u, tf.mean(u, axes, true)), tf.mul(xh, tf.mean(tf.mul(u, xh), axes, true))));
  const dF = tf.sub(tf.sub(tf.sum(tf.mul(g, dy), axes, true), tf.mul(a, tf.sum(g, axes, true))), tf.mul(b, gx));
  return tf.sub(ju, tf.mul(xh, tf.mul(tf.div(tf.square(r), s), dF)));
}

/** The forward kernel's gradient: {@link INSTANCE_NORM_GRAD}, whose inputs keep x on the tape for second order. */
export const instanceNormGradConfig: tf.GradConfig = {
  kernelName: INSTANCE_NORM,
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => tf.engine().runKernel(INSTANCE_NORM_GRAD, { dy: dy as tf.Tensor, x }, attrs) as tf.Tensor };
  },
};

/**
 * The backward kernel's own gradient, so penalties can differentiate through
 * it: dx is linear in dy with a symmetric Jacobian, so ∂⟨g, dx⟩/∂dy is the
 * same kernel applied to g; ∂/∂x is composed ({@link secondOrder}).
 */
export const instanceNormGradGradConfig: tf.GradConfig = {
  kernelName: INSTANCE_NORM_GRAD,
  inputsToSave: ['dy', 'x'],
  gradFunc: (g, saved, attrs) => {
    const [dy, x] = saved as [tf.Tensor, tf.Tensor];
    const { epsilon } = attrs as unknown as InstanceNormAttrs;
    return {
      dy: () => tf.engine().runKernel(INSTANCE_NORM_GRAD, { dy: g as tf.Tensor, x }, attrs) as tf.Tensor,
      x: () => secondOrder(g as tf.Tensor, dy, x, epsilon),
    };
  },
};
