import * as tf from '@tensorflow/tfjs';
import type { Critic, CriticInput } from '../critic.js';

/** Calls a critic on inputs in training mode and returns its scores. */
export function callCritic(critic: Critic, inputs: CriticInput): tf.Tensor {
  if (critic instanceof tf.LayersModel) {
    const out = critic.apply(inputs, { training: true });
    if (Array.isArray(out)) throw new Error('critic: expected a model with one output, got several');
    return out as tf.Tensor;
  }
  return critic(inputs);
}

/** Splits a critic input into the part a penalty differentiates (x) and the conditioning it passes through. */
export function splitInput(fn: string, name: string, input: CriticInput): { x: tf.Tensor; rest: tf.Tensor[] } {
  if (input instanceof tf.Tensor) return { x: input, rest: [] };
  if (Array.isArray(input) && input.length > 0 && input.every((t) => t instanceof tf.Tensor)) {
    return { x: input[0]!, rest: input.slice(1) };
  }
  throw new Error(`${fn}: '${name}' must be a tf.Tensor or a non-empty array [x, …conditioning] of tensors`);
}

/** Re-assembles x with its conditioning, in the form the critic was given. */
export function joinInput(x: tf.Tensor, rest: tf.Tensor[]): CriticInput {
  return rest.length === 0 ? x : [x, ...rest];
}

/**
 * ∇ₓ Σ_i D(x_i, c_i): per-sample input gradients (samples are independent, so
 * the gradient of the sum holds each sample's own gradient). Recorded on the
 * tape, so it can be differentiated again with respect to the critic's weights.
 */
export function inputGradient(critic: Critic, x: tf.Tensor, rest: tf.Tensor[]): tf.Tensor {
  return tf.grad((xi: tf.Tensor) => tf.sum(callCritic(critic, joinInput(xi, rest))))(x);
}

/** ‖g_i‖₂ per sample, with ε² inside the square root so a zero gradient has a finite derivative. */
export function perSampleNorm(g: tf.Tensor, epsilon: number): tf.Tensor {
  const axes = g.shape.slice(1).map((_, i) => i + 1);
  const sq = axes.length > 0 ? tf.sum(tf.square(g), axes) : tf.square(g);
  return tf.sqrt(tf.add(sq, epsilon * epsilon));
}
