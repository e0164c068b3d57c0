import type * as tf from '@tensorflow/tfjs';

/**
 * A constraint a trainer applies to the critic's variables after each critic
 * step (tfjs's `optimizer.minimize` never applies layer constraints itself).
 */
export interface LipschitzConstraint {
  /** A short identifier, e.g. `'weight-clipping'`. */
  readonly name: string;
  /** Projects the variables in place. */
  apply(variables: tf.Variable[]): void;
}
