import * as tf from '@tensorflow/tfjs';
import type { CpuBackend, CpuKernelArgs } from '../internal/cpuKernels.js';
import { WASM } from '../internal/wasmKernels.js';
import type { WasmKernelArgs } from '../internal/wasmKernels.js';

/**
 * The kernel `@gankit/architectures`' `ReflectionPadding2D` runs for its
 * gradient when the active backend has it (cpu and wasm, registered here);
 * elsewhere the layer composes slices, reverses and pads.
 */
export const REFLECTION_PAD_GRAD = 'GankitReflectionPadGrad';

/** Attributes of {@link REFLECTION_PAD_GRAD}: the forward padding of an NHWC tensor. */
export interface ReflectionPadGradAttrs {
  /** [[0, 0], [top, bottom], [left, right], [0, 0]]. */
  paddings: [number, number][];
}

/** The input row (or column) padded index p of an axis of length n, padded `before`, reflects (edge not repeated). */
function source(p: number, n: number, before: number): number {
  const j = p - before;
  if (j < 0) return -j;
  if (j >= n) return 2 * (n - 1) - j;
  return j;
}

/**
 * The adjoint of reflection padding: dx[b, i, j, c] = Σ dy[b, p, q, c] over
 * the padded positions (p, q) that copy input pixel (i, j) — itself, and the
 * reflected border rows and columns. One pass over dy, adding each channel
 * vector onto the pixel it was copied from (`out` must be zero).
 */
function fold(dy: Float32Array, shape: readonly number[], paddings: readonly [number, number][], out: Float32Array): void {
  const [batch, paddedH, paddedW, channels] = shape as [number, number, number, number];
  const [top, bottom] = paddings[1]!;
  const [left, right] = paddings[2]!;
  const h = paddedH - top - bottom;
  const w = paddedW - left - right;
  const columns = new Int32Array(paddedW);
  for (let q = 0; q < paddedW; q++) columns[q] = source(q, w, left);
  for (let b = 0; b < batch; b++) {
    for (let p = 0; p < paddedH; p++) {
      const i = source(p, h, top);
      const inRow = (b * paddedH + p) * paddedW * channels;
      const outRow = (b * h + i) * w * channels;
      for (let q = 0; q < paddedW; q++) {
        const from = inRow + q * channels;
        const to = outRow + columns[q]! * channels;
        for (let c = 0; c < channels; c++) out[to + c]! += dy[from + c]!;
      }
    }
  }
}

/** Checks the gradient and attributes (throwing, naming what is wrong) and returns the output shape. */
function outputShape(dy: tf.TensorInfo, attrs: tf.NamedAttrMap): number[] {
  const { paddings } = attrs as unknown as ReflectionPadGradAttrs;
  const ok =
    dy.dtype === 'float32' &&
    dy.shape.length === 4 &&
    Array.isArray(paddings) &&
    paddings.length === 4 &&
    paddings[0]![0] === 0 &&
    paddings[0]![1] === 0 &&
    paddings[3]![0] === 0 &&
    paddings[3]![1] === 0;
  if (!ok) throw new Error(`${REFLECTION_PAD_GRAD}: expects a float32 NHWC gradient and paddings [[0,0],[t,b],[l,r],[0,0]], got shape [${dy.shape.join(',')}] and paddings ${JSON.stringify(paddings)}`);
  const shape = [dy.shape[0]!, dy.shape[1]! - paddings[1]![0] - paddings[1]![1], dy.shape[2]! - paddings[2]![0] - paddings[2]![1], dy.shape[3]!];
  if (shape[1]! <= Math.max(...paddings[1]!) || shape[2]! <= Math.max(...paddings[2]!)) {
    throw new Error(`${REFLECTION_PAD_GRAD}: paddings ${JSON.stringify(paddings)} must be smaller than the unpadded size [${shape.slice(1, 3).join(',')}]`);
  }
  return shape;
}

/** The fold for the wasm backend, reading and writing tfjs-wasm's heap in place. */
function wasmKernel({ inputs, backend, attrs }: WasmKernelArgs): tf.TensorInfo {
  const dy = inputs['dy'] as tf.TensorInfo;
  const shape = outputShape(dy, attrs);
  const out = backend.makeOutput(shape, 'float32');
  // Views after the allocation (it may grow the heap).
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  dst.fill(0);
  fold(backend.typedArrayFromHeap(dy) as Float32Array, dy.shape, (attrs as unknown as ReflectionPadGradAttrs).paddings, dst);
  return out;
}

/** The fold for the cpu backend. */
function cpuKernel({ inputs, backend, attrs }: CpuKernelArgs): tf.TensorInfo {
  const cpu = backend as CpuBackend;
  const dy = inputs['dy'] as tf.TensorInfo;
  const shape = outputShape(dy, attrs);
  const out = new Float32Array(tf.util.sizeFromShape(shape));
  fold(cpu.data.get(dy.dataId).values as Float32Array, dy.shape, (attrs as unknown as ReflectionPadGradAttrs).paddings, out);
  return cpu.makeTensorInfo(shape, 'float32', out);
}

/** {@link REFLECTION_PAD_GRAD} on cpu and wasm. */
export const reflectionPadGradConfigs: readonly tf.KernelConfig[] = [
  { kernelName: REFLECTION_PAD_GRAD, backendName: WASM, kernelFunc: wasmKernel as unknown as tf.KernelFunc },
  { kernelName: REFLECTION_PAD_GRAD, backendName: 'cpu', kernelFunc: cpuKernel as unknown as tf.KernelFunc },
];

/**
 * The fold's own gradient, so penalties can differentiate through it: the
 * fold is linear and its adjoint is reflection padding itself,
 * ∂L/∂dy = mirrorPad(∂L/∂dx, paddings, 'reflect').
 */
export const reflectionPadGradGradConfig: tf.GradConfig = {
  kernelName: REFLECTION_PAD_GRAD,
  gradFunc: (ddx, _saved, attrs) => {
    const { paddings } = attrs as unknown as ReflectionPadGradAttrs;
    return { dy: () => tf.mirrorPad(ddx as tf.Tensor4D, paddings as [number, number][], 'reflect') };
  },
};
