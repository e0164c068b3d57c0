import type * as tf from '@tensorflow/tfjs';
import { checkInteger, optionError, show } from './validate.js';

/** Linear learning-rate decay to 0, as the CycleGAN reference code schedules it (per step instead of per epoch). */
export interface LinearDecay {
  /** Steps at the full rate before the decay begins. */
  start: number;
  /** Steps over which the rate falls linearly to 0 (it stays 0 after). */
  steps: number;
}

/** Checks the optional linear decay. */
export function checkDecay(owner: string, value: unknown): LinearDecay | undefined {
  if (value === undefined) return undefined;
  const d = value as Partial<LinearDecay> | null;
  if (d == null || typeof d !== 'object') throw optionError(owner, 'learningRateDecay', `must be { start, steps }, got ${show(value)}`);
  return { start: checkInteger(owner, 'learningRateDecay.start', d.start ?? Number.NaN, 0, 0), steps: checkInteger(owner, 'learningRateDecay.steps', d.steps ?? Number.NaN, 0, 1) };
}

/** The learning rate of step `step` (0-based): base·(1 − max(0, step − start)/steps), at least 0. */
export function decayedRate(base: number, decay: LinearDecay | undefined, step: number): number {
  if (decay === undefined) return base;
  return base * Math.max(0, 1 - Math.max(0, step - decay.start) / decay.steps);
}

/** Sets an optimizer's learning rate (tfjs optimizers read it at every update). */
export function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

/** An optimizer's learning rate (every tfjs optimizer keeps it as `learningRate`). */
export function learningRateOf(optimizer: tf.Optimizer): number {
  return (optimizer as unknown as { learningRate: number }).learningRate;
}
