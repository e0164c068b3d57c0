import type * as tf from '@tensorflow/tfjs';

/** Which networks a training step updates: both (a normal GAN step), only the discriminator, or only the generator. */
export const TRAIN_MODES = ['both', 'discriminator', 'generator'] as const;
/** A training focus, as the page's menu names it. */
export type TrainMode = (typeof TRAIN_MODES)[number];

/** Menu labels of the training focus. */
export const TRAIN_MODE_LABELS: Readonly<Record<TrainMode, string>> = {
  both: 'both',
  discriminator: 'D only',
  generator: 'G only',
};

/**
 * Lets a training step leave one network untouched, as GAN Lab's "train D
 * only / G only" does, without changing @gankit/trainers. `GanTrainer` has no
 * such option, a learning rate of 0 is rejected (and Adam would still move
 * its moments), and setting a model's `trainable = false` does nothing once
 * the trainer has cached its variable lists. What is sound is to skip the
 * frozen network's optimizer update: the trainer hands every update to its
 * optimizer's `applyGradients` (its public `generatorOptimizer` and
 * `discriminatorOptimizer`), so a gate there leaves that network's weights
 * and its optimizer's state (Adam's moments and step count) exactly as they
 * were; switching back resumes that network as if the frozen steps had not
 * happened for it. Its gradients are still computed (and thrown away), the
 * step counter still advances (so a learning-rate decay still runs), and
 * what the trainer does besides updates still happens: an EMA of G keeps
 * averaging G's unchanged weights, so samples drawn from the average settle
 * onto the live generator during "D only", and a spectrally normalized D
 * still refines its power-iteration vectors in its forward pass.
 *
 * @example
 * ```ts
 * const focus = new TrainFocus(trainer.generatorOptimizer, trainer.discriminatorOptimizer);
 * focus.mode = 'discriminator';
 * await trainer.step(batch); // D learns; G's weights and Adam state stay as they were
 * ```
 */
export class TrainFocus {
  /** The networks the next steps update. */
  mode: TrainMode = 'both';

  /**
   * @param generatorOptimizer - the trainer's generator optimizer (its `applyGradients` is gated).
   * @param discriminatorOptimizer - the trainer's discriminator optimizer (likewise).
   */
  constructor(generatorOptimizer: tf.Optimizer, discriminatorOptimizer: tf.Optimizer) {
    this.gate(generatorOptimizer, () => this.mode !== 'discriminator');
    this.gate(discriminatorOptimizer, () => this.mode !== 'generator');
  }

  private gate(optimizer: tf.Optimizer, open: () => boolean): void {
    const apply = optimizer.applyGradients.bind(optimizer);
    // The gradients belong to the trainer's tf.tidy, which disposes them either way.
    optimizer.applyGradients = (gradients) => {
      if (open()) apply(gradients);
    };
  }
}
