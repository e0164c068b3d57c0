import * as tf from '@tensorflow/tfjs';
import type { GanPresetName } from '../ganPresets.js';
import { Trainer } from '../trainer.js';
import type { AdversarialLoss, Critic, GanStepLogs, LipschitzConstraint, Penalty, PenaltyContext, TrainingBatch } from '../types.js';
import { resolveAdversarialOptions, shapesCompatible } from './adversarialOptions.js';
import type { AdversarialTrainerOptions, LatentSampler } from './adversarialOptions.js';
import { batchX } from './batches.js';
import type { CheckpointEntry, JsonObject, TrainerConfiguration } from './checkpointFormat.js';
import { WeightAverage } from './ema.js';
import { applyGradients, globalNorm, gradientsOf } from './gradients.js';
import { drawCodes, mutualInformationTerm, softmaxCrossEntropy } from './auxiliaryHeads.js';
import type { AuxiliaryHeads } from './auxiliaryHeads.js';
import { toNetworkLabels } from './labels.js';
import { decayedRate, learningRateOf, setLearningRate } from './learningRateDecay.js';
import type { LinearDecay } from './learningRateDecay.js';
import type { LabelFormat } from './labels.js';
import { averagedWeights, callModel, modelEntry, modelEntryProblems, modelSignature, restoreModel, trainableVariables } from './models.js';
import { optimizerClass, optimizerConfig, optimizerEntry, optimizerEntryProblems, restoreOptimizer } from './optimizerState.js';
import type { Rng } from './rng.js';
import { packSamples } from './packing.js';
import { optionError, show } from './validate.js';

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
  /** Lazy regularization: the penalties run on every k-th critic update, weighted by k (1: every update). */
  readonly penaltyEvery: number;
  /** The constraints applied after each critic update. */
  readonly constraints: readonly LipschitzConstraint[];
  /** The generator's optimizer. */
  readonly generatorOptimizer: tf.Optimizer;
  /** The discriminator's optimizer. */
  readonly discriminatorOptimizer: tf.Optimizer;
  /** The EMA decay, or undefined without EMA. */
  readonly emaDecay: number | undefined;
  /** The linear learning-rate decay, or undefined for constant rates. */
  readonly learningRateDecay: LinearDecay | undefined;
  /** The optimizers' learning rates before any decay: [generator, discriminator]. */
  private readonly baseRates: [number, number];
  /** Samples the discriminator judges at once (PacGAN packing; 1 = none). */
  readonly packing: number;
  private readonly latent: number[];
  private readonly sampleShapeOut: (number | null)[];
  private readonly sampler: LatentSampler;
  private readonly classes: number | undefined;
  private readonly labelFormat: LabelFormat | undefined;
  private readonly gVars: tf.Variable[];
  private readonly dVars: tf.Variable[];
  private readonly ema: WeightAverage | undefined;
  /** The generator's weights the EMA follows (trainable weights and batch-norm statistics). */
  private readonly averaged: tf.LayerVariable[];
  private readonly reportsWasserstein: boolean;
  private readonly passRealToGenerator: boolean;
  private readonly owner: string;
  /** The discriminator's extra outputs: ACGAN's class head or InfoGAN's Q heads. */
  private readonly heads: AuxiliaryHeads | undefined;
  private readonly noiseSize: number;

  protected constructor(owner: string, options: AdversarialTrainerOptions, conditional?: { numClasses: unknown; auxiliaryClassifier?: unknown; extraKeys: readonly string[] }) {
    const r = resolveAdversarialOptions(owner, options, conditional);
    super(r.seed);
    this.owner = owner;
    this.generator = r.generator;
    this.discriminator = r.discriminator;
    this.loss = r.loss;
    this.preset = r.preset;
    this.criticSteps = r.criticSteps;
    this.penalties = r.penalties;
    this.penaltyEvery = r.penaltyEvery;
    this.constraints = r.constraints;
    this.generatorOptimizer = r.generatorOptimizer;
    this.discriminatorOptimizer = r.discriminatorOptimizer;
    this.emaDecay = r.emaDecay;
    this.learningRateDecay = r.learningRateDecay;
    this.baseRates = [learningRateOf(this.generatorOptimizer), learningRateOf(this.discriminatorOptimizer)];
    this.packing = r.packing;
    this.latent = r.latent;
    this.sampleShapeOut = r.samples;
    this.sampler = r.sampler;
    this.classes = r.classes;
    this.labelFormat = r.labelFormat;
    this.gVars = trainableVariables(this.generator);
    this.dVars = trainableVariables(this.discriminator);
    this.averaged = averagedWeights(this.generator);
    this.ema = this.emaDecay !== undefined ? new WeightAverage(this.averaged.map((w) => w.read() as tf.Variable), this.emaDecay) : undefined;
    this.reportsWasserstein = this.loss.name === 'wasserstein' || this.preset !== 'dcgan';
    this.passRealToGenerator = this.loss.generator.length >= 2;
    this.heads = r.heads;
    this.noiseSize = r.noiseSize;
  }

  /**
   * InfoGAN's latent layout (with `latentCodes`): the generator's latent input
   * is `[noise | one-hot categorical codes, in order | continuous codes]`;
   * undefined without codes. Build latents with chosen codes from it, e.g. to
   * draw every category of a code.
   */
  get latentCodes(): { noise: number; categorical: number[]; continuous: number } | undefined {
    return this.heads?.kind === 'codes' ? { noise: this.noiseSize, categorical: [...this.heads.categorical], continuous: this.heads.continuous } : undefined;
  }

  /** Whether the discriminator has ACGAN's auxiliary class head. */
  get auxiliaryClassifier(): boolean {
    return this.heads?.kind === 'classifier';
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

  /** @internal */
  protected override drawLatent(rng: Rng, n: number): tf.Tensor {
    if (this.heads?.kind === 'codes') {
      const heads = this.heads;
      return tf.tidy(() => tf.concat([this.drawNoise(rng, [n, this.noiseSize]), drawCodes(heads, n, (shape) => rng.uniform(shape))], 1));
    }
    return this.drawNoise(rng, [n, ...this.latent]);
  }

  private drawNoise(rng: Rng, shape: number[]): tf.Tensor {
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
    if (x.shape[0]! % this.packing !== 0) {
      throw optionError(this.owner, 'packing', `is ${this.packing}, which must divide the batch size, but a batch has ${x.shape[0]} samples`);
    }
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

  /** The discriminator in training mode (on packed samples when packing): its outputs, the adversarial score first. */
  private discriminatorOutputs(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    const out = this.discriminator.apply(this.packing > 1 ? packSamples(inputs as tf.Tensor, this.packing) : inputs, { training: true }) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out : [out];
  }

  /** The critic as the losses and penalties see it: the discriminator's adversarial output. */
  private readonly critic: Exclude<Critic, tf.LayersModel> = (inputs) => this.discriminatorOutputs(inputs)[0]!;

  /**
   * The heads' term of a loss, given D's outputs on the fakes (and, for the
   * discriminator's loss, on the reals): ACGAN λ_D·(CE(class(real), y) +
   * φ·CE(class(fake), y)) for D and λ_G·CE(class(fake), y) for G; InfoGAN
   * −λ·L_I on the fakes for both. Call only with heads.
   */
  private headTerm(heads: AuxiliaryHeads, fake: tf.Tensor[], labels: tf.Tensor | undefined, z: tf.Tensor, real?: tf.Tensor[]): tf.Tensor {
    if (heads.kind === 'codes') return mutualInformationTerm(heads, tf.slice(z, [0, this.noiseSize], [-1, -1]), fake.slice(1));
    const y = toNetworkLabels(labels!, heads.numClasses, 'oneHot', this.owner);
    if (real === undefined) return tf.mul(heads.generatorWeight, softmaxCrossEntropy(fake[1]!, y));
    const onReal = softmaxCrossEntropy(real[1]!, y);
    // φ = 0: the class head learns from real samples only (no op on the fakes' class logits).
    if (heads.generatedWeight === 0) return tf.mul(heads.discriminatorWeight, onReal);
    return tf.mul(heads.discriminatorWeight, tf.add(onReal, tf.mul(heads.generatedWeight, softmaxCrossEntropy(fake[1]!, y))));
  }

  /** The discriminator's inputs: the samples, with the labels when it is conditioned on them (not ACGAN's). */
  private discriminatorInput(x: tf.Tensor, labels: tf.Tensor | undefined): tf.Tensor | tf.Tensor[] {
    return labels !== undefined && this.heads?.kind !== 'classifier' ? [x, labels] : x;
  }

  /** @internal */
  protected override async runStep(batches: TrainingBatch[]): Promise<Record<string, number | undefined>> {
    const checked = batches.map((b) => this.checkBatch(b));
    if (this.learningRateDecay !== undefined) {
      setLearningRate(this.generatorOptimizer, decayedRate(this.baseRates[0], this.learningRateDecay, this.stepCount));
      setLearningRate(this.discriminatorOptimizer, decayedRate(this.baseRates[1], this.learningRateDecay, this.stepCount));
    }
    const criticRows: tf.Tensor[] = [];
    let generatorRow: tf.Tensor | undefined;
    try {
      for (let k = 0; k < this.criticSteps; k++) {
        const { x, labels } = checked[k % checked.length]!;
        const withPenalties = (this.stepCount * this.criticSteps + k) % this.penaltyEvery === 0;
        criticRows.push(tf.tidy(() => this.criticUpdate(x, this.netLabels(labels), withPenalties)));
      }
      const last = checked[checked.length - 1]!;
      generatorRow = tf.tidy(() => this.generatorUpdate(last.x, this.netLabels(last.labels)));
      this.ema?.update();
      const summary = tf.tidy(() => tf.concat([tf.mean(tf.stack(criticRows), 0), generatorRow!]));
      const v = await summary.data();
      summary.dispose();
      return {
        discriminatorLoss: v[0]!,
        generatorLoss: v[5]!,
        penalty: v[1]!,
        ...(this.reportsWasserstein ? { wassersteinEstimate: v[2]! } : {}),
        discriminatorGradNorm: v[3]!,
        generatorGradNorm: v[6]!,
        ...(this.heads !== undefined ? { discriminatorAuxiliaryLoss: v[4]!, generatorAuxiliaryLoss: v[7]! } : {}),
      };
    } finally {
      tf.dispose(criticRows);
      if (generatorRow) generatorRow.dispose();
    }
  }

  /**
   * One critic update; returns [loss, penalty, wasserstein estimate, grad norm, heads' term]. Runs inside tf.tidy.
   * Without `withPenalties` (lazy regularization's skipped updates) the penalty term is 0; with it and
   * `penaltyEvery` k > 1 it is k × the penalties' sum.
   */
  private criticUpdate(x: tf.Tensor, labels: tf.Tensor | undefined, withPenalties = true): tf.Tensor {
    const z = this.drawLatent(this.rng, x.shape[0]!);
    const fake = callModel(this.generator, labels ? [z, labels] : z, true);
    const realIn = this.discriminatorInput(x, labels);
    const fakeIn = this.discriminatorInput(fake, labels);
    const critic = this.critic;
    const context: PenaltyContext = { uniform: (shape) => this.rng.uniform(shape) };
    let kept: tf.Tensor[] = [];
    const { value, grads } = gradientsOf(() => {
      const realOut = this.discriminatorOutputs(realIn);
      const fakeOut = this.discriminatorOutputs(fakeIn);
      const realLogits = realOut[0]!;
      const fakeLogits = fakeOut[0]!;
      const adversarial = this.loss.discriminator(realLogits, fakeLogits);
      checkScalar(this.owner, 'loss', 'discriminator()', adversarial);
      let penalty: tf.Tensor = tf.scalar(0);
      if (withPenalties) {
        this.penalties.forEach((p, i) => {
          const value = p(critic, realIn, fakeIn, context);
          checkScalar(this.owner, `penalties[${i}]`, 'the penalty', value);
          penalty = tf.add(penalty, value);
        });
        if (this.penaltyEvery > 1) penalty = tf.mul(penalty, this.penaltyEvery);
      }
      const head = this.heads !== undefined ? this.headTerm(this.heads, fakeOut, labels, z, realOut) : tf.scalar(0);
      const w = tf.sub(tf.mean(realLogits), tf.mean(fakeLogits));
      kept = [tf.keep(penalty), tf.keep(w), tf.keep(head)];
      return tf.addN([adversarial, penalty, head]) as tf.Scalar;
    }, this.dVars);
    const norm = globalNorm(grads);
    applyGradients(this.discriminatorOptimizer, this.dVars, grads);
    for (const c of this.constraints) c.apply(this.dVars);
    const row = tf.stack([value, kept[0]!, kept[1]!, norm, kept[2]!]);
    tf.dispose(kept);
    return row;
  }

  /** One generator update; returns [loss, grad norm, heads' term]. Runs inside tf.tidy. */
  private generatorUpdate(x: tf.Tensor, labels: tf.Tensor | undefined): tf.Tensor {
    const z = this.drawLatent(this.rng, x.shape[0]!);
    let head: tf.Tensor | undefined;
    const { value, grads } = gradientsOf(() => {
      const fake = callModel(this.generator, labels ? [z, labels] : z, true);
      const fakeOut = this.discriminatorOutputs(this.discriminatorInput(fake, labels));
      const realLogits = this.passRealToGenerator ? this.critic(this.discriminatorInput(x, labels)) : undefined;
      const loss = this.loss.generator(fakeOut[0]!, realLogits);
      checkScalar(this.owner, 'loss', 'generator()', loss);
      if (this.heads === undefined) return loss;
      head = tf.keep(this.headTerm(this.heads, fakeOut, labels, z));
      return tf.add(loss, head) as tf.Scalar;
    }, this.gVars);
    const norm = globalNorm(grads);
    applyGradients(this.generatorOptimizer, this.gVars, grads);
    const row = tf.stack([value, norm, head ?? tf.scalar(0)]);
    if (head !== undefined) head.dispose();
    return row;
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

  /** @internal */
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
        ...(this.penaltyEvery > 1 ? { penaltyEvery: this.penaltyEvery } : {}),
        constraints: this.constraints.length,
        emaDecay: this.emaDecay ?? null,
        ...(this.packing > 1 ? { packing: this.packing } : {}),
        ...(this.learningRateDecay !== undefined ? { learningRateDecay: { ...this.learningRateDecay } } : {}),
        latentDistribution: typeof this.sampler === 'function' ? 'custom' : this.sampler,
        ...(this.heads !== undefined ? { auxiliaryHeads: JSON.parse(JSON.stringify(this.heads)) as JsonObject } : {}),
        // The rates before decay, so a resumed run compares equal whatever step it stopped at.
        generatorOptimizer: { ...optimizerConfig(this.generatorOptimizer), ...(this.learningRateDecay !== undefined ? { learningRate: this.baseRates[0] } : {}) },
        discriminatorOptimizer: { ...optimizerConfig(this.discriminatorOptimizer), ...(this.learningRateDecay !== undefined ? { learningRate: this.baseRates[1] } : {}) },
      },
    };
  }

  /** @internal */
  protected override async checkpointEntries(): Promise<CheckpointEntry[]> {
    const entries = [modelEntry('generator', this.generator), modelEntry('discriminator', this.discriminator)];
    try {
      if (this.ema !== undefined) entries.push(modelEntry('generator-ema', this.generator, new Map(this.averaged.map((w, i) => [w, this.ema!.values()[i]!]))));
      entries.push(await optimizerEntry('optimizer-generator', this.generatorOptimizer));
      entries.push(await optimizerEntry('optimizer-discriminator', this.discriminatorOptimizer));
    } catch (err) {
      tf.dispose(entries.flatMap((e) => e.weights.map((w) => w.tensor)));
      throw err;
    }
    return entries;
  }

  /** @internal */
  protected override checkpointState(): JsonObject {
    return { emaUpdates: this.ema?.updates ?? 0 };
  }

  /** @internal */
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

  /** @internal */
  protected override async restoreEntries(entries: ReadonlyMap<string, CheckpointEntry>, state: JsonObject): Promise<void> {
    restoreModel(this.generator, entries.get('generator')!);
    restoreModel(this.discriminator, entries.get('discriminator')!);
    if (this.ema !== undefined) {
      const stored = entries.get('generator-ema')!;
      const position = new Map(this.generator.weights.map((w, i) => [w, i]));
      const averaged = this.averaged.map((w) => stored.weights[position.get(w)!]!.tensor);
      this.ema.assign(averaged, typeof state['emaUpdates'] === 'number' ? state['emaUpdates'] : 0);
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

function checkScalar(owner: string, option: string, what: string, value: unknown): void {
  const t = value as tf.Tensor | null;
  if (t == null || typeof t !== 'object' || !Array.isArray(t.shape) || t.rank !== 0) {
    throw optionError(owner, option, `: ${what} must return a scalar tensor, got ${t != null && Array.isArray(t.shape) ? `shape [${t.shape.join(',')}]` : show(value)}`);
  }
}
