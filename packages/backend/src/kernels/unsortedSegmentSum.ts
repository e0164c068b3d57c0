import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { WASM, heapF32, heapIndices } from '../internal/wasmKernels.js';

/**
 * `UnsortedSegmentSum` for the wasm backend, which ships without it (so the
 * gradient of `gather` — and with it every embedding layer — could not train).
 *
 *   out[s, …] = Σ_{i : ids[i] = s} x[i, …],   s ∈ [0, numSegments)
 *
 * `segmentIds` has the shape of a prefix of `x`; ids outside [0, numSegments)
 * are dropped, as in TensorFlow. One pass over `x`, accumulating on the wasm
 * heap: O(size(x)) work and no [n × numSegments] one-hot matrix.
 */
function unsortedSegmentSum(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs['x'] as tf.TensorInfo;
  const segmentIds = inputs['segmentIds'] as tf.TensorInfo;
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
  if (x.dtype !== 'float32' && x.dtype !== 'int32') {
    throw new Error(`@gankit/backend: wasm UnsortedSegmentSum supports float32 and int32 x, got ${x.dtype}`);
  }
  const idsSize = tf.util.sizeFromShape(segmentIds.shape);
  const inner = idsSize === 0 ? 0 : tf.util.sizeFromShape(x.shape) / idsSize;
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  // Allocate first: allocation may grow the heap and invalidate earlier views.
  const out = backend.makeOutput(outShape, x.dtype);
  const outVals = backend.typedArrayFromHeap(out) as Float32Array | Int32Array;
  outVals.fill(0);
  const xVals = x.dtype === 'float32' ? heapF32(backend, x) : (backend.typedArrayFromHeap(x) as Int32Array);
  const ids = heapIndices(backend, segmentIds);
  for (let i = 0; i < idsSize; i++) {
    const s = ids[i]!;
    if (s < 0 || s >= numSegments) continue;
    const src = i * inner;
    const dst = s * inner;
    for (let k = 0; k < inner; k++) outVals[dst + k]! += xVals[src + k]!;
  }
  return out;
}

/** Kernel registration for {@link unsortedSegmentSum} on wasm. */
export const unsortedSegmentSumConfig: tf.KernelConfig = {
  kernelName: tf.UnsortedSegmentSum,
  backendName: WASM,
  kernelFunc: unsortedSegmentSum as unknown as tf.KernelFunc,
};
