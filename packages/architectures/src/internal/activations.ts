import * as tf from '@tensorflow/tfjs';

/** Hidden-layer activations the builders accept. */
export const ACTIVATIONS = ['relu', 'leakyRelu', 'tanh', 'elu', 'selu', 'sigmoid', 'linear'] as const;
/** A hidden-layer activation name; `'leakyRelu'` has slope 0.2 for negative inputs. */
export type Activation = (typeof ACTIVATIONS)[number];

/** A layer computing the activation (`leakyRelu` as a LeakyReLU layer with α = 0.2). */
export function activationLayer(name: Activation, alpha = 0.2): tf.layers.Layer {
  return name === 'leakyRelu' ? tf.layers.leakyReLU({ alpha }) : tf.layers.activation({ activation: name });
}
