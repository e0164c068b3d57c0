import type { WrapLayer } from '@gankit/architectures';
import {
  gradientPenalty,
  hingeLoss,
  leastSquaresLoss,
  minimaxLoss,
  nonSaturatingLoss,
  relativisticAverageLeastSquaresLoss,
  relativisticAverageLoss,
  spectralNorm,
  wassersteinLoss,
  weightClipping,
} from '@gankit/losses';
import type { AdversarialLoss, LipschitzConstraint, Penalty } from '@gankit/losses';
import type { GanPresetName } from '@gankit/trainers';
import { SETUP_PRESETS } from './settings.js';
import type { LossSetupName } from './settings.js';

/**
 * How the discriminator's output is coloured in the heat map: as the
 * probability σ(logit) that a point is real, on a fixed range of scores, or
 * on the range the critic currently spans (Wasserstein critics are unbounded).
 */
export type HeatScale = { readonly kind: 'sigmoid' } | { readonly kind: 'fixed'; readonly lo: number; readonly hi: number } | { readonly kind: 'auto' };

/** A loss setup composed from @gankit/losses: the loss, its penalties and constraints, the critic's layer wrapper. */
export interface LossSetup {
  readonly name: LossSetupName;
  /** Shown in the loss menu. */
  readonly label: string;
  /** One line on what it is and where it comes from. */
  readonly note: string;
  /** Two or three sentences: what the loss is, its paper, what to watch for in the views ({@link LOSS_EXPLANATIONS}). */
  readonly explanation: string;
  /** How the critic is kept in check, for the model overview (e.g. "gradient penalty, λ = 10"), if at all. */
  readonly regularizer?: string;
  /** What the discriminator outputs, for the model overview. */
  readonly score: string;
  readonly preset: GanPresetName;
  readonly loss: AdversarialLoss;
  readonly penalties: Penalty[];
  readonly constraints: LipschitzConstraint[];
  /** Wraps every dense layer of the discriminator (spectral normalization). */
  readonly wrapLayer?: WrapLayer;
  readonly heat: HeatScale;
  /** What the heat map shows, for its legend. */
  readonly heatLabel: string;
  /** Set for the main job's setup: a mixture generator on a categorical + Gaussian latent, PacGAN packing, an EMA of G. */
  readonly mixture?: MixtureSetup;
}

/** How the mixture setup composes @gankit/architectures' `mlpMixtureGenerator` with the trainer (the CLI's `toy2d-mixture-pacgan`). */
export interface MixtureSetup {
  /** Categories of the one-hot code (`categoricalLatent`); the noise after it is the `z` setting. */
  readonly categories: number;
  /** The largest offset of a sample from its category's centre, per coordinate, in unit scale. */
  readonly maxOffset: number;
  /** PacGAN packing: the discriminator scores this many samples at once. */
  readonly packing: number;
  /** Decay of the generator's exponential moving average, which the views sample from. */
  readonly ema: number;
}

/** Menu labels of the setups. */
export const SETUP_LABELS: Readonly<Record<LossSetupName, string>> = {
  'mixture-pacgan': 'Mixture + PacGAN4 (main job, grid)',
  minimax: 'Minimax (original GAN)',
  'non-saturating': 'Non-saturating',
  'least-squares': 'Least squares (LSGAN)',
  hinge: 'Hinge',
  'ra-sgan': 'RaSGAN (relativistic average)',
  'ra-lsgan': 'RaLSGAN (relativistic average LS)',
  wgan: 'WGAN, weight clipping',
  'wgan-gp': 'WGAN-GP',
  'sn-hinge': 'Spectral norm + hinge',
};

/**
 * What each loss is, the paper it comes from, and what to watch for in the
 * views while it trains: shown beside the controls.
 */
export const LOSS_EXPLANATIONS: Readonly<Record<LossSetupName, string>> = {
  'mixture-pacgan':
    'The setup gankit’s toy benchmark trains (the CLI’s toy2d-mixture-pacgan): G is a mixture generator — a 50-way one-hot code picks a learned centre and a small, bounded offset network adds the spread, so no category can stretch between two modes — trained with the non-saturating loss while D judges packs of 4 samples at once (PacGAN, Lin et al. 2018), which makes a pack drawn from too few modes easy to spot. ' +
    'Watch the purple points gather into tight clusters, one or more categories per mode; the views sample an exponential moving average of G, which moves more smoothly than G itself.',
  minimax:
    'The original GAN game of Goodfellow et al. (2014, "Generative Adversarial Nets"): D is a real-vs-fake classifier trained with cross-entropy, and G minimises log(1 − D(G(z))), exactly the minimax objective. ' +
    'When D rejects the samples confidently this loss goes flat, so G learns slowly early on. ' +
    'Watch the heat map turn purple around the purple points while they hardly move, and the per-mode balance: every mode can count as covered while some hold only a handful of high-quality samples.',
  'non-saturating':
    'The same classifier D as the minimax GAN, but G maximises log D(G(z)) instead: the "non-saturating" heuristic of the same paper (Goodfellow et al. 2014), used in practice (DCGAN) because it gives G strong gradients exactly when D is winning. ' +
    'Watch the samples move towards green regions of the heat map; if they jump from mode to mode as D learns to reject each one, that is mode hopping, the dynamic behind mode collapse. ' +
    'At its default rates (Adam 1e-3 for both, as the CLI’s toy2d-gan) it covers the ring’s 8 modes within about 800 steps on every seed measured; with 64-D noise (z = 64) at DCGAN’s rate 2e-4 it collapses instead: one blob beside one or two modes, hopping between them.',
  'least-squares':
    'LSGAN (Mao et al. 2017) swaps the cross-entropy for squared errors to targets: D pushes scores of real points to 1 and of generated points to 0, G pushes its own to 1. ' +
    'Unlike the sigmoid losses it keeps penalising samples that are on the right side of the boundary but far from the data, so G keeps a gradient towards the modes. ' +
    'The heat map shows D’s raw output with colours clamped at the targets 0 and 1, so full purple or green means D is at or beyond its target there.',
  hinge:
    'The hinge loss of geometric GAN (Lim & Ye 2017), later used by SAGAN and BigGAN: D pays only for real scores below +1 and generated scores above −1, while G simply raises D’s score on its samples. ' +
    'Points beyond the margin stop teaching D anything, so the heat map tends to flat plateaus at ±1 with a band in between; watch whether the generated points sit in that band or get stuck on a plateau.',
  'ra-sgan':
    'Relativistic average GAN (Jolicoeur-Martineau 2018): D judges whether a real point scores higher than the average generated one, and G is trained to make the reverse true, so G’s loss also pulls real scores down. ' +
    'The heat map shows the raw critic score C(x); only its differences matter, so its colours are rescaled to the current range. Watch the generator loss: it reads real scores too and is not comparable with the standard GAN’s.',
  'ra-lsgan':
    'The least-squares form of the relativistic average GAN (Jolicoeur-Martineau 2018): squared errors on the same real-minus-average-fake differences, with targets +1 and −1. ' +
    'It combines LSGAN’s non-vanishing gradients with the relativistic comparison; the heat map is again the raw critic score, rescaled to its current range, so compare regions with each other rather than with a fixed level.',
  wgan:
    'Wasserstein GAN (Arjovsky, Chintala & Bottou 2017): a critic f estimates the earth mover’s distance E[f(x)] − E[f(G(z))] between the data and the samples, which requires f to be 1-Lipschitz, enforced crudely by clipping every weight to ±0.01 after each of its 5 updates per generator step. ' +
    'The black W-estimate line should fall as the samples approach the data. Clipping makes the critic nearly linear, so expect a smooth tilt in the heat map rather than a bump per mode, and slow progress.',
  'wgan-gp':
    'WGAN-GP (Gulrajani et al. 2017): the same Wasserstein critic, kept 1-Lipschitz softly by the penalty 10·(‖∇f(x̂)‖ − 1)² at random points x̂ between real and generated samples, with 5 critic updates per generator step. ' +
    'The W estimate (black line) tracks how far the samples are from the data and should shrink as they spread over the modes; the heat map is the critic’s score, high on uncovered modes, where the samples are pulled next.',
  'sn-hinge':
    'Spectral normalization (Miyato et al. 2018) divides every critic weight matrix by an estimate of its largest singular value (one power iteration per step), bounding the critic’s Lipschitz constant; it is paired with the hinge loss, as in the paper. ' +
    'Because the critic cannot get steep, its heat map stays smooth and its scores small; compare how evenly the samples spread over the modes with the plain hinge loss.',
};

/**
 * Builds a loss setup from the public API of @gankit/losses, as a user would.
 *
 * @param name - the setup.
 * @returns the loss with its penalties, constraints and critic wrapper.
 */
export function buildLossSetup(name: LossSetupName): LossSetup {
  const base = {
    name,
    label: SETUP_LABELS[name],
    explanation: LOSS_EXPLANATIONS[name],
    preset: SETUP_PRESETS[name],
    penalties: [] as Penalty[],
    constraints: [] as LipschitzConstraint[],
    score: 'critic score C(x) ∈ ℝ',
  };
  const probability = { heat: { kind: 'sigmoid' } as const, heatLabel: 'D(x) = σ(logit), the probability of "real"', score: 'D(x) = σ(logit) ∈ (0, 1)' };
  switch (name) {
    case 'mixture-pacgan':
      return {
        ...base,
        ...probability,
        heatLabel: 'D(pack) = σ(logit) for a pack of x and three fixed real points',
        loss: nonSaturatingLoss(),
        mixture: { categories: 50, maxOffset: 0.05, packing: 4, ema: 0.999 },
        note:
          'A mixture generator (a learned centre per category of a 50-way code, plus an offset network bounded by 0.05 in unit scale, so no category can bridge two modes) on [onehot(c), z], the non-saturating loss, PacGAN packing of 4 (Lin et al. 2018), 2 D updates per G update, samples from an EMA of G — the CLI’s toy2d-mixture-pacgan, with faster learning rates that decay early (below).',
      };
    case 'minimax':
      return { ...base, ...probability, loss: minimaxLoss(), note: 'G minimises log(1 − D(G(z))) — Goodfellow et al. 2014; saturates when D wins.' };
    case 'non-saturating':
      return { ...base, ...probability, loss: nonSaturatingLoss(), note: 'G maximises log D(G(z)) — Goodfellow et al. 2014, the heuristic used in practice.' };
    case 'least-squares':
      return {
        ...base,
        loss: leastSquaresLoss(),
        heat: { kind: 'fixed', lo: 0, hi: 1 },
        heatLabel: 'D(x), targets 0 (fake) and 1 (real)',
        score: 'D(x) ∈ ℝ, targets 0 and 1',
        note: 'Squared-error targets a = 0, b = c = 1 — Mao et al. 2017 (LSGAN).',
      };
    case 'hinge':
      return {
        ...base,
        loss: hingeLoss(),
        heat: { kind: 'fixed', lo: -1.5, hi: 1.5 },
        heatLabel: 'D(x), hinge margins at −1 (fake) and +1 (real)',
        score: 'D(x) ∈ ℝ, margins ±1',
        note: 'D: E[max(0, 1 − D(x))] + E[max(0, 1 + D(G(z)))]; G: −E[D(G(z))] — Lim & Ye 2017.',
      };
    case 'ra-sgan':
      return {
        ...base,
        loss: relativisticAverageLoss(),
        heat: { kind: 'auto' },
        heatLabel: 'critic score C(x), scaled to its current range (D compares it with the other batch’s mean)',
        note: 'D: σ(C(real) − mean C(fake)) should be 1 and σ(C(fake) − mean C(real)) 0; G the reverse, so it also pulls real scores down — Jolicoeur-Martineau 2018.',
      };
    case 'ra-lsgan':
      return {
        ...base,
        loss: relativisticAverageLeastSquaresLoss(),
        heat: { kind: 'auto' },
        heatLabel: 'critic score C(x), scaled to its current range (D compares it with the other batch’s mean)',
        note: 'Least squares on the same differences: (C(real) − mean C(fake) − 1)² + (C(fake) − mean C(real) + 1)², G the reverse — Jolicoeur-Martineau 2018.',
      };
    case 'wgan':
      return {
        ...base,
        loss: wassersteinLoss(),
        constraints: [weightClipping({ clipValue: 0.01 })],
        regularizer: 'weights clipped to ±0.01',
        score: 'critic f(x) ∈ ℝ',
        heat: { kind: 'auto' },
        heatLabel: 'critic score f(x), scaled to its current range',
        note: 'Critic E[f(G(z))] − E[f(x)], its weights clipped to [−0.01, 0.01] after every update — Arjovsky et al. 2017.',
      };
    case 'wgan-gp':
      return {
        ...base,
        loss: wassersteinLoss(),
        penalties: [gradientPenalty({ lambda: 10 })],
        regularizer: 'gradient penalty, λ = 10',
        score: 'critic f(x) ∈ ℝ',
        heat: { kind: 'auto' },
        heatLabel: 'critic score f(x), scaled to its current range',
        note: 'Critic E[f(G(z))] − E[f(x)] plus the gradient penalty 10·E[(‖∇f(x̂)‖ − 1)²] on interpolates — Gulrajani et al. 2017.',
      };
    case 'sn-hinge':
      return {
        ...base,
        loss: hingeLoss(),
        wrapLayer: (layer) => spectralNorm(layer),
        regularizer: 'spectral norm on every layer',
        score: 'D(x) ∈ ℝ, margins ±1',
        heat: { kind: 'auto' },
        heatLabel: 'D(x) of the spectrally normalized critic, scaled to its current range',
        note: 'Every critic layer divided by its spectral norm (one power iteration per step) — Miyato et al. 2018.',
      };
  }
}
