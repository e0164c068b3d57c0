import * as tf from '@tensorflow/tfjs';

/**
 * An exponential moving average of variables (Polyak averaging of the
 * generator; Yazıcı et al. 2019, "The Unusual Effectiveness of Averaging in
 * GAN Training"), with TensorFlow's `ExponentialMovingAverage` warm-up: the
 * decay used at update n is min(decay, (1 + n) / (10 + n)):
 *
 *   avg_n = d_n · avg_{n−1} + (1 − d_n) · w_n,  avg_0 = w_0.
 *
 * The trainers average a generator's trainable weights and its batch-norm
 * moving statistics (`averagedWeights`).
 */
export class WeightAverage {
  private readonly averages: tf.Variable[];
  /** Updates so far. */
  updates = 0;

  constructor(
    private readonly variables: tf.Variable[],
    readonly decay: number,
  ) {
    this.averages = variables.map((v) => tf.variable(v, false));
  }

  /** One averaging step after an optimizer update. */
  update(): void {
    const d = Math.min(this.decay, (1 + this.updates) / (10 + this.updates));
    tf.tidy(() => {
      this.variables.forEach((v, i) => {
        const avg = this.averages[i]!;
        avg.assign(tf.add(tf.mul(avg, d), tf.mul(v, 1 - d)));
      });
    });
    this.updates++;
  }

  /** The averaged values (the variables themselves: do not dispose). */
  values(): readonly tf.Variable[] {
    return this.averages;
  }

  /** Overwrites the averages (from a checkpoint). */
  assign(values: readonly tf.Tensor[], updates: number): void {
    this.averages.forEach((avg, i) => avg.assign(values[i]!));
    this.updates = updates;
  }

  /** Runs `fn` with the averages swapped into the variables, then puts the live values back. */
  withAverages<T>(fn: () => T): T {
    const backups = this.variables.map((v) => v.clone());
    try {
      this.variables.forEach((v, i) => v.assign(this.averages[i]!));
      return fn();
    } finally {
      this.variables.forEach((v, i) => v.assign(backups[i]!));
      tf.dispose(backups);
    }
  }

  dispose(): void {
    tf.dispose(this.averages);
  }
}
