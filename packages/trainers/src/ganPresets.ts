/** The GAN training presets, named after their papers. */
export type GanPresetName = 'dcgan' | 'wgan' | 'wgan-gp';

/** Optimizer and schedule defaults of one paper. */
export interface GanPreset {
  /** The preset's name. */
  readonly name: GanPresetName;
  /** The optimizer both networks use. */
  readonly optimizer: 'adam' | 'rmsprop';
  /** The learning rate of both networks (override per network with `learningRates` for TTUR). */
  readonly learningRate: number;
  /** Adam's β₁ and β₂ (Adam presets). */
  readonly betas?: readonly [number, number];
  /** Critic (discriminator) updates per generator update. */
  readonly criticSteps: number;
  /** Weight clipping bound applied to the critic after each update (WGAN). */
  readonly weightClip?: number;
  /** The gradient-penalty weight λ of the paper. The trainer does not build penalties: pass one, e.g. `gradientPenalty({ lambda: 10 })` from `@gankit/losses`. */
  readonly penaltyWeight?: number;
  /** Whether the preset needs a penalty in `penalties`. */
  readonly needsPenalty: boolean;
  /** Where the numbers come from. */
  readonly paper: string;
}

/**
 * The defaults {@link GanTrainer} takes from the papers. Chosen by the
 * `preset` option, or else from the loss's `name`: `'wasserstein'` with a
 * penalty → `'wgan-gp'`, `'wasserstein'` without → `'wgan'`, anything else
 * (non-saturating, minimax, hinge, least squares, unnamed) → `'dcgan'`.
 *
 * - `dcgan`: Adam, learning rate 2e-4, β₁ 0.5 (β₂ 0.999), 1 discriminator step — Radford, Metz & Chintala 2016, §4.
 * - `wgan`: RMSprop, learning rate 5e-5, critic weights clipped to [−0.01, 0.01], 5 critic steps — Arjovsky, Chintala & Bottou 2017, Algorithm 1.
 * - `wgan-gp`: Adam, learning rate 1e-4, β = (0, 0.9), 5 critic steps, penalty λ = 10 — Gulrajani et al. 2017, Algorithm 1.
 *
 * Adam and RMSprop use ε = 1e-8 and RMSprop's decay is 0.99, as in the
 * papers' reference (Torch/PyTorch) implementations.
 *
 * @example
 * ```ts
 * GAN_PRESETS['wgan-gp'].criticSteps; // 5
 * const trainer = new GanTrainer({ generator, discriminator, loss, preset: 'wgan', seed: 1 });
 * ```
 */
export const GAN_PRESETS: Readonly<Record<GanPresetName, GanPreset>> = Object.freeze({
  dcgan: Object.freeze({
    name: 'dcgan',
    optimizer: 'adam',
    learningRate: 2e-4,
    betas: [0.5, 0.999] as const,
    criticSteps: 1,
    needsPenalty: false,
    paper: 'Radford, Metz & Chintala 2016, Unsupervised Representation Learning with Deep Convolutional GANs',
  }),
  wgan: Object.freeze({
    name: 'wgan',
    optimizer: 'rmsprop',
    learningRate: 5e-5,
    criticSteps: 5,
    weightClip: 0.01,
    needsPenalty: false,
    paper: 'Arjovsky, Chintala & Bottou 2017, Wasserstein GAN',
  }),
  'wgan-gp': Object.freeze({
    name: 'wgan-gp',
    optimizer: 'adam',
    learningRate: 1e-4,
    betas: [0, 0.9] as const,
    criticSteps: 5,
    penaltyWeight: 10,
    needsPenalty: true,
    paper: 'Gulrajani et al. 2017, Improved Training of Wasserstein GANs',
  }),
} satisfies Record<GanPresetName, GanPreset>);
