import * as tf from '@tensorflow/tfjs';

/** A hidden-layer activation name; `'leakyRelu'` has slope 0.2 for negative inputs. */
export type Activation = 'relu' | 'leakyRelu' | 'tanh' | 'elu' | 'selu' | 'sigmoid' | 'linear';
/**
 * Every {@link Activation}, for checking options (in the order errors list
 * them). Written out as the public union above so the API docs show the
 * names; the record makes the compiler check that this list has each of them.
 */
export const ACTIVATIONS = Object.keys({ relu: 0, leakyRelu: 0, tanh: 0, elu: 0, selu: 0, sigmoid: 0, linear: 0 } satisfies Record<Activation, 0>) as Activation[];

/** A layer computing the activation (`leakyRelu` as a LeakyReLU layer with α = 0.2). */
export function activationLayer(name: Activation, alpha = 0.2): tf.layers.Layer {
  return name === 'leakyRelu' ? tf.layers.leakyReLU({ alpha }) : tf.layers.activation({ activation: name });
}
