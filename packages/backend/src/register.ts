/**
 * Side-effect module: registers the wasm backend, the training kernels it
 * lacks, and (from `@gankit/gradients`) the gradient overrides that make
 * double backprop correct; on cpu and wasm the gradient tape saves tensors
 * without a kernel dispatch each (`patchSaveForBackward`). It is imported by the package entry points;
 * importing it twice is harmless.
 *
 * Listed under `sideEffects` in package.json so bundlers keep it.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerGradientPatches } from '@gankit/gradients';
import { conv2DBackpropFilterConfig } from './kernels/conv2DBackpropFilter.js';
import { conv2DConfig } from './kernels/conv2D.js';
import { conv2DBackpropInputConfig } from './kernels/conv2DBackpropInput.js';
import { untransposedMatMulConfig } from './kernels/batchMatMul.js';
import { depthwiseConv2dNativeBackpropFilterConfig } from './kernels/depthwiseConv2dNativeBackpropFilter.js';
import { depthwiseConv2dNativeBackpropInputConfig } from './kernels/depthwiseConv2dNativeBackpropInput.js';
import { unsortedSegmentSumConfig } from './kernels/unsortedSegmentSum.js';
import { reflectionPadGradConfigs, reflectionPadGradGradConfig } from './kernels/reflectionPadGrad.js';
import { instanceNormConfigs, instanceNormGradConfig, instanceNormGradGradConfig } from './kernels/instanceNorm.js';
import { meanConfig, sumConfig } from './kernels/sum.js';
import { leakyReluConfig } from './kernels/leakyRelu.js';
import { leakyReluGradConfigs, leakyReluGradGradConfig } from './kernels/leakyReluGrad.js';
import { tileConfig } from './kernels/tile.js';
import { sliceConfig } from './kernels/slice.js';
import { patchState } from './internal/patchState.js';
import { patchSaveForBackward } from './internal/saveForBackward.js';
import { patchLazyFusedGradients } from './internal/lazyFusedGradients.js';
import { denseConfigs, denseGradConfig } from './kernels/dense.js';
import { patchDenseLayer } from './internal/denseLayer.js';

/** Kernels gankit adds to the wasm backend (only where wasm has none). */
export const WASM_KERNEL_PATCHES: readonly tf.KernelConfig[] = [
  conv2DBackpropFilterConfig,
  unsortedSegmentSumConfig,
  depthwiseConv2dNativeBackpropFilterConfig,
  depthwiseConv2dNativeBackpropInputConfig,
];

/**
 * Stock wasm kernels gankit replaces with faster ones (each checked against the
 * cpu backend); the stock kernel stays as the fallback for cases they skip.
 */
export const WASM_KERNEL_OVERRIDES: readonly string[] = [tf.Conv2D, tf.FusedConv2D, tf.Conv2DBackpropInput, tf.BatchMatMul, tf._FusedMatMul, tf.Tile, tf.Slice, tf.Sum, tf.Mean, tf.LeakyRelu];

if (!patchState.applied) {
  for (const config of WASM_KERNEL_PATCHES) {
    if (tf.getKernel(config.kernelName, config.backendName) == null) {
      tf.registerKernel(config);
      patchState.kernels.push(config.kernelName);
    }
  }
  const overrides: [string, (stock: tf.KernelConfig) => tf.KernelConfig][] = [
    [tf.Conv2D, conv2DConfig],
    [tf.FusedConv2D, conv2DConfig],
    [tf.Conv2DBackpropInput, conv2DBackpropInputConfig],
    [tf.BatchMatMul, untransposedMatMulConfig],
    [tf._FusedMatMul, untransposedMatMulConfig],
    [tf.Tile, tileConfig],
    [tf.Slice, sliceConfig],
    [tf.Sum, sumConfig],
    [tf.Mean, meanConfig],
    [tf.LeakyRelu, leakyReluConfig],
  ];
  for (const [name, make] of overrides) {
    const stock = tf.getKernel(name, 'wasm');
    if (stock == null) continue;
    patchState.stockKernels.set(name, stock);
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(make(stock));
    patchState.kernels.push(`${name} (faster)`);
  }
  // gankit's own kernels for its layers (cpu and wasm), each with a registered gradient so it is differentiable again:
  // ReflectionPadding2D's gradient in one pass; InstanceNormalization in one kernel forward and one backward;
  // (leaky) ReLU's gradient in one pass (run by @gankit/gradients' Relu and LeakyRelu gradients);
  // a linear or ReLU dense layer's forward pass in one launch, also while a tape records (run by tf.layers.dense, patched below).
  for (const config of [...reflectionPadGradConfigs, ...instanceNormConfigs, ...leakyReluGradConfigs, ...denseConfigs]) {
    if (tf.getKernel(config.kernelName, config.backendName) == null) tf.registerKernel(config);
  }
  for (const gradient of [reflectionPadGradGradConfig, instanceNormGradConfig, instanceNormGradGradConfig, leakyReluGradGradConfig, denseGradConfig]) tf.registerGradient(gradient);
  patchState.kernels.push('GankitReflectionPadGrad (ReflectionPadding2D gradient, cpu and wasm)');
  patchState.kernels.push('GankitInstanceNorm, GankitInstanceNormGrad (InstanceNormalization, cpu and wasm)');
  patchState.kernels.push('GankitLeakyReluGrad (Relu and LeakyRelu gradients, cpu and wasm)');
  if (patchDenseLayer()) patchState.kernels.push('GankitDense (tf.layers.dense, linear or ReLU, in one launch, cpu and wasm)');
  // The engine saves tensors for the backward pass without an Identity dispatch each (cpu and wasm).
  if (patchSaveForBackward()) patchState.kernels.push('Identity (no dispatch when the tape saves a tensor)');
  // Fused conv2d / matMul compute only the gradients the tape needs (every backend).
  if (patchLazyFusedGradients()) patchState.kernels.push('fusedConv2d / fusedMatMul gradients (only the inputs the tape needs)');
  patchState.applied = true;
}
registerGradientPatches();
