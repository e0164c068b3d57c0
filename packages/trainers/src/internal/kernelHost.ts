import * as tf from '@tensorflow/tfjs';

/** The cpu backend's API gankit's JavaScript kernels use. */
export interface CpuBackend {
  readSync(dataId: object): tf.backend_util.BackendValues;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.backend_util.BackendValues): tf.TensorInfo;
}

/** The wasm backend's API gankit's JavaScript kernels use (tensors live on the wasm heap). */
export interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.backend_util.TypedArray;
}

/**
 * Float32 storage on either backend: `alloc` makes an output, `view` gives a
 * tensor's values. On wasm a view is the heap itself (no copy) and is valid
 * until the next `alloc`, which may grow the heap.
 */
export interface Host {
  alloc(shape: number[]): tf.TensorInfo;
  view(t: tf.TensorInfo): Float32Array;
}

/** The {@link Host} of a cpu or wasm backend. */
export function hostOf(backend: CpuBackend | WasmBackend): Host {
  if ('typedArrayFromHeap' in backend) {
    return { alloc: (shape) => backend.makeOutput(shape, 'float32'), view: (t) => backend.typedArrayFromHeap(t) as Float32Array };
  }
  return {
    alloc: (shape) => backend.makeTensorInfo(shape, 'float32', new Float32Array(tf.util.sizeFromShape(shape))),
    view: (t) => backend.readSync(t.dataId) as Float32Array,
  };
}
