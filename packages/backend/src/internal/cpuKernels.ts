import type * as tf from '@tensorflow/tfjs';

/** The cpu backend's API gankit's cpu kernels use (tfjs-backend-cpu 4.x). */
export interface CpuBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}

/** What tfjs passes a cpu kernel. */
export interface CpuKernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs: tf.NamedAttrMap;
}
