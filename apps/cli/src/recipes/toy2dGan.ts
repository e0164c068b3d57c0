import { mlpDiscriminator, mlpGenerator } from '@gankit/architectures';
import { ringOfGaussians } from '@gankit/datasets';
import { nonSaturatingLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { toy2dParts } from '../internal/toy2d.js';
import type { Recipe } from './recipe.js';

/**
 * The non-saturating GAN (Goodfellow et al. 2014) on the ring of 8 Gaussians —
 * the classic mode-collapse demonstration. MLPs 3×128, Adam β₁ 0.5 (the
 * 'dcgan' preset) at learning rate 1e-3 for both networks, one D step per G
 * step, samples from an EMA (0.999) of the generator's weights.
 *
 * The rate and the EMA come from `pnpm sweep` (docs/results.md, "variants
 * tried"): at the preset's 2e-4 fewer samples reach the modes within the
 * budget; at 1e-3 they reach them but oscillate (all 8 modes at one
 * checkpoint, 4 at the next); the EMA averages the oscillation out.
 */
export const toy2dGan: Recipe = {
  name: 'toy2d-gan',
  summary: 'non-saturating GAN on the ring of 8 Gaussians (watch for mode collapse)',
  defaults: { steps: 3000, batchSize: 256, seed: 0, sampleEvery: 500, checkpointEvery: 1000 },
  async create({ batchSize, seed }) {
    const ring = ringOfGaussians();
    const trainer = new GanTrainer({
      generator: mlpGenerator({ latentDim: 2, outputDim: 2, seed }),
      discriminator: mlpDiscriminator({ inputDim: 2, seed: seed + 1 }),
      loss: nonSaturatingLoss(),
      preset: 'dcgan',
      learningRates: { generator: 1e-3, discriminator: 1e-3 },
      ema: 0.999,
      latentDim: 2,
      seed,
    });
    return { trainer, ...toy2dParts(trainer, ring, batchSize, seed) };
  },
};
