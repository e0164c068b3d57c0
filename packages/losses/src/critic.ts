import type * as tf from '@tensorflow/tfjs';

/**
 * What a penalty can differentiate: a `tf.LayersModel` (called with
 * `training: true`, so batch norm and spectral normalization behave as in a
 * training step) or any function from input(s) to scores. Conditional critics
 * take `[x, labels]`.
 */
export type Critic = tf.LayersModel | ((inputs: tf.Tensor | tf.Tensor[]) => tf.Tensor);

/** A batch for a critic: a tensor, or `[x, …conditioning]` for conditional critics. */
export type CriticInput = tf.Tensor | tf.Tensor[];

/** What a trainer may pass to a penalty so its randomness is reproducible. */
export interface PenaltyContext {
  /** Returns a tensor of the given shape with values uniform in [0, 1); default `tf.randomUniform`. */
  uniform?: (shape: number[]) => tf.Tensor;
}

/**
 * A regularizer of the critic: `(critic, real, fake, context?) → Scalar`,
 * added to the critic's loss. Trainers accept any function of this shape.
 */
export type Penalty = (critic: Critic, real: CriticInput, fake: CriticInput, context?: PenaltyContext) => tf.Scalar;
