import * as tf from '@tensorflow/tfjs';
import { activationLayer } from './activations.js';
import type { Activation } from './activations.js';
import { apply } from './apply.js';
import type { Initializers } from './initializers.js';
import { needsBias, normalizationLayer } from './normalization.js';
import type { Normalization } from './normalization.js';
import { wrapWith } from './wrap.js';
import type { WrapLayer } from './wrap.js';

/** Resolved settings of a DCGAN generator. */
export interface DcganGeneratorPlan {
  base: number;
  doublings: number;
  channels: number;
  filters: number;
  kernelSize: number;
  activation: Activation;
  batchNorm: boolean;
  /** Units of a dense layer between the code and the projection; 0 for none. */
  hiddenUnits: number;
  init: Initializers;
}

/**
 * The DCGAN generator from a code vector: with `hiddenUnits` > 0 first a dense
 * layer of that many units (batch norm, the activation; InfoGAN's MNIST
 * generator has 1,024), then dense to base × base × (filters ·
 * 2^(doublings−1)), reshaped ("project and reshape", then batch norm per
 * channel and the activation), then stride-2 conv-transposes halving the filters and
 * doubling the size, each followed by batch norm and the activation; the last
 * one outputs `channels` through tanh. Kernels and the dense weights are drawn
 * from N(0, 0.02).
 */
export function dcganGeneratorBody(code: tf.SymbolicTensor, p: DcganGeneratorPlan): tf.SymbolicTensor {
  const top = p.filters * 2 ** (p.doublings - 1);
  const norm = (h: tf.SymbolicTensor): tf.SymbolicTensor => (p.batchNorm ? apply(normalizationLayer('batch', 4, p.init)!, h) : h);
  let h = code;
  if (p.hiddenUnits > 0) {
    h = apply(tf.layers.dense({ units: p.hiddenUnits, useBias: !p.batchNorm, kernelInitializer: p.init.normal() }), h);
    if (p.batchNorm) h = apply(normalizationLayer('batch', 2, p.init)!, h);
    h = apply(activationLayer(p.activation), h);
  }
  h = apply(tf.layers.dense({ units: p.base * p.base * top, useBias: !p.batchNorm, kernelInitializer: p.init.normal() }), h);
  h = apply(tf.layers.reshape({ targetShape: [p.base, p.base, top] }), h);
  h = apply(activationLayer(p.activation), norm(h));
  for (let i = 1; i < p.doublings; i++) {
    const convT = tf.layers.conv2dTranspose({
      filters: top / 2 ** i,
      kernelSize: p.kernelSize,
      strides: 2,
      padding: 'same',
      useBias: !p.batchNorm,
      kernelInitializer: p.init.normal(),
    });
    h = apply(activationLayer(p.activation), norm(apply(convT, h)));
  }
  const out = tf.layers.conv2dTranspose({
    filters: p.channels,
    kernelSize: p.kernelSize,
    strides: 2,
    padding: 'same',
    kernelInitializer: p.init.normal(),
  });
  return apply(tf.layers.activation({ activation: 'tanh' }), apply(out, h));
}

/** Resolved settings of a DCGAN discriminator's convolutional features. */
export interface DcganFeaturesPlan {
  builder: string;
  doublings: number;
  filters: number;
  kernelSize: number;
  normalization: Normalization;
  /** Units of a dense layer after the convs; 0 for none. */
  hiddenUnits: number;
  init: Initializers;
  wrap: WrapLayer | undefined;
}

/**
 * The DCGAN discriminator's features: stride-2 convs doubling the filters
 * (filters, 2·filters, …), each followed by the normalization (none on the
 * first, as Radford et al.) and leaky ReLU 0.2; flattened to [batch, F]. With
 * `hiddenUnits` > 0, then a dense layer of that many units with the same
 * normalization and leaky ReLU 0.2 (InfoGAN's MNIST discriminator has 1,024),
 * and F = hiddenUnits.
 */
export function dcganFeatures(x: tf.SymbolicTensor, p: DcganFeaturesPlan): tf.SymbolicTensor {
  let h = x;
  for (let i = 0; i < p.doublings; i++) {
    const kind: Normalization = i === 0 ? 'none' : p.normalization;
    const conv = tf.layers.conv2d({
      filters: p.filters * 2 ** i,
      kernelSize: p.kernelSize,
      strides: 2,
      padding: 'same',
      useBias: needsBias(kind),
      kernelInitializer: p.init.normal(),
    });
    h = apply(wrapWith(p.builder, p.wrap, conv), h);
    const norm = normalizationLayer(kind, 4, p.init);
    if (norm !== null) h = apply(norm, h);
    h = apply(activationLayer('leakyRelu', 0.2), h);
  }
  h = apply(tf.layers.flatten(), h);
  return p.hiddenUnits > 0 ? denseHidden(p.builder, h, p.hiddenUnits, p.normalization, p.init, p.wrap) : h;
}

/**
 * A fully connected hidden layer on [batch, F] features: dense to `units`
 * (N(0, 0.02) kernel, no bias when the normalization has its own offset,
 * passed through the `wrapLayer` hook), the normalization, leaky ReLU 0.2.
 * The DCGAN discriminator's `hiddenUnits` layer, and InfoGAN's Q hidden layer
 * (batch norm).
 */
export function denseHidden(
  builder: string,
  features: tf.SymbolicTensor,
  units: number,
  kind: Normalization,
  init: Initializers,
  wrap: WrapLayer | undefined,
): tf.SymbolicTensor {
  const dense = tf.layers.dense({ units, useBias: needsBias(kind), kernelInitializer: init.normal() });
  let h = apply(wrapWith(builder, wrap, dense), features);
  const norm = normalizationLayer(kind, 2, init);
  if (norm !== null) h = apply(norm, h);
  return apply(activationLayer('leakyRelu', 0.2), h);
}

/** The DCGAN discriminator's last layer: dense to one logit, N(0, 0.02) weights. */
export function dcganLogit(builder: string, features: tf.SymbolicTensor, init: Initializers, wrap: WrapLayer | undefined): tf.SymbolicTensor {
  return denseHead(builder, features, 1, init, wrap);
}

/**
 * A dense head on a discriminator's features: `units` outputs, N(0, 0.02)
 * kernel, zero bias, passed through the `wrapLayer` hook; the dense layer is
 * named `name` when given (the model's output name, unless the hook returns
 * another layer).
 */
export function denseHead(
  builder: string,
  features: tf.SymbolicTensor,
  units: number,
  init: Initializers,
  wrap: WrapLayer | undefined,
  name?: string,
): tf.SymbolicTensor {
  const dense = tf.layers.dense({ units, kernelInitializer: init.normal(), ...(name === undefined ? {} : { name }) });
  return apply(wrapWith(builder, wrap, dense), features);
}
