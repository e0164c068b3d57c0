import * as tf from '@tensorflow/tfjs';
import { GAN_PRESETS } from '../ganPresets.js';
import type { GanPreset, GanPresetName } from '../ganPresets.js';
import { Trainer } from '../trainer.js';
import type { AdversarialLoss, Critic, GanStepLogs, LipschitzConstraint, Penalty, PenaltyContext, TrainingBatch } from '../types.js';
import { batchX } from './batches.js';
import type { CheckpointEntry, JsonObject, TrainerConfiguration } from './checkpointFormat.js';
import { WeightAverage } from './ema.js';
import { applyGradients, globalNorm, gradientsOf } from './gradients.js';
import { detectLabelFormat, toNetworkLabels } from './labels.js';
import type { LabelFormat } from './labels.js';
import { callModel, checkModel, modelEntry, modelEntryProblems, modelSignature, restoreModel, sampleShape, trainableVariables } from './models.js';
import { optimizerClass, optimizerConfig, optimizerEntry, optimizerEntryProblems, restoreOptimizer } from './optimizerState.js';
import type { Rng } from './rng.js';
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
  /** Applied to the critic's trainable variables after each critic update; default weight clipping at 0.01 for the `wgan` preset, else none. */
  constraints?: readonly LipschitzConstraint[];
  /** Critic updates per generator update (an integer ≥ 1); default from the preset. */
  criticSteps?: number;
  /** Separate learning rates (TTUR, Heusel et al. 2017) for the preset's optimizers; default the preset's. */
  learningRates?: { generator?: number; discriminator?: number };
  /** Your own optimizers (two different instances); they replace the preset's. */
  optimizers?: { generator?: tf.Optimizer; discriminator?: tf.Optimizer };
  /** Keep an exponential moving average of the generator's weights for sampling: `true` (decay 0.999) or the decay in (0, 1). Default off. */
  ema?: boolean | number;
  /** The latent size; checked against the generator's input (inferred from it when omitted). */
  latentDim?: number;
  /** Latent distribution: `'normal'` (default), `'uniform'` on [−1, 1), or a sampler function. */
  latentDistribution?: LatentSampler;
  /** The seed of every random draw the trainer makes (an integer; default 0). */
  seed?: number;
}

const KNOWN = [
  'generator',
  'discriminator',
  'loss',
  'preset',
  'penalties',
  'constraints',
  'criticSteps',
  'learningRates',
  'optimizers',
  'ema',
  'latentDim',
  'latentDistribution',
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
  return tf.train.adam(learningRate, b1, b2, 1e-8);
}

function checkOptimizer(owner: string, option: string, value: unknown): tf.Optimizer | undefined {
  if (value === undefined) return undefined;
  const o = value as Partial<tf.Optimizer> | null;
  if (o == null || typeof o.applyGradients !== 'function' || typeof o.getWeights !== 'function' || typeof o.setWeights !== 'function') {
    throw optionError(owner, option, `must be a tf.Optimizer, got ${show(value)}`);
  }
  return value as tf.Optimizer;
}

/** The GAN training loop shared by the unconditional and conditional trainers. */
export abstract class AdversarialTrainer extends Trainer<GanStepLogs> {
  /** The generator being trained. */
  readonly generator: tf.LayersModel;
  /** The discriminator (critic) being trained. */
  readonly discriminator: tf.LayersModel;
  /** The adversarial loss. */
  readonly loss: AdversarialLoss;
  /** The preset whose defaults apply. */
  readonly preset: GanPresetName;
  /** Critic updates per generator update. */
  readonly criticSteps: number;
  /** The penalties added to the critic's loss. */
  readonly penalties: readonly Penalty[];
  /** The constraints applied after each critic update. */
  readonly constraints: readonly LipschitzConstraint[];
  /** The generator's optimizer. */
  readonly generatorOptimizer: tf.Optimizer;
  /** The discriminator's optimizer. */
  readonly discriminatorOptimizer: tf.Optimizer;
  /** The EMA decay, or undefined without EMA. */
  readonly emaDecay: number | undefined;
  private readonly latent: number[];
  private readonly sampleShapeOut: (number | null)[];
  private readonly sampler: LatentSampler;
  private readonly classes: number | undefined;
  private readonly labelFormat: LabelFormat | undefined;
  private readonly gVars: tf.Variable[];
  private readonly dVars: tf.Variable[];
  private readonly ema: WeightAverage | undefined;
  private readonly reportsWasserstein: boolean;
  private readonly passRealToGenerator: boolean;
  private readonly owner: string;

  protected constructor(owner: string, options: AdversarialTrainerOptions, conditional?: { numClasses: unknown; extraKeys: readonly string[] }) {
    checkOptionKeys(owner, options, [...KNOWN, ...(conditional?.extraKeys ?? [])]);
    super(checkInteger(owner, 'seed', options.seed, 0, -(2 ** 31)));
    this.owner = owner;
    const inputs = conditional ? 2 : 1;
    this.generator = checkModel(owner, 'generator', options.generator, inputs, conditional ? '[noise, labels]' : 'noise');
    this.discriminator = checkModel(owner, 'discriminator', options.discriminator, inputs, conditional ? '[samples, labels]' : 'samples');
    if (this.generator.outputs.length !== 1) throw optionError(owner, 'generator', `must have one output, it has ${this.generator.outputs.length}`);
    if (this.discriminator.outputs.length !== 1) throw optionError(owner, 'discriminator', `must have one output, it has ${this.discriminator.outputs.length}`);

    const loss = options.loss as Partial<AdversarialLoss> | null;
    const missing = ['discriminator', 'generator'].filter((m) => typeof (loss as Record<string, unknown> | null)?.[m] !== 'function');
    if (loss == null || typeof loss !== 'object' || missing.length > 0) {
      throw optionError(owner, 'loss', `must be an object with methods discriminator(realLogits, fakeLogits) and generator(fakeLogits, realLogits?); missing ${missing.join(' and ') || 'both'}`);
    }
    this.loss = options.loss;

    const penalties = options.penalties ?? [];
    if (!Array.isArray(penalties)) throw optionError(owner, 'penalties', `must be an array of functions (critic, real, fake, context) => Scalar, got ${show(penalties)}`);
    penalties.forEach((p, i) => {
      if (typeof p !== 'function') throw optionError(owner, `penalties[${i}]`, `must be a function (critic, real, fake, context) => Scalar, got ${show(p)}`);
    });
    this.penalties = [...penalties];

    const presetName = options.preset ?? presetFor(this.loss, this.penalties.length);
    const preset = GAN_PRESETS[presetName];
    if (preset === undefined || !Object.hasOwn(GAN_PRESETS, presetName)) {
      throw optionError(owner, 'preset', `must be one of ${Object.keys(GAN_PRESETS).join(', ')}, got ${show(options.preset)}`);
    }
    this.preset = presetName;
    if (preset.needsPenalty && this.penalties.length === 0) {
      throw optionError(owner, 'penalties', `is empty, but the '${presetName}' preset trains with a gradient penalty (λ = ${preset.penaltyWeight}); pass one, e.g. gradientPenalty() from @gankit/losses`);
    }
    this.criticSteps = checkInteger(owner, 'criticSteps', options.criticSteps, preset.criticSteps, 1);

    const constraints = options.constraints ?? (preset.weightClip !== undefined ? [weightClipping(preset.weightClip)] : []);
    if (!Array.isArray(constraints)) throw optionError(owner, 'constraints', `must be an array of { apply(variables) }, got ${show(constraints)}`);
    constraints.forEach((c, i) => {
      if (c == null || typeof (c as LipschitzConstraint).apply !== 'function') {
        throw optionError(owner, `constraints[${i}]`, `must be an object with an apply(variables) method, got ${show(c)}`);
      }
    });
    this.constraints = [...constraints];

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
    this.generatorOptimizer = gOpt ?? makeOptimizer(preset, gRate);
    this.discriminatorOptimizer = dOpt ?? makeOptimizer(preset, dRate);

    // Shapes: latent, samples, labels.
    const latentShape = sampleShape(this.generator.inputs[0]!);
    if (latentShape.some((d) => d == null)) {
      throw optionError(owner, 'generator', `must have a fully defined latent input shape, got [${latentShape.join(',')}]`);
    }
    this.latent = latentShape as number[];
    const latentSize = this.latent.reduce((a, b) => a * b, 1);
    if (options.latentDim !== undefined) {
      const dim = checkInteger(owner, 'latentDim', options.latentDim, 0, 1);
      if (dim !== latentSize) {
        throw optionError(owner, 'latentDim', `is ${dim}, but the generator's latent input has size ${latentSize} (shape [${this.latent.join(',')}])`);
      }
    }
    this.sampleShapeOut = sampleShape(this.generator.outputs[0]!);
    const dIn = sampleShape(this.discriminator.inputs[0]!);
    if (!shapesCompatible(this.sampleShapeOut, dIn)) {
      throw optionError(owner, 'generator', `outputs samples of shape [${this.sampleShapeOut.join(',')}], but the discriminator takes [${dIn.join(',')}]`);
    }
    this.sampler = options.latentDistribution ?? 'normal';
    if (this.sampler !== 'normal' && this.sampler !== 'uniform' && typeof this.sampler !== 'function') {
      throw optionError(owner, 'latentDistribution', `must be 'normal', 'uniform' or a function (shape, random) => Tensor, got ${show(this.sampler)}`);
    }
    if (conditional) {
      if (conditional.numClasses === undefined) throw optionError(owner, 'numClasses', 'must be an integer ≥ 2, got undefined');
      this.classes = checkInteger(owner, 'numClasses', conditional.numClasses, 0, 2);
      const gFormat = detectLabelFormat(owner, 'generator', this.generator, this.classes);
      const dFormat = detectLabelFormat(owner, 'discriminator', this.discriminator, this.classes);
      if (gFormat !== dFormat) throw optionError(owner, 'discriminator', `takes labels as ${dFormat} but the generator takes them as ${gFormat}; use one format`);
      this.labelFormat = gFormat;
    }

    if (options.ema !== undefined && typeof options.ema !== 'boolean' && typeof options.ema !== 'number') {
      throw optionError(owner, 'ema', `must be a boolean or a decay in (0, 1), got ${show(options.ema)}`);
    }
    this.emaDecay =
      options.ema === true ? 0.999 : typeof options.ema === 'number' ? checkNumber(owner, 'ema', options.ema, undefined, { min: 0, max: 1, minExclusive: true, maxExclusive: true }) : undefined;
    this.gVars = trainableVariables(this.generator);
    this.dVars = trainableVariables(this.discriminator);
    this.ema = this.emaDecay !== undefined ? new WeightAverage(this.gVars, this.emaDecay) : undefined;
    this.reportsWasserstein = this.loss.name === 'wasserstein' || presetName !== 'dcgan';
    this.passRealToGenerator = this.loss.generator.length >= 2;
  }

  override get latentShape(): number[] {
    return [...this.latent];
  }

  override get numClasses(): number | undefined {
    return this.classes;
  }

  override get batchesPerStep(): number {
    return this.criticSteps;
  }

  protected override drawLatent(rng: Rng, n: number): tf.Tensor {
    const shape = [n, ...this.latent];
    if (this.sampler === 'normal') return rng.normal(shape);
    if (this.sampler === 'uniform') return rng.uniform(shape, -1, 1);
    const z = this.sampler(shape, { normal: (s) => rng.normal(s), uniform: (s, lo = 0, hi = 1) => rng.uniform(s, lo, hi) });
    if (!tf.util.arraysEqual(z.shape, shape)) throw optionError(this.owner, 'latentDistribution', `returned shape [${z.shape.join(',')}], expected [${shape.join(',')}]`);
    return z;
  }

  /** Validates a batch before anything is updated. */
  private checkBatch(batch: TrainingBatch): { x: tf.Tensor; labels: tf.Tensor | undefined } {
    const x = batchX(batch, this.owner);
    if (x.dtype !== 'float32') throw new Error(`${this.owner}: batch x must be float32, got ${x.dtype}`);
    if (x.rank < 2 || x.shape[0] === 0) throw new Error(`${this.owner}: batch x must be [batch, ...sampleShape] with batch ≥ 1, got [${x.shape.join(',')}]`);
    if (!shapesCompatible(this.sampleShapeOut, x.shape.slice(1))) {
      throw optionError(this.owner, 'generator', `outputs samples of shape [${this.sampleShapeOut.join(',')}], but the data (batch x) has samples of shape [${x.shape.slice(1).join(',')}]`);
    }
    const labels = (batch as { labels?: tf.Tensor }).labels;
    if (this.classes !== undefined) {
      if (labels == null) throw new Error(`${this.owner}: every batch needs 'labels'`);
      if (labels.shape[0] !== x.shape[0]) throw new Error(`${this.owner}: batch has ${x.shape[0]} samples but ${labels.shape[0]} labels`);
    }
    return { x, labels: this.classes !== undefined ? labels : undefined };
  }

  private netLabels(labels: tf.Tensor | readonly number[] | undefined): tf.Tensor | undefined {
    if (labels === undefined) return undefined;
    return toNetworkLabels(labels, this.classes!, this.labelFormat!, this.owner);
  }

  /** The critic as penalties see it: the discriminator in training mode. */
  private readonly critic: Exclude<Critic, tf.LayersModel> = (inputs) => callModel(this.discriminator, inputs, true);

  protected override async runStep(batches: TrainingBatch[]): Promise<Record<string, number | undefined>> {
    const checked = batches.map((b) => this.checkBatch(b));
    const criticRows: tf.Tensor[] = [];
    let generatorRow: tf.Tensor | undefined;
    try {
      for (let k = 0; k < this.criticSteps; k++) {
        const { x, labels } = checked[k % checked.length]!;
        criticRows.push(tf.tidy(() => this.criticUpdate(x, this.netLabels(labels))));
      }
      const last = checked[checked.length - 1]!;
      generatorRow = tf.tidy(() => this.generatorUpdate(last.x, this.netLabels(last.labels)));
      this.ema?.update();
      const summary = tf.tidy(() => tf.concat([tf.mean(tf.stack(criticRows), 0), generatorRow!]));
      const v = await summary.data();
      summary.dispose();
      return {
        discriminatorLoss: v[0]!,
        generatorLoss: v[4]!,
        penalty: v[1]!,
        ...(this.reportsWasserstein ? { wassersteinEstimate: v[2]! } : {}),
        discriminatorGradNorm: v[3]!,
        generatorGradNorm: v[5]!,
      };
    } finally {
      tf.dispose(criticRows);
      if (generatorRow) generatorRow.dispose();
    }
  }

  /** One critic update; returns [loss, penalty, wasserstein estimate, grad norm]. Runs inside tf.tidy. */
  private criticUpdate(x: tf.Tensor, labels: tf.Tensor | undefined): tf.Tensor {
    const z = this.drawLatent(this.rng, x.shape[0]!);
    const fake = callModel(this.generator, labels ? [z, labels] : z, true);
    const realIn = labels ? [x, labels] : x;
    const fakeIn = labels ? [fake, labels] : fake;
    const critic = this.critic;
    const context: PenaltyContext = { uniform: (shape) => this.rng.uniform(shape) };
    let kept: tf.Tensor[] = [];
    const { value, grads } = gradientsOf(() => {
      const realLogits = critic(realIn);
      const fakeLogits = critic(fakeIn);
      const adversarial = this.loss.discriminator(realLogits, fakeLogits);
      checkScalar(this.owner, 'loss', 'discriminator()', adversarial);
      let penalty: tf.Tensor = tf.scalar(0);
      this.penalties.forEach((p, i) => {
        const value = p(critic, realIn, fakeIn, context);
        checkScalar(this.owner, `penalties[${i}]`, 'the penalty', value);
        penalty = tf.add(penalty, value);
      });
      const w = tf.sub(tf.mean(realLogits), tf.mean(fakeLogits));
      kept = [tf.keep(penalty), tf.keep(w)];
      return tf.add(adversarial, penalty) as tf.Scalar;
    }, this.dVars);
    const norm = globalNorm(grads);
    applyGradients(this.discriminatorOptimizer, this.dVars, grads);
    for (const c of this.constraints) c.apply(this.dVars);
    const row = tf.stack([value, kept[0]!, kept[1]!, norm]);
    tf.dispose(kept);
    return row;
  }

  /** One generator update; returns [loss, grad norm]. Runs inside tf.tidy. */
  private generatorUpdate(x: tf.Tensor, labels: tf.Tensor | undefined): tf.Tensor {
    const z = this.drawLatent(this.rng, x.shape[0]!);
    const { value, grads } = gradientsOf(() => {
      const fake = callModel(this.generator, labels ? [z, labels] : z, true);
      const fakeLogits = callModel(this.discriminator, labels ? [fake, labels] : fake, true);
      const realLogits = this.passRealToGenerator ? callModel(this.discriminator, labels ? [x, labels] : x, true) : undefined;
      const loss = this.loss.generator(fakeLogits, realLogits);
      checkScalar(this.owner, 'loss', 'generator()', loss);
      return loss;
    }, this.gVars);
    const norm = globalNorm(grads);
    applyGradients(this.generatorOptimizer, this.gVars, grads);
    return tf.stack([value, norm]);
  }

  override generate(latent: tf.Tensor, labels?: readonly number[] | tf.Tensor, useEma = true): tf.Tensor {
    if (!tf.util.arraysEqual(latent.shape.slice(1), this.latent)) {
      throw new Error(`${this.owner}.generate: latent codes must be [n, ${this.latent.join(', ')}], got [${latent.shape.join(',')}]`);
    }
    if (this.classes === undefined && labels !== undefined) throw new Error(`${this.owner}.generate: this trainer is not conditional; do not pass labels`);
    if (this.classes !== undefined && labels === undefined) throw new Error(`${this.owner}.generate: pass one label per sample`);
    return tf.tidy(() => {
      const lab = this.netLabels(labels);
      if (lab !== undefined && lab.shape[0] !== latent.shape[0]) {
        throw new Error(`${this.owner}.generate: ${latent.shape[0]} latent codes but ${lab.shape[0]} labels`);
      }
      const run = (): tf.Tensor => callModel(this.generator, lab ? [latent, lab] : latent, false);
      return this.ema !== undefined && useEma ? this.ema.withAverages(run) : run();
    });
  }

  protected override configuration(): TrainerConfiguration {
    return {
      structure: {
        generator: modelSignature(this.generator),
        discriminator: modelSignature(this.discriminator),
        latentShape: this.latent,
        numClasses: this.classes ?? null,
        labelFormat: this.labelFormat ?? null,
        ema: this.ema !== undefined,
        optimizers: { generator: optimizerClass(this.generatorOptimizer), discriminator: optimizerClass(this.discriminatorOptimizer) },
      },
      hyperparameters: {
        preset: this.preset,
        loss: this.loss.name ?? null,
        criticSteps: this.criticSteps,
        penalties: this.penalties.length,
        constraints: this.constraints.length,
        emaDecay: this.emaDecay ?? null,
        latentDistribution: typeof this.sampler === 'function' ? 'custom' : this.sampler,
        generatorOptimizer: optimizerConfig(this.generatorOptimizer),
        discriminatorOptimizer: optimizerConfig(this.discriminatorOptimizer),
      },
    };
  }

  protected override async checkpointEntries(): Promise<CheckpointEntry[]> {
    const entries = [modelEntry('generator', this.generator), modelEntry('discriminator', this.discriminator)];
    try {
      if (this.ema !== undefined) entries.push(modelEntry('generator-ema', this.generator, this.ema.values()));
      entries.push(await optimizerEntry('optimizer-generator', this.generatorOptimizer));
      entries.push(await optimizerEntry('optimizer-discriminator', this.discriminatorOptimizer));
    } catch (err) {
      tf.dispose(entries.flatMap((e) => e.weights.map((w) => w.tensor)));
      throw err;
    }
    return entries;
  }

  protected override checkpointState(): JsonObject {
    return { emaUpdates: this.ema?.updates ?? 0 };
  }

  protected override entryProblems(entries: ReadonlyMap<string, CheckpointEntry>): string[] {
    const problems: string[] = [];
    const need = (name: string): CheckpointEntry | undefined => {
      const e = entries.get(name);
      if (e === undefined) problems.push(`${name}: missing from the checkpoint`);
      return e;
    };
    const g = need('generator');
    const d = need('discriminator');
    const gOpt = need('optimizer-generator');
    const dOpt = need('optimizer-discriminator');
    if (g) problems.push(...modelEntryProblems(this.generator, g));
    if (d) problems.push(...modelEntryProblems(this.discriminator, d));
    if (this.ema !== undefined) {
      const e = need('generator-ema');
      if (e) problems.push(...modelEntryProblems(this.generator, e));
    }
    if (gOpt) problems.push(...optimizerEntryProblems(gOpt, this.gVars));
    if (dOpt) problems.push(...optimizerEntryProblems(dOpt, this.dVars));
    return problems;
  }

  protected override async restoreEntries(entries: ReadonlyMap<string, CheckpointEntry>, state: JsonObject): Promise<void> {
    restoreModel(this.generator, entries.get('generator')!);
    restoreModel(this.discriminator, entries.get('discriminator')!);
    if (this.ema !== undefined) {
      const stored = entries.get('generator-ema')!;
      const position = new Map(this.generator.weights.map((w, i) => [w, i]));
      const trainable = this.generator.trainableWeights.map((w) => stored.weights[position.get(w)!]!.tensor);
      this.ema.assign(trainable, typeof state['emaUpdates'] === 'number' ? state['emaUpdates'] : 0);
    }
    await restoreOptimizer(this.generatorOptimizer, entries.get('optimizer-generator')!);
    await restoreOptimizer(this.discriminatorOptimizer, entries.get('optimizer-discriminator')!);
  }

  override dispose(): void {
    this.generatorOptimizer.dispose();
    this.discriminatorOptimizer.dispose();
    this.ema?.dispose();
  }
}

/** Whether two sample shapes agree where both are known. */
function shapesCompatible(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d == null || b[i] == null || d === b[i]);
}

function checkScalar(owner: string, option: string, what: string, value: unknown): void {
  const t = value as tf.Tensor | null;
  if (t == null || typeof t !== 'object' || !Array.isArray(t.shape) || t.rank !== 0) {
    throw optionError(owner, option, `: ${what} must return a scalar tensor, got ${t != null && Array.isArray(t.shape) ? `shape [${t.shape.join(',')}]` : show(value)}`);
  }
}
