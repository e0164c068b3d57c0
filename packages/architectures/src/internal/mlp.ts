import * as tf from '@tensorflow/tfjs';
import { activationLayer } from './activations.js';
import type { Activation } from './activations.js';
import { apply } from './apply.js';
import type { Initializers } from './initializers.js';
import { normalizationLayer } from './normalization.js';
import { wrapWith } from './wrap.js';
import type { WrapLayer } from './wrap.js';

/** Settings of a stack of dense layers. */
export interface DenseStack {
  builder: string;
  widths: readonly number[];
  activation: Activation;
  batchNorm: boolean;
  init: Initializers;
  wrap?: WrapLayer | undefined;
}

/**
 * dense → (batch norm) → activation, once per width. Without batch norm the
 * dense layers carry a bias; with it the norm's offset replaces the bias.
 */
export function denseStack(x: tf.SymbolicTensor, s: DenseStack): tf.SymbolicTensor {
  let h = x;
  for (const units of s.widths) {
    const dense = tf.layers.dense({ units, useBias: !s.batchNorm, kernelInitializer: s.init.glorot() });
    h = apply(wrapWith(s.builder, s.wrap, dense), h);
    if (s.batchNorm) h = apply(normalizationLayer('batch', 2, s.init)!, h);
    h = apply(activationLayer(s.activation), h);
  }
  return h;
}

/** A final dense layer to `units` outputs with a bias and an optional activation. */
export function denseOut(
  builder: string,
  x: tf.SymbolicTensor,
  units: number,
  init: Initializers,
  activation: Activation = 'linear',
  wrap?: WrapLayer,
): tf.SymbolicTensor {
  const dense = tf.layers.dense({ units, kernelInitializer: init.glorot() });
  const out = apply(wrapWith(builder, wrap, dense), x);
  return activation === 'linear' ? out : apply(activationLayer(activation), out);
}
