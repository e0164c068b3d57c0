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
  readonly preset: GanPresetName;
  readonly loss: AdversarialLoss;
  readonly penalties: Penalty[];
  readonly constraints: LipschitzConstraint[];
  /** Wraps every dense layer of the discriminator (spectral normalization). */
  readonly wrapLayer?: WrapLayer;
  readonly heat: HeatScale;
  /** What the heat map shows, for its legend. */
  readonly heatLabel: string;
}

/** Menu labels of the setups. */
export const SETUP_LABELS: Readonly<Record<LossSetupName, string>> = {
  minimax: 'Minimax (original GAN)',
  'non-saturating': 'Non-saturating',
  'least-squares': 'Least squares (LSGAN)',
  hinge: 'Hinge',
  'ra-sgan': 'Relativistic average (RaSGAN)',
  'ra-lsgan': 'Relativistic average least squares (RaLSGAN)',
  wgan: 'WGAN, weight clipping',
  'wgan-gp': 'WGAN-GP',
  'sn-hinge': 'Spectral norm + hinge',
};

/**
 * Builds a loss setup from the public API of @gankit/losses, as a user would.
 *
 * @param name - the setup.
 * @returns the loss with its penalties, constraints and critic wrapper.
 */
export function buildLossSetup(name: LossSetupName): LossSetup {
  const base = { name, label: SETUP_LABELS[name], preset: SETUP_PRESETS[name], penalties: [] as Penalty[], constraints: [] as LipschitzConstraint[] };
  const probability = { heat: { kind: 'sigmoid' } as const, heatLabel: 'D(x) = σ(logit), the probability of "real"' };
  switch (name) {
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
        note: 'Squared-error targets a = 0, b = c = 1 — Mao et al. 2017 (LSGAN).',
      };
    case 'hinge':
      return {
        ...base,
        loss: hingeLoss(),
        heat: { kind: 'fixed', lo: -1.5, hi: 1.5 },
        heatLabel: 'D(x), hinge margins at −1 (fake) and +1 (real)',
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
        heat: { kind: 'auto' },
        heatLabel: 'critic score f(x), scaled to its current range',
        note: 'Critic E[f(G(z))] − E[f(x)], its weights clipped to [−0.01, 0.01] after every update — Arjovsky et al. 2017.',
      };
    case 'wgan-gp':
      return {
        ...base,
        loss: wassersteinLoss(),
        penalties: [gradientPenalty({ lambda: 10 })],
        heat: { kind: 'auto' },
        heatLabel: 'critic score f(x), scaled to its current range',
        note: 'Critic E[f(G(z))] − E[f(x)] plus the gradient penalty 10·E[(‖∇f(x̂)‖ − 1)²] on interpolates — Gulrajani et al. 2017.',
      };
    case 'sn-hinge':
      return {
        ...base,
        loss: hingeLoss(),
        wrapLayer: (layer) => spectralNorm(layer),
        heat: { kind: 'auto' },
        heatLabel: 'D(x) of the spectrally normalized critic, scaled to its current range',
        note: 'Every critic layer divided by its spectral norm (one power iteration per step) — Miyato et al. 2018.',
      };
  }
}
