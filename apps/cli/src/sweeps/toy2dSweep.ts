/**
 * `pnpm sweep <variant> [seed]`: the exploratory runs behind the "variants
 * tried" table of the 2-D task in docs/results.md. Trains a variant of the
 * 2-D recipes for one seed, measures the VEEGAN/PacGAN metrics at a few step
 * counts, stores them in docs/results.json (under `sweeps`) and re-renders
 * docs/results.md. Not part of `pnpm results`, which measures the recipes as
 * shipped. `SWEEP_PLOTS=dir` also writes a scatter plot per measurement.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { mlpDiscriminator, mlpGenerator } from '@gankit/architectures';
import { gridOfGaussians, ringOfGaussians } from '@gankit/datasets';
import { gradientPenalty, nonSaturatingLoss, wassersteinLoss } from '@gankit/losses';
import { modeCoverage } from '@gankit/metrics';
import { GanTrainer } from '@gankit/trainers';
import { mixtureBatches, writeScatterPlot } from '../internal/toy2d.js';
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
  lr?: number;
  ema?: number;
  batchSize: number;
  lambda?: number;
  checkpoints: number[];
}

const base: Variant = { data: 'grid', loss: 'wgan-gp', width: 128, depth: 3, latentDim: 2, batchSize: 256, checkpoints: [500, 1000, 2000] };
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
};

/** A readable one-line description of a variant, stored beside its numbers. */
function describe(v: Variant): string {
  const g = Array.from({ length: v.depth }, () => v.width);
  const parts = [
    v.data,
    v.loss === 'gan' ? 'non-saturating GAN, Adam β₁ 0.5' : `WGAN-GP λ ${v.lambda ?? 10}, 5 critic steps`,
    `G ${g.length}×${v.width}${v.gBatchNorm ? ' + BN' : ''}`,
    `D ${(v.dHidden ?? g).length}×${(v.dHidden ?? g)[0]}`,
    `latent ${v.latentDim}`,
    `batch ${v.batchSize}`,
    `lr ${v.lr ?? (v.loss === 'gan' ? 2e-4 : 1e-4)}`,
  ];
  if (v.ema !== undefined) parts.push(`EMA ${v.ema}`);
  if (v.packing !== undefined) parts.push(`packing ${v.packing}`);
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
    generator: mlpGenerator({ latentDim: v.latentDim, outputDim: 2, hiddenUnits, batchNorm: v.gBatchNorm ?? false, seed }),
    discriminator: mlpDiscriminator({ inputDim: 2 * (v.packing ?? 1), hiddenUnits: v.dHidden ?? hiddenUnits, seed: seed + 1 }),
    packing: v.packing ?? 1,
    loss: v.loss === 'gan' ? nonSaturatingLoss() : wassersteinLoss(),
    ...(v.loss === 'wgan-gp' ? { penalties: [gradientPenalty({ lambda: v.lambda ?? 10 })], preset: 'wgan-gp' as const } : { preset: 'dcgan' as const }),
    ...(v.lr === undefined ? {} : { learningRates: { generator: v.lr, discriminator: v.lr } }),
    ...(v.ema === undefined ? {} : { ema: v.ema }),
    latentDim: v.latentDim,
    seed,
  });
  const batches = mixtureBatches(mixture, v.batchSize, seed, 0);
  let done = 0;
  const start = performance.now();
  const points: SweepEntry['points'] = [];
  for (const target of v.checkpoints) {
    await trainer.fit(batches, { steps: target - done });
    done = target;
    const samples = trainer.sample(2500, { seed: 12345 });
    const m = modeCoverage(samples, mixture);
    if (process.env['SWEEP_PLOTS'] !== undefined) await writeScatterPlot(samples.dataSync() as Float32Array, mixture, `${process.env['SWEEP_PLOTS']}/${name}-${seed}-${target}.png`);
    samples.dispose();
    points.push({ step: target, seconds: (performance.now() - start) / 1000, metrics: { modesCovered: m.modesCovered, highQualityPercent: 100 * m.highQualityFraction, reverseKl: m.reverseKl } });
    await recordSweep({ variant: name, description: describe(v), seed, task: '2-D mixtures (mode collapse)', points });
    console.log(`${name} seed ${seed} step ${target}: modes ${m.modesCovered}/${m.numModes}, HQ ${(100 * m.highQualityFraction).toFixed(1)}%, rKL ${m.reverseKl.toFixed(3)}, ${((performance.now() - start) / 1000).toFixed(0)} s`);
  }
  trainer.dispose();
  tf.disposeVariables();
}

await main();
