/**
 * `pnpm sweep <variant> [seed]`: the exploratory runs behind the "variants
 * tried" table of the 2-D task in docs/results.md. Trains a variant of the
 * 2-D recipes for one seed, measures the VEEGAN/PacGAN metrics at a few step
 * counts, stores them in docs/results.json (under `sweeps`) and re-renders
 * docs/results.md. Not part of `pnpm results`, which measures the recipes as
 * shipped. `SWEEP_PLOTS=dir` also writes a scatter plot per measurement.
 */
import * as tf from '@tensorflow/tfjs';
import { writeFile } from 'node:fs/promises';
import { initBackend } from '@gankit/backend';
import { mlpDiscriminator, mlpGenerator, mlpMixtureGenerator } from '@gankit/architectures';
import { gridOfGaussians, ringOfGaussians } from '@gankit/datasets';
import { gradientPenalty, nonSaturatingLoss, r1Penalty, wassersteinLoss } from '@gankit/losses';
import { modeCoverage, precisionRecallDensityCoverage } from '@gankit/metrics';
import { categoricalLatent, GanTrainer } from '@gankit/trainers';
import type { LinearDecay } from '@gankit/trainers';
import { mixtureBatches, validationSeed, writeScatterPlot } from '../internal/toy2d.js';
import { recordSweep } from '../results/store.js';
import type { SweepEntry } from '../results/render.js';

interface Variant {
  data: 'grid' | 'ring';
  loss: 'wgan-gp' | 'gan';
  width: number;
  depth: number;
  /** Discriminator widths when they differ from the generator's. */
  dHidden?: number[];
  gBatchNorm?: boolean;
  packing?: number;
  latentDim: number;
  /** A discrete latent: a uniform one-hot code over this many categories, concatenated before the `latentDim` normal noise. */
  categories?: number;
  /** The trainer's `learningRateDecay`: both rates fall linearly to 0 from step `start` over `steps` steps. */
  decay?: LinearDecay;
  /** With `categories`: the mixture generator (a learned centre per category, offsets at most this far from it, in the trained scale). */
  maxOffset?: number;
  /** Discriminator updates per generator update (non-saturating GAN; default 1). */
  dSteps?: number;
  /** R1 penalty weight γ on real data (Mescheder et al. 2018), for the non-saturating GAN. */
  r1?: number;
  /** σ of the continuous part of a discrete latent. */
  noiseStd?: number;
  lr?: number;
  /** Adam's β₁ for both networks, when it differs from the preset's. */
  beta1?: number;
  ema?: number;
  /** Train on the data multiplied by this (e.g. 1/2.828, as the WGAN-GP toy code divides it); samples are scaled back before they are measured. */
  scale?: number;
  /** Scale inside the networks instead (the recipes' way): G's `outputScale` 2.828, D's `inputScale` 1/2.828; the data stays as it is. */
  netScale?: boolean;
  batchSize: number;
  lambda?: number;
  checkpoints: number[];
}

const base: Variant = { data: 'grid', loss: 'wgan-gp', width: 128, depth: 3, latentDim: 2, batchSize: 256, checkpoints: [500, 1000, 2000] };
/** The main job's setting (toy2d-mixture-pacgan without its offset bound), measured every 1,000 steps: what the main-…-trace variants vary. */
const MAIN_JOB: Partial<Variant> = {
  loss: 'gan',
  categories: 50,
  latentDim: 2,
  packing: 4,
  lr: 1e-3,
  ema: 0.999,
  netScale: true,
  decay: { start: 5000, steps: 10000 },
  checkpoints: Array.from({ length: 15 }, (_, i) => 1000 * (i + 1)),
};
const VARIANTS: Record<string, Partial<Variant>> = {
  shipped: {},
  ema: { ema: 0.999 },
  wide: { width: 512 },
  'wide-ema': { width: 512, ema: 0.999 },
  latent16: { latentDim: 16 },
  'lr1e-3': { lr: 1e-3, checkpoints: [1000, 2000, 4000] },
  'lr1e-3-ema': { lr: 1e-3, ema: 0.999, checkpoints: [1000, 2000] },
  'gan-lr1e-3-ema': { loss: 'gan', lr: 1e-3, ema: 0.999, checkpoints: [2000, 5000, 10000] },
  'gan-wide': { loss: 'gan', width: 400, depth: 4, lr: 1e-4 },
  'gan-wide-ema': { loss: 'gan', width: 400, depth: 4, lr: 1e-4, ema: 0.999 },
  'ring-shipped': { data: 'ring', loss: 'gan', checkpoints: [1000, 2000, 3000] },
  'ring-lr1e-3': { data: 'ring', loss: 'gan', lr: 1e-3, checkpoints: [1000, 2000, 3000] },
  'ring-lr2e-3': { data: 'ring', loss: 'gan', lr: 2e-3, checkpoints: [1000, 2000, 3000] },
  'ring-lr2e-3-ema': { data: 'ring', loss: 'gan', lr: 2e-3, ema: 0.999, checkpoints: [1000, 2000, 3000] },
  'ring-lr1e-3-ema': { data: 'ring', loss: 'gan', lr: 1e-3, ema: 0.999, checkpoints: [1000, 2000, 3000] },
  'ring-ema': { data: 'ring', loss: 'gan', ema: 0.999, checkpoints: [1000, 2000, 3000] },
  // PacGAN (Lin et al. 2018), their 2-D architecture: G 4×400 ReLU + batch norm, D 3×200 (ReLU here, maxout there).
  gan400: { loss: 'gan', width: 400, depth: 4, gBatchNorm: true, dHidden: [200, 200, 200], lr: 1e-4, checkpoints: [1000, 2000, 3000] },
  pacgan4: { loss: 'gan', width: 400, depth: 4, gBatchNorm: true, dHidden: [200, 200, 200], lr: 1e-4, packing: 4, checkpoints: [1000, 2000] },
  'pacgan4-128': { loss: 'gan', packing: 4, checkpoints: [1000, 2000, 3000] },
  'ring-pacgan4-128': { data: 'ring', loss: 'gan', packing: 4, checkpoints: [1000, 2000, 3000] },
  'pacgan4-128-long': { loss: 'gan', packing: 4, checkpoints: [5000, 10000, 20000] },
  'gan-128-long': { loss: 'gan', checkpoints: [5000, 10000, 20000] },
  'gan-lr2e-3': { loss: 'gan', lr: 2e-3, checkpoints: [2000, 5000, 10000] },
  'pacgan4-lr2e-3': { loss: 'gan', lr: 2e-3, packing: 4, checkpoints: [2000, 5000, 10000] },
  // The PyTorch probe's setup (EVALUATION.md): latent 64, pack 4, Adam 1e-3 β (0.5, 0.999), EMA 0.999, batch 100.
  'probe-latent64-pack4': { loss: 'gan', latentDim: 64, packing: 4, lr: 1e-3, ema: 0.999, batchSize: 100, checkpoints: [5000, 10000, 20000] },
  // A discrete latent (InfoGAN/DeLiGAN-style mixture): each code can own a mode, so G needs no curve between modes.
  'cat50-z2': { loss: 'gan', categories: 50, latentDim: 2, lr: 1e-3, ema: 0.999, checkpoints: [2000, 5000, 10000] },
  'cat50-z2-pack4': { loss: 'gan', categories: 50, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, checkpoints: [2000, 5000, 10000] },
  'probe-scaled': { loss: 'gan', latentDim: 64, packing: 4, lr: 1e-3, ema: 0.999, batchSize: 100, scale: 1 / 2.828, checkpoints: [5000, 10000, 20000] },
  'gan-latent64-scaled': { loss: 'gan', latentDim: 64, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, checkpoints: [5000, 10000, 20000] },
  'cat50-scaled': { loss: 'gan', categories: 50, latentDim: 2, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, checkpoints: [5000, 10000, 20000] },
  'cat50-scaled-pack4': { loss: 'gan', categories: 50, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, checkpoints: [5000, 10000, 20000] },
  'cat100-scaled-pack4': { loss: 'gan', categories: 100, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, checkpoints: [5000, 10000, 20000] },
  'cat50-scaled-pack4-30k': { loss: 'gan', categories: 50, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, checkpoints: [10000, 20000, 30000] },
  'cat50-scaled-pack4-std05': { loss: 'gan', categories: 50, latentDim: 2, noiseStd: 0.5, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, checkpoints: [10000, 20000, 30000] },
  // WGAN-GP as its authors' toy script trains it: data ÷ 2.828, λ 0.1 (their 3×512 nets and 100k steps are beyond this budget).
  'cat50-scaled-pack4-decay': { loss: 'gan', categories: 50, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, decay: { start: 10000, steps: 15000 }, checkpoints: [10000, 20000, 25000] },
  'cat100-scaled-pack4-decay': { loss: 'gan', categories: 100, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, decay: { start: 10000, steps: 15000 }, checkpoints: [10000, 20000, 25000] },
  'cat50-scaled-pack4-decay-std02': { loss: 'gan', categories: 50, latentDim: 2, noiseStd: 0.2, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, decay: { start: 10000, steps: 15000 }, checkpoints: [10000, 20000, 25000] },
  'cat50-scaled-pack4-decay35k': { loss: 'gan', categories: 50, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, decay: { start: 10000, steps: 25000 }, checkpoints: [20000, 30000, 35000] },
  'cat50-scaled-pack4-decay-b512': { loss: 'gan', categories: 50, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, batchSize: 512, scale: 1 / 2.828, decay: { start: 10000, steps: 15000 }, checkpoints: [10000, 20000, 25000] },
  'mixture50-pack4-decay': { loss: 'gan', categories: 50, latentDim: 2, maxOffset: 0.25, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, decay: { start: 10000, steps: 15000 }, checkpoints: [5000, 10000, 20000, 25000] },
  'mixture50-pack4-decay5k': { loss: 'gan', categories: 50, latentDim: 2, maxOffset: 0.25, packing: 4, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, decay: { start: 5000, steps: 10000 }, checkpoints: [5000, 10000, 15000] },
  'mixture50-pack4-r1': { loss: 'gan', categories: 50, latentDim: 2, maxOffset: 0.25, packing: 4, r1: 1, lr: 1e-3, ema: 0.999, scale: 1 / 2.828, decay: { start: 5000, steps: 10000 }, checkpoints: [5000, 10000, 15000] },
  // The main job's recipe (network scaling; previously offsets ≤ 0.25) and variants of it, measured every 1,000 steps (every 2,000 for 30k), with the training-data-only selection metrics beside the true ones.
  'main-trace': { ...MAIN_JOB, maxOffset: 0.25 },
  'main-off01-trace': { ...MAIN_JOB, maxOffset: 0.1 },
  'main-off005-trace': { ...MAIN_JOB, maxOffset: 0.05 },
  'main-cat100-off01-trace': { ...MAIN_JOB, categories: 100, maxOffset: 0.1 },
  'main-off01-30k-trace': { ...MAIN_JOB, maxOffset: 0.1, decay: { start: 10000, steps: 20000 }, checkpoints: Array.from({ length: 15 }, (_, i) => 2000 * (i + 1)) },
  // Against the late jitter of point-like categories around their modes (the Dirac-GAN oscillation, Mescheder et al. 2018): no momentum (Gidel et al. 2019), or R1 on real data.
  'main-b1-0-trace': { ...MAIN_JOB, maxOffset: 0.05, beta1: 0 },
  'main-r1-01-trace': { ...MAIN_JOB, maxOffset: 0.05, r1: 0.1 },
  // A stronger discriminator, so an empty mode's pull reaches the surplus categories of its neighbours: two D updates per G update.
  'main-d2-trace': { ...MAIN_JOB, maxOffset: 0.05, dSteps: 2 },
  'wgan-gp-scaled-l01': { scale: 1 / 2.828, lambda: 0.1, checkpoints: [2000, 5000, 10000] },
  'wgan-gp-scaled': { scale: 1 / 2.828, checkpoints: [2000, 5000, 10000] },
  // Gulrajani et al.'s toy script (λ 0.1, data ÷ 2.828) with the budget it needs: constant rate to 20k, or decaying to 0 over 5k–15k.
  'wgan-gp-pub-20k': { scale: 1 / 2.828, lambda: 0.1, checkpoints: Array.from({ length: 8 }, (_, i) => 2500 * (i + 1)) },
  'wgan-gp-pub-decay15k': { scale: 1 / 2.828, lambda: 0.1, decay: { start: 5000, steps: 10_000 }, checkpoints: Array.from({ length: 6 }, (_, i) => 2500 * (i + 1)) },
  'cat100-z2-pack4': { loss: 'gan', categories: 100, latentDim: 2, packing: 4, lr: 1e-3, ema: 0.999, checkpoints: [2000, 5000, 10000] },
};

/** A readable one-line description of a variant, stored beside its numbers. */
function describe(v: Variant): string {
  const g = Array.from({ length: v.depth }, () => v.width);
  const parts = [
    v.data,
    v.loss === 'gan' ? `non-saturating GAN, Adam β₁ ${v.beta1 ?? 0.5}` : `WGAN-GP λ ${v.lambda ?? 10}, 5 critic steps`,
    `G ${g.length}×${v.width}${v.gBatchNorm ? ' + BN' : ''}`,
    `D ${(v.dHidden ?? g).length}×${(v.dHidden ?? g)[0]}`,
    v.categories === undefined ? `latent ${v.latentDim}` : `latent one-hot(${v.categories}) + N(0, ${v.noiseStd === undefined ? '' : `${v.noiseStd}²·`}I${v.latentDim})`,
    `batch ${v.batchSize}`,
    `lr ${v.lr ?? (v.loss === 'gan' ? 2e-4 : 1e-4)}`,
  ];
  if (v.ema !== undefined) parts.push(`EMA ${v.ema}`);
  if (v.packing !== undefined) parts.push(`packing ${v.packing}`);
  if (v.r1 !== undefined) parts.push(`R1 γ ${v.r1}`);
  if (v.dSteps !== undefined) parts.push(`${v.dSteps} D updates per G update`);
  if (v.maxOffset !== undefined) parts.push(`mixture generator (centre per category, offsets ≤ ${v.maxOffset})`);
  if (v.decay !== undefined) parts.push(`lr → 0 linearly over steps ${v.decay.start}–${v.decay.start + v.decay.steps}`);
  if (v.scale !== undefined) parts.push(`data × ${+v.scale.toFixed(4)}`);
  if (v.netScale) parts.push('networks scale by 2.828 (G output, D input)');
  return parts.join(', ');
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'shipped';
  const seed = Number(process.argv[3] ?? 0);
  if (!Number.isInteger(seed)) throw new Error(`seed: expected an integer, got '${process.argv[3]}'`);
  const v: Variant = { ...base, ...VARIANTS[name] };
  if (VARIANTS[name] === undefined) throw new Error(`variant: expected one of ${Object.keys(VARIANTS).join(', ')}, got '${name}'`);
  await initBackend({ quiet: true });
  const mixture = v.data === 'grid' ? gridOfGaussians() : ringOfGaussians();
  const hiddenUnits = Array.from({ length: v.depth }, () => v.width);
  const trainer = new GanTrainer({
    generator:
      v.maxOffset !== undefined && v.categories !== undefined
        ? mlpMixtureGenerator({ categories: v.categories, noiseDim: v.latentDim, hiddenUnits, maxOffset: v.maxOffset, ...(v.netScale ? { outputScale: 2.828 } : {}), seed })
        : mlpGenerator({ latentDim: v.latentDim + (v.categories ?? 0), outputDim: 2, hiddenUnits, batchNorm: v.gBatchNorm ?? false, ...(v.netScale ? { outputScale: 2.828 } : {}), seed }),
    discriminator: mlpDiscriminator({ inputDim: 2 * (v.packing ?? 1), hiddenUnits: v.dHidden ?? hiddenUnits, ...(v.netScale ? { inputScale: 1 / 2.828 } : {}), seed: seed + 1 }),
    packing: v.packing ?? 1,
    loss: v.loss === 'gan' ? nonSaturatingLoss() : wassersteinLoss(),
    ...(v.loss === 'wgan-gp'
      ? { penalties: [gradientPenalty({ lambda: v.lambda ?? 10 })], preset: 'wgan-gp' as const }
      : { preset: 'dcgan' as const, ...(v.r1 !== undefined ? { penalties: [r1Penalty({ gamma: v.r1 })] } : {}), ...(v.dSteps !== undefined ? { criticSteps: v.dSteps } : {}) }),
    ...(v.beta1 !== undefined
      ? { optimizers: { generator: tf.train.adam(v.lr ?? 2e-4, v.beta1, 0.999, 1e-8), discriminator: tf.train.adam(v.lr ?? 2e-4, v.beta1, 0.999, 1e-8) } }
      : v.lr === undefined
        ? {}
        : { learningRates: { generator: v.lr, discriminator: v.lr } }),
    ...(v.ema === undefined ? {} : { ema: v.ema }),
    ...(v.decay === undefined ? {} : { learningRateDecay: v.decay }),
    latentDim: v.latentDim + (v.categories ?? 0),
    ...(v.categories === undefined ? {} : { latentDistribution: categoricalLatent({ categories: v.categories, noiseDim: v.latentDim, noiseStd: v.noiseStd ?? 1 }) }),
    seed,
  });
  const raw = mixtureBatches(mixture, v.batchSize, seed, 0);
  const scale = v.scale ?? 1;
  const batches =
    scale === 1
      ? raw
      : (function* () {
          for (;;) {
            const { x } = (raw as Iterator<{ x: tf.Tensor }>).next().value as { x: tf.Tensor };
            yield { x: tf.tidy(() => tf.mul(x, scale)) };
            x.dispose();
          }
        })();
  // The 2-D recipes' validation split of the training distribution (a seed no training batch uses), for the selection metrics.
  const validation = mixture.sample(2500, validationSeed(seed));
  let done = 0;
  const start = performance.now();
  const points: SweepEntry['points'] = [];
  for (const target of v.checkpoints) {
    await trainer.fit(batches, { steps: target - done });
    done = target;
    const drawn = trainer.sample(2500, { seed: 12345 });
    const samples = scale === 1 ? drawn : tf.tidy(() => tf.div(drawn, scale));
    if (samples !== drawn) drawn.dispose();
    const m = modeCoverage(samples, mixture);
    const nn = precisionRecallDensityCoverage(validation, samples);
    if (process.env['SWEEP_PLOTS'] !== undefined) {
      await writeScatterPlot(samples.dataSync() as Float32Array, mixture, `${process.env['SWEEP_PLOTS']}/${name}-${seed}-${target}.png`);
      // The samples and the validation split too, to try other selection criteria offline.
      await writeFile(`${process.env['SWEEP_PLOTS']}/${name}-${seed}-${target}.json`, JSON.stringify({ samples: Array.from(samples.dataSync()), validation: Array.from(validation.x) }));
    }
    samples.dispose();
    points.push({ step: target, seconds: (performance.now() - start) / 1000, metrics: { modesCovered: m.modesCovered, highQualityPercent: 100 * m.highQualityFraction, reverseKl: m.reverseKl, precision: nn.precision, recall: nn.recall, density: nn.density, coverage: nn.coverage } });
    await recordSweep({ variant: name, description: describe(v), seed, task: '2-D mixtures (mode collapse)', points });
    console.log(`${name} seed ${seed} step ${target}: modes ${m.modesCovered}/${m.numModes}, HQ ${(100 * m.highQualityFraction).toFixed(1)}%, rKL ${m.reverseKl.toFixed(3)}, P ${nn.precision.toFixed(3)} R ${nn.recall.toFixed(3)} D ${nn.density.toFixed(3)} C ${nn.coverage.toFixed(3)}, ${((performance.now() - start) / 1000).toFixed(0)} s`);
  }
  trainer.dispose();
  tf.disposeVariables();
}

await main();
