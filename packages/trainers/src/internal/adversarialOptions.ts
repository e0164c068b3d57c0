import * as tf from '@tensorflow/tfjs';
import { GAN_PRESETS } from '../ganPresets.js';
import { fusedAdam } from '../fusedAdam.js';
import type { GanPreset, GanPresetName } from '../ganPresets.js';
import type { AdversarialLoss, LipschitzConstraint, Penalty } from '../types.js';
import { detectLabelFormat } from './labels.js';
import { codeSize, headWidths, resolveClassifier, resolveCodes } from './auxiliaryHeads.js';
import type { AuxiliaryHeads, LatentCodesOptions } from './auxiliaryHeads.js';
import { checkDecay } from './learningRateDecay.js';
import type { LinearDecay } from './learningRateDecay.js';
import type { LabelFormat } from './labels.js';
import { checkModel, sampleShape } from './models.js';
import { packedShape } from './packing.js';
import { checkInteger, checkNumber, checkOptionKeys, optionError, show } from './validate.js';
import { weightClipping } from './weightClipping.js';

/** Random draws a custom latent sampler may use; they come from the trainer's seeded stream. */
export interface RandomSource {
  /** Standard normal float32 noise. */
  normal(shape: number[]): tf.Tensor;
  /** Uniform float32 noise in [lo, hi) (default [0, 1)). */
  uniform(shape: number[], lo?: number, hi?: number): tf.Tensor;
}

/** A latent distribution: a name, or a function of the shape `[n, ...latentShape]` and the trainer's random source. */
export type LatentSampler = 'normal' | 'uniform' | ((shape: number[], random: RandomSource) => tf.Tensor);

/** Options shared by {@link GanTrainer} and {@link ConditionalGanTrainer}. */
export interface AdversarialTrainerOptions {
  /** The generator: latent `[n, ...latentShape]` (and, conditional, labels) → samples. */
  generator: tf.LayersModel;
  /** The discriminator / critic: samples (and, conditional, labels) → scores (logits). */
  discriminator: tf.LayersModel;
  /** Any object with `discriminator(realLogits, fakeLogits)` and `generator(fakeLogits, realLogits?)`. */
  loss: AdversarialLoss;
  /** Optimizer and schedule defaults; default from `loss.name` (see {@link GAN_PRESETS}). */
  preset?: GanPresetName;
  /** Critic regularisers added to the discriminator loss, e.g. the WGAN-GP gradient penalty. */
  penalties?: readonly Penalty[];
  /**
   * Lazy regularization (Karras et al. 2020, StyleGAN2 §3.1): evaluate the
   * penalties on every k-th critic update only, weighted by k, so their
   * expected contribution is unchanged while most updates skip their cost
   * (a gradient penalty's double backprop is most of a critic update). Critic
   * updates are counted over the whole run — update i = step · criticSteps + j
   * takes the penalties when i mod k = 0 — so resuming keeps the pattern.
   * An integer ≥ 1; default 1 (every update).
   */
  penaltyEvery?: number;
  /** Applied to the critic's trainable variables after each critic update; default weight clipping at 0.01 for the `wgan` preset, else none. */
  constraints?: readonly LipschitzConstraint[];
  /** Critic updates per generator update (an integer ≥ 1); default from the preset. */
  criticSteps?: number;
  /** Separate learning rates (TTUR, Heusel et al. 2017) for the preset's optimizers; default the preset's. */
  learningRates?: { generator?: number; discriminator?: number };
  /** Your own optimizers (two different instances); they replace the preset's. */
  optimizers?: { generator?: tf.Optimizer; discriminator?: tf.Optimizer };
  /**
   * Linear decay of both learning rates to 0: the full rate for `start`
   * generator steps, then falling linearly over `steps` steps (as the CycleGAN
   * reference code schedules it): lr(t) = lr·(1 − max(0, t − start)/steps), at
   * least 0. Applied to your own `optimizers` too. Default: constant rates.
   */
  learningRateDecay?: LinearDecay;
  /**
   * Keep an exponential moving average of the generator's weights for sampling
   * (Yazıcı et al. 2019): `true` (decay 0.999) or the decay in (0, 1). Default
   * off. The average covers the trainable weights and the moving statistics of
   * the generator's batch-norm layers, so an averaged generator with batch norm
   * normalizes with averaged statistics, not the live network's.
   */
  ema?: boolean | number;
  /** The latent size; checked against the generator's input (inferred from it when omitted). */
  latentDim?: number;
  /** Latent distribution: `'normal'` (default), `'uniform'` on [−1, 1), or a sampler function. */
  latentDistribution?: LatentSampler;
  /**
   * PacGAN packing (Lin et al. 2018): the discriminator judges this many
   * samples at once — real with real, generated with generated — which
   * penalises mode collapse. An integer ≥ 1 (default 1, no packing) that
   * divides the batch size; the discriminator must take the packed shape,
   * the sample shape with its last axis × `packing` (`[2]` points → `[8]` for
   * packing 4; `[H, W, C]` images → `[H, W, 4C]`). Unconditional GANs only.
   * Penalties see the packed critic: a gradient penalty differentiates it with
   * respect to each sample of the pack.
   */
  packing?: number;
  /**
   * InfoGAN (Chen et al. 2016), {@link GanTrainer} only: structured latent
   * codes appended to the noise — the generator's latent input is
   * [noise | one-hot categorical codes | continuous codes] — and a
   * discriminator with a Q head per code sharing its body (outputs: the
   * adversarial score, then one logits output per categorical code, then the
   * continuous codes' means), trained by the mutual-information term
   * −λ·Σ E[log Q(c | G(z, c))] in both the discriminator's and the
   * generator's loss (e.g. `infoGanDiscriminator` of `@gankit/architectures`).
   */
  latentCodes?: LatentCodesOptions;
  /** The seed of every random draw the trainer makes (an integer; default 0). */
  seed?: number;
}

const KNOWN = [
  'generator',
  'discriminator',
  'loss',
  'preset',
  'penalties',
  'penaltyEvery',
  'constraints',
  'criticSteps',
  'learningRates',
  'optimizers',
  'ema',
  'learningRateDecay',
  'latentDim',
  'latentDistribution',
  'packing',
  'latentCodes',
  'seed',
] as const;

/** The preset a loss implies when none is named. */
function presetFor(loss: AdversarialLoss, penalties: number): GanPresetName {
  if (loss.name === 'wasserstein') return penalties > 0 ? 'wgan-gp' : 'wgan';
  return 'dcgan';
}

function makeOptimizer(preset: GanPreset, learningRate: number): tf.Optimizer {
  if (preset.optimizer === 'rmsprop') return tf.train.rmsprop(learningRate, 0.99, 0, 1e-8);
  const [b1, b2] = preset.betas ?? [0.9, 0.999];
  return fusedAdam(learningRate, b1, b2, 1e-8);
}

function checkOptimizer(owner: string, option: string, value: unknown): tf.Optimizer | undefined {
  if (value === undefined) return undefined;
  const o = value as Partial<tf.Optimizer> | null;
  if (o == null || typeof o.applyGradients !== 'function' || typeof o.getWeights !== 'function' || typeof o.setWeights !== 'function') {
    throw optionError(owner, option, `must be a tf.Optimizer, got ${show(value)}`);
  }
  return value as tf.Optimizer;
}

/** Options after validation, with every default filled in. */
export interface ResolvedAdversarialOptions {
  readonly seed: number;
  readonly packing: number;
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  readonly loss: AdversarialLoss;
  readonly preset: GanPresetName;
  readonly criticSteps: number;
  readonly penalties: readonly Penalty[];
  readonly penaltyEvery: number;
  readonly constraints: readonly LipschitzConstraint[];
  readonly generatorOptimizer: tf.Optimizer;
  readonly discriminatorOptimizer: tf.Optimizer;
  readonly emaDecay: number | undefined;
  readonly learningRateDecay: LinearDecay | undefined;
  readonly latent: number[];
  readonly samples: (number | null)[];
  readonly sampler: LatentSampler;
  readonly classes: number | undefined;
  readonly labelFormat: LabelFormat | undefined;
  /** The discriminator's extra outputs (ACGAN's class head, InfoGAN's Q heads), if any. */
  readonly heads: AuxiliaryHeads | undefined;
  /** The latent values that are noise (all of them without InfoGAN codes). */
  readonly noiseSize: number;
}

/** Whether two sample shapes agree where both are known. */
export function shapesCompatible(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d == null || b[i] == null || d === b[i]);
}

/**
 * Validates a GAN trainer's options and fills in the preset's defaults; every
 * error names the option, and nothing is trained before all checks pass.
 */
export function resolveAdversarialOptions(
  owner: string,
  options: AdversarialTrainerOptions,
  conditional?: { numClasses: unknown; auxiliaryClassifier?: unknown; extraKeys: readonly string[] },
): ResolvedAdversarialOptions {
  checkOptionKeys(owner, options, [...KNOWN, ...(conditional?.extraKeys ?? [])]);
  const seed = checkInteger(owner, 'seed', options.seed, 0, -(2 ** 31));
  if (conditional && options.latentCodes !== undefined) throw optionError(owner, 'latentCodes', 'is for GanTrainer (InfoGAN); a conditional GAN takes its class as the label input');
  let classes: number | undefined;
  if (conditional) {
    if (conditional.numClasses === undefined) throw optionError(owner, 'numClasses', 'must be an integer ≥ 2, got undefined');
    classes = checkInteger(owner, 'numClasses', conditional.numClasses, 0, 2);
  }
  const heads = conditional ? resolveClassifier(owner, conditional.auxiliaryClassifier, classes!) : resolveCodes(owner, options.latentCodes);
  // ACGAN's discriminator sees the samples only and predicts their class.
  const dTakesLabels = conditional !== undefined && heads?.kind !== 'classifier';
  const generator = checkModel(owner, 'generator', options.generator, conditional ? 2 : 1, conditional ? '[noise, labels]' : 'noise');
  const discriminator = checkModel(owner, 'discriminator', options.discriminator, dTakesLabels ? 2 : 1, dTakesLabels ? '[samples, labels]' : 'samples');
  if (generator.outputs.length !== 1) throw optionError(owner, 'generator', `must have one output, it has ${generator.outputs.length}`);
  const widths = heads ? headWidths(heads) : [];
  if (discriminator.outputs.length !== 1 + widths.length) {
    const what =
      heads === undefined
        ? 'one output'
        : heads.kind === 'classifier'
          ? `two outputs (the adversarial score [1] and class logits [${widths[0]}])`
          : `${1 + widths.length} outputs (the adversarial score [1], then Q heads of widths ${widths.join(', ')})`;
    throw optionError(owner, 'discriminator', `must have ${what}, it has ${discriminator.outputs.length}`);
  }
  widths.forEach((w, i) => {
    const shape = sampleShape(discriminator.outputs[i + 1]!);
    if (shape.length !== 1 || shape[0] !== w) {
      throw optionError(owner, 'discriminator', `output ${i + 1} must be [${w}] (${heads!.kind === 'classifier' ? 'class logits' : 'a Q head'}), got [${shape.join(',')}]`);
    }
  });

  const given0 = options.loss as Partial<AdversarialLoss> | null;
  const missing = ['discriminator', 'generator'].filter((m) => typeof (given0 as Record<string, unknown> | null)?.[m] !== 'function');
  if (given0 == null || typeof given0 !== 'object' || missing.length > 0) {
    throw optionError(owner, 'loss', `must be an object with methods discriminator(realLogits, fakeLogits) and generator(fakeLogits, realLogits?); missing ${missing.join(' and ') || 'both'}`);
  }
  const loss = options.loss;

  const penalties = options.penalties ?? [];
  if (!Array.isArray(penalties)) throw optionError(owner, 'penalties', `must be an array of functions (critic, real, fake, context) => Scalar, got ${show(penalties)}`);
  penalties.forEach((p, i) => {
    if (typeof p !== 'function') throw optionError(owner, `penalties[${i}]`, `must be a function (critic, real, fake, context) => Scalar, got ${show(p)}`);
  });
  const penaltyList = [...penalties];

  const presetName = options.preset ?? presetFor(options.loss, penaltyList.length);
  const preset = GAN_PRESETS[presetName];
  if (preset === undefined || !Object.hasOwn(GAN_PRESETS, presetName)) {
    throw optionError(owner, 'preset', `must be one of ${Object.keys(GAN_PRESETS).join(', ')}, got ${show(options.preset)}`);
  }
  
  if (preset.needsPenalty && penaltyList.length === 0) {
    throw optionError(owner, 'penalties', `is empty, but the '${presetName}' preset trains with a gradient penalty (λ = ${preset.penaltyWeight}); pass one, e.g. gradientPenalty() from @gankit/losses`);
  }
  const criticSteps = checkInteger(owner, 'criticSteps', options.criticSteps, preset.criticSteps, 1);
  const penaltyEvery = checkInteger(owner, 'penaltyEvery', options.penaltyEvery, 1, 1);
  if (penaltyEvery > 1 && penaltyList.length === 0) throw optionError(owner, 'penaltyEvery', `is ${penaltyEvery}, but there are no penalties to apply lazily`);

  const constraints = options.constraints ?? (preset.weightClip !== undefined ? [weightClipping(preset.weightClip)] : []);
  if (!Array.isArray(constraints)) throw optionError(owner, 'constraints', `must be an array of { apply(variables) }, got ${show(constraints)}`);
  constraints.forEach((c, i) => {
    if (c == null || typeof (c as LipschitzConstraint).apply !== 'function') {
      throw optionError(owner, `constraints[${i}]`, `must be an object with an apply(variables) method, got ${show(c)}`);
    }
  });
  const constraintList = [...constraints];

  const rates = options.learningRates ?? {};
  if (typeof rates !== 'object') throw optionError(owner, 'learningRates', `must be { generator?, discriminator? }, got ${show(rates)}`);
  const gRate = checkNumber(owner, 'learningRates.generator', rates.generator, preset.learningRate, { min: 0, minExclusive: true })!;
  const dRate = checkNumber(owner, 'learningRates.discriminator', rates.discriminator, preset.learningRate, { min: 0, minExclusive: true })!;
  const given = options.optimizers ?? {};
  const gOpt = checkOptimizer(owner, 'optimizers.generator', given.generator);
  const dOpt = checkOptimizer(owner, 'optimizers.discriminator', given.discriminator);
  if (gOpt !== undefined && gOpt === dOpt) {
    throw optionError(owner, 'optimizers', 'must hold two different optimizer instances: an optimizer keeps per-variable state by position');
  }
  const generatorOptimizer = gOpt ?? makeOptimizer(preset, gRate);
  const discriminatorOptimizer = dOpt ?? makeOptimizer(preset, dRate);

  // Shapes: latent, samples, labels.
  const latentShape = sampleShape(generator.inputs[0]!);
  if (latentShape.some((d) => d == null)) {
    throw optionError(owner, 'generator', `must have a fully defined latent input shape, got [${latentShape.join(',')}]`);
  }
  const latent = latentShape as number[];
  const latentSize = latent.reduce((a, b) => a * b, 1);
  if (options.latentDim !== undefined) {
    const dim = checkInteger(owner, 'latentDim', options.latentDim, 0, 1);
    if (dim !== latentSize) {
      throw optionError(owner, 'latentDim', `is ${dim}, but the generator's latent input has size ${latentSize} (shape [${latent.join(',')}])`);
    }
  }
  const packing = checkInteger(owner, 'packing', options.packing, 1, 1);
  if (packing > 1 && conditional) throw optionError(owner, 'packing', `is ${packing}, but packing is for unconditional GANs; use GanTrainer or packing 1`);
  if (packing > 1 && heads !== undefined) throw optionError(owner, 'packing', `is ${packing}, but a discriminator with extra heads (latentCodes) scores single samples; use packing 1`);
  const codes = heads ? codeSize(heads) : 0;
  if (codes > 0 && (latent.length !== 1 || latentSize <= codes)) {
    throw optionError(owner, 'latentCodes', `take ${codes} latent values, so the generator's latent input must be a vector [noise + ${codes}] with noise ≥ 1, got [${latent.join(',')}]`);
  }
  const samples = sampleShape(generator.outputs[0]!);
  const dIn = sampleShape(discriminator.inputs[0]!);
  if (packing > 1) {
    if (samples[samples.length - 1] == null) {
      throw optionError(owner, 'packing', `needs the generator's samples to have a fixed last axis, got [${samples.join(',')}]`);
    }
    const packed = packedShape(samples, packing);
    if (!shapesCompatible(packed, dIn)) {
      throw optionError(owner, 'discriminator', `takes [${dIn.join(',')}], but packing ${packing} samples of shape [${samples.join(',')}] gives [${packed.join(',')}] (the last axis × ${packing})`);
    }
  } else if (!shapesCompatible(samples, dIn)) {
    throw optionError(owner, 'generator', `outputs samples of shape [${samples.join(',')}], but the discriminator takes [${dIn.join(',')}]`);
  }
  const sampler: LatentSampler = options.latentDistribution ?? 'normal';
  if (sampler !== 'normal' && sampler !== 'uniform' && typeof sampler !== 'function') {
    throw optionError(owner, 'latentDistribution', `must be 'normal', 'uniform' or a function (shape, random) => Tensor, got ${show(sampler)}`);
  }
  let labelFormat: LabelFormat | undefined;
  if (conditional) {
    const gFormat = detectLabelFormat(owner, 'generator', generator, classes!);
    if (dTakesLabels) {
      const dFormat = detectLabelFormat(owner, 'discriminator', discriminator, classes!);
      if (gFormat !== dFormat) throw optionError(owner, 'discriminator', `takes labels as ${dFormat} but the generator takes them as ${gFormat}; use one format`);
    }
    labelFormat = gFormat;
  }

  if (options.ema !== undefined && typeof options.ema !== 'boolean' && typeof options.ema !== 'number') {
    throw optionError(owner, 'ema', `must be a boolean or a decay in (0, 1), got ${show(options.ema)}`);
  }
  const emaDecay =
    options.ema === true ? 0.999 : typeof options.ema === 'number' ? checkNumber(owner, 'ema', options.ema, undefined, { min: 0, max: 1, minExclusive: true, maxExclusive: true }) : undefined;
  return {
    seed,
    packing,
    generator,
    discriminator,
    loss,
    preset: presetName,
    criticSteps,
    penalties: penaltyList,
    penaltyEvery,
    constraints: constraintList,
    generatorOptimizer,
    discriminatorOptimizer,
    emaDecay,
    learningRateDecay: checkDecay(owner, options.learningRateDecay),
    latent,
    samples,
    sampler,
    classes,
    labelFormat,
    heads,
    noiseSize: latentSize - codes,
  };
}
