import type * as tf from '@tensorflow/tfjs';

/**
 * Anything shaped like an adversarial loss on logits — the trainers need only
 * these two methods, so any loss from `@gankit/losses`, or your own, fits.
 *
 * @example
 * ```ts
 * // The non-saturating loss of Goodfellow et al. (2014), in its stable softplus form.
 * const loss: AdversarialLoss = {
 *   name: 'non-saturating',
 *   discriminator: (real, fake) => tf.tidy(() => tf.add(tf.mean(tf.softplus(tf.neg(real))), tf.mean(tf.softplus(fake)))),
 *   generator: (fake) => tf.tidy(() => tf.mean(tf.softplus(tf.neg(fake)))),
 * };
 * ```
 */
export interface AdversarialLoss {
  /** The discriminator's (critic's) loss, to minimise, from its scores on real and generated samples. */
  discriminator(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar;
  /** The generator's loss, to minimise; `realLogits` is passed when the method declares a second parameter (relativistic losses). */
  generator(fakeLogits: tf.Tensor, realLogits?: tf.Tensor): tf.Scalar;
  /** The loss's name: `'non-saturating'`, `'minimax'`, `'wasserstein'`, `'hinge'`, `'least-squares'`, …; picks the GAN preset. */
  readonly name?: string;
}

/**
 * A critic as penalties see it: a `tf.LayersModel`, or any function from the
 * critic's input(s) to its scores. Trainers pass a function that runs the
 * discriminator in training mode; for conditional critics the inputs are `[x, labels]`.
 *
 * @example
 * ```ts
 * const score = (critic: Critic, x: tf.Tensor): tf.Tensor =>
 *   typeof critic === 'function' ? critic(x) : (critic.apply(x, { training: true }) as tf.Tensor);
 * ```
 */
export type Critic = tf.LayersModel | ((inputs: tf.Tensor | tf.Tensor[]) => tf.Tensor);

/**
 * What a trainer hands a penalty besides the critic and the samples.
 *
 * @example
 * ```ts
 * const eps = context?.uniform ? context.uniform([n, 1]) : tf.randomUniform([n, 1]); // seeded when a trainer calls
 * ```
 */
export interface PenaltyContext {
  /** Uniform [0, 1) float32 noise of `shape` from the trainer's seeded generator, so penalised runs are reproducible. */
  uniform?: (shape: number[]) => tf.Tensor;
}

/**
 * A regulariser of the critic, e.g. the WGAN-GP gradient penalty (Gulrajani et
 * al. 2017) or R1 (Mescheder et al. 2018). Called inside the discriminator's
 * loss function (it may differentiate the critic — double backprop); its value
 * is added to the discriminator loss and logged as `penalty`. For conditional
 * critics `real` and `fake` are `[x, labels]`; a penalty interpolates `x` only.
 *
 * @example
 * ```ts
 * // R1 (Mescheder et al. 2018): γ/2 · E‖∇D(x_real)‖², unconditional critic.
 * const r1 = (gamma = 10): Penalty => (critic, real) =>
 *   tf.tidy(() => {
 *     const d = (x: tf.Tensor) => tf.sum(typeof critic === 'function' ? critic(x) : (critic.apply(x) as tf.Tensor));
 *     const g = tf.grad(d)(real as tf.Tensor);
 *     return tf.mul(gamma / 2, tf.mean(tf.sum(tf.square(g), -1))) as tf.Scalar;
 *   });
 * ```
 */
export type Penalty = (critic: Critic, real: tf.Tensor | tf.Tensor[], fake: tf.Tensor | tf.Tensor[], context?: PenaltyContext) => tf.Scalar;

/**
 * A constraint the trainer applies to the critic's trainable variables after
 * every critic step, e.g. weight clipping (Arjovsky et al. 2017). tfjs's
 * `minimize` never applies layer constraints, so this is how they are enforced.
 */
export interface LipschitzConstraint {
  /**
   * Projects `variables` in place.
   *
   * @param variables - the critic's trainable variables.
   *
   * @example
   * ```ts
   * const clip: LipschitzConstraint = { apply: (vars) => tf.tidy(() => vars.forEach((v) => v.assign(tf.clipByValue(v, -0.01, 0.01)))) };
   * ```
   */
  apply(variables: tf.Variable[]): void;
}

/**
 * One batch of training data. `x` (or `xs`, as `@gankit/datasets` names it) is
 * `[batch, ...sampleShape]` float32; `labels` are class indices `[batch]` /
 * `[batch, 1]` or one-hot `[batch, numClasses]`. When a trainer pulls batches
 * from a dataset in `fit`, it disposes their tensors after use.
 *
 * @example
 * ```ts
 * function* batches(): Generator<TrainingBatch> {
 *   for (;;) yield { x: tf.randomNormal([64, 2]) };          // disposed by fit
 * }
 * await trainer.fit(batches(), { steps: 100 });
 * await trainer.fit(mnist.batches({ batchSize: 64 }));       // @gankit/datasets batches ({ xs, labels }) fit too
 * ```
 */
export type TrainingBatch =
  | { readonly x: tf.Tensor; readonly labels?: tf.Tensor }
  | { readonly xs: tf.Tensor; readonly labels?: tf.Tensor };

/** Any source of batches `fit` accepts: a (sync or async) iterable or iterator. */
export type BatchSource<B = TrainingBatch> = AsyncIterable<B> | Iterable<B> | AsyncIterator<B> | Iterator<B>;

/** Numbers a trainer reports after each step; every trainer adds its own fields. */
export interface StepLogs {
  /** The step just completed, from 1. */
  readonly step: number;
  /** Wall-clock seconds the step took, including reading the logged values back. */
  readonly secondsPerStep: number;
  readonly [name: string]: number | undefined;
}

/** Logs of one {@link GanTrainer} / {@link ConditionalGanTrainer} step. */
export interface GanStepLogs extends StepLogs {
  /** The discriminator's loss (adversarial part + penalties), mean over the step's critic updates. */
  readonly discriminatorLoss: number;
  /** The generator's loss. */
  readonly generatorLoss: number;
  /** The sum of the penalties, mean over the critic updates (0 without penalties). */
  readonly penalty: number;
  /** mean D(real) − mean D(fake), an estimate of the Wasserstein-1 distance, for Wasserstein critics. */
  readonly wassersteinEstimate?: number;
  /** Global L2 norm of the discriminator's gradient, mean over the critic updates. */
  readonly discriminatorGradNorm: number;
  /** Global L2 norm of the generator's gradient. */
  readonly generatorGradNorm: number;
  /** The discriminator's extra heads' term (ACGAN's weighted class cross-entropy on real and fake, InfoGAN's −λ·L_I), mean over the critic updates; only with heads. */
  readonly discriminatorAuxiliaryLoss?: number;
  /** The generator's heads' term (ACGAN's weighted class cross-entropy of its samples, InfoGAN's −λ·L_I); only with heads. */
  readonly generatorAuxiliaryLoss?: number;
}

/** Logs of one {@link VaeTrainer} step; all per example, in nats. */
export interface VaeStepLogs extends StepLogs {
  /** The evidence lower bound, −(reconstruction + KL): higher is better. */
  readonly elbo: number;
  /** The negative log-likelihood of the data under the decoder. */
  readonly reconstruction: number;
  /** KL(q(z|x) ‖ N(0, I)). */
  readonly kl: number;
  /** The minimised loss, reconstruction + β·KL. */
  readonly loss: number;
  /** Global L2 norm of the gradient (encoder and decoder). */
  readonly gradNorm: number;
}

/**
 * One step's data for the unpaired translation trainers ({@link CycleGanTrainer},
 * {@link UnitTrainer}): a batch of each domain, not paired with each other.
 * Each side is an image tensor `[batch, h, w, c]`, or a batch object with `x`
 * / `xs` (as `@gankit/datasets` yields them). The two batch sizes may differ.
 * `fit` disposes both after use.
 *
 * @example
 * ```ts
 * function* pairs(): Generator<UnpairedBatch> {
 *   for (;;) yield { a: domainA.nextBatch(), b: domainB.nextBatch() };
 * }
 * await trainer.fit(pairs(), { steps: 10_000 });
 * ```
 */
export interface UnpairedBatch {
  /** Domain A images (or a batch holding them). */
  readonly a: tf.Tensor | { readonly x: tf.Tensor } | { readonly xs: tf.Tensor };
  /** Domain B images (or a batch holding them). */
  readonly b: tf.Tensor | { readonly x: tf.Tensor } | { readonly xs: tf.Tensor };
}

/** Logs of one {@link CycleGanTrainer} step (losses are means over the batch). */
export interface CycleGanStepLogs extends StepLogs {
  /** The generators' total loss: adversarial terms + cycleWeight·cycle + identityWeight·identity. */
  readonly generatorLoss: number;
  /** G_BA's adversarial loss against D_A (translations into domain A). */
  readonly generatorAdversarialA: number;
  /** G_AB's adversarial loss against D_B (translations into domain B). */
  readonly generatorAdversarialB: number;
  /** Cycle-consistency error, mean L1: cycleA + cycleB (unweighted). */
  readonly cycle: number;
  /** mean |G_BA(G_AB(a)) − a|. */
  readonly cycleA: number;
  /** mean |G_AB(G_BA(b)) − b|. */
  readonly cycleB: number;
  /** Identity error, mean L1: |G_BA(a) − a| + |G_AB(b) − b| (unweighted; 0 when its weight is 0). */
  readonly identity: number;
  /** CyCADA's semantic-consistency term of both directions (unweighted), with the `semanticConsistency` option only. */
  readonly semantic?: number;
  /** D_A's loss (real A against pooled translations into A). */
  readonly discriminatorLossA: number;
  /** D_B's loss (real B against pooled translations into B). */
  readonly discriminatorLossB: number;
  /** The generators' learning rate used in this step (after any decay). */
  readonly learningRate: number;
}

/** Logs of one {@link UnitTrainer} step (losses are means over the batch, each the sum over both domains). */
export interface UnitStepLogs extends StepLogs {
  /** The weighted total the encoders and decoders minimise. */
  readonly generatorLoss: number;
  /** Adversarial loss of the translations B→A against D_A. */
  readonly generatorAdversarialA: number;
  /** Adversarial loss of the translations A→B against D_B. */
  readonly generatorAdversarialB: number;
  /** Within-domain reconstruction error, mean L1, both domains. */
  readonly reconstruction: number;
  /** ½·mean μ² of both encodings (the unit-variance KL up to its constant). */
  readonly kl: number;
  /** Cycle reconstruction error A→B→A and B→A→B, mean L1. */
  readonly cycleReconstruction: number;
  /** ½·mean μ² of the re-encoded translations. */
  readonly cycleKl: number;
  /** D_A's loss. */
  readonly discriminatorLossA: number;
  /** D_B's loss. */
  readonly discriminatorLossB: number;
}
