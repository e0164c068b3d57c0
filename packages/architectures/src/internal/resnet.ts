import * as tf from '@tensorflow/tfjs';
import { instanceNormalization } from '../layers/instanceNormalization.js';
import { reflectionPadding2D } from '../layers/reflectionPadding2D.js';
import { activationLayer } from './activations.js';
import type { Activation } from './activations.js';
import { apply, chain } from './apply.js';
import type { Initializers } from './initializers.js';

/** Instance norm with or without learned scale and offset. */
function norm(affine: boolean): tf.layers.Layer {
  return instanceNormalization({ center: affine, scale: affine });
}

/** A residual block's layers, made once and applicable to any number of inputs (sharing its weights). */
export interface ResidualBlock {
  /** Every layer of the block, in order (the add layer last). */
  layers: tf.layers.Layer[];
  /** x + F(x). */
  apply(x: tf.SymbolicTensor): tf.SymbolicTensor;
}

/**
 * The CycleGAN residual block: reflect-pad 1, conv 3×3, instance norm,
 * activation, reflect-pad 1, conv 3×3, instance norm; added to the input.
 * Applying it to several inputs reuses the same layers, hence the same weights.
 */
export function residualBlock(filters: number, init: Initializers, affine: boolean, activation: Activation = 'relu'): ResidualBlock {
  const conv = (): tf.layers.Layer => tf.layers.conv2d({ filters, kernelSize: 3, padding: 'valid', kernelInitializer: init.normal() });
  const body = [
    reflectionPadding2D({ padding: 1 }),
    conv(),
    norm(affine),
    activationLayer(activation),
    reflectionPadding2D({ padding: 1 }),
    conv(),
    norm(affine),
  ];
  const add = tf.layers.add();
  return {
    layers: [...body, add],
    apply: (x) => apply(add, [x, chain(x, body)]),
  };
}

/** c7s1-k: reflect-pad 3, conv 7×7 stride 1 to k filters, instance norm, activation. */
export function c7s1(x: tf.SymbolicTensor, filters: number, init: Initializers, affine: boolean, activation: Activation): tf.SymbolicTensor {
  return chain(x, [
    reflectionPadding2D({ padding: 3 }),
    tf.layers.conv2d({ filters, kernelSize: 7, padding: 'valid', kernelInitializer: init.normal() }),
    norm(affine),
    activationLayer(activation),
  ]);
}

/** dk: conv 3×3 stride 2 to k filters, instance norm, activation (halves the size). */
export function down(x: tf.SymbolicTensor, filters: number, init: Initializers, affine: boolean, activation: Activation): tf.SymbolicTensor {
  return chain(x, [
    tf.layers.conv2d({ filters, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: init.normal() }),
    norm(affine),
    activationLayer(activation),
  ]);
}

/** uk: conv-transpose 3×3 stride 2 to k filters, instance norm, activation (doubles the size). */
export function up(x: tf.SymbolicTensor, filters: number, init: Initializers, affine: boolean, activation: Activation): tf.SymbolicTensor {
  return chain(x, [
    tf.layers.conv2dTranspose({ filters, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: init.normal() }),
    norm(affine),
    activationLayer(activation),
  ]);
}

/** The output layer: reflect-pad (k−1)/2, conv k×k to the image channels, tanh. */
export function toImage(x: tf.SymbolicTensor, channels: number, kernelSize: number, init: Initializers): tf.SymbolicTensor {
  const layers: tf.layers.Layer[] = [];
  if (kernelSize > 1) layers.push(reflectionPadding2D({ padding: (kernelSize - 1) / 2 }));
  layers.push(tf.layers.conv2d({ filters: channels, kernelSize, padding: 'valid', kernelInitializer: init.normal() }));
  layers.push(tf.layers.activation({ activation: 'tanh' }));
  return chain(x, layers);
}
