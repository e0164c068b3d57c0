import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss, CycleGanStepLogs, UnpairedBatch } from './types.js';
import { fusedAdam } from './fusedAdam.js';
import type { CheckpointEntry, JsonObject, TrainerConfiguration } from './internal/checkpointFormat.js';
import { applyGradients, gradientsOf } from './internal/gradients.js';
import { ImagePool } from './internal/imagePool.js';
import { callModel, modelSignature, trainableVariables } from './internal/models.js';
import { optimizerClass } from './internal/optimizerState.js';
import { adamOption, checkDecay, checkImageModel, checkLoss, decayedRate, fmt, meanAbs, sameShape, setLearningRate, TranslationTrainer } from './internal/translationTrainer.js';
import type { LinearDecay, TranslationDirection } from './internal/translationTrainer.js';
import { checkSemanticConsistency, semanticTargets, semanticTerm } from './internal/semanticConsistency.js';
import type { SemanticConsistency, SemanticConsistencyOptions } from './internal/semanticConsistency.js';
import { checkInteger, checkNumber, checkOptionKeys, optionError } from './internal/validate.js';

/** Options of {@link CycleGanTrainer}. */
export interface CycleGanTrainerOptions {
  /** G_AB: domain A images → domain B images (e.g. `cycleGanGenerator` of `@gankit/architectures`). */
  generatorAB: tf.LayersModel;
  /** G_BA: domain B images → domain A images. */
  generatorBA: tf.LayersModel;
  /** D_A: scores domain A images (real A against translations B→A), e.g. `patchGanDiscriminator`. */
  discriminatorA: tf.LayersModel;
  /** D_B: scores domain B images. */
  discriminatorB: tf.LayersModel;
  /** The adversarial loss on the discriminators' outputs; default least squares in the reference code's scaling (see the class doc). */
  loss?: AdversarialLoss;
  /** λ of the cycle-consistency terms (default 10, Zhu et al.). */
  cycleWeight?: number;
  /** Weight of the identity terms (default 0.5 × cycleWeight, the reference code's `lambda_identity` 0.5); needs both domains to have the same channel count, else pass 0. */
  identityWeight?: number;
  /** Generated images kept per discriminator (default 50; 0 feeds the newest translations only). */
  poolSize?: number;
  /** Adam's learning rate for the generators and the discriminators (default 2e-4). */
  learningRate?: number;
  /** Adam's β₁ (default 0.5). */
  beta1?: number;
  /** Adam's β₂ (default 0.999). */
  beta2?: number;
  /** Decay both learning rates linearly to 0 over `steps` steps after `start` steps (default: constant). */
  learningRateDecay?: LinearDecay;
  /**
   * CyCADA's semantic-consistency term (Hoffman et al. 2018): frozen
   * classifiers, and the generators also minimise λ_sem·(CE(f_B(G_AB(a)),
   * argmax f_A(a)) + CE(f_A(G_BA(b)), argmax f_B(b))). Default: none.
   */
  semanticConsistency?: SemanticConsistencyOptions;
  /** The seed of the history pools' coin flips (an integer; default 0). */
  seed?: number;
}

const KNOWN = ['generatorAB', 'generatorBA', 'discriminatorA', 'discriminatorB', 'loss', 'cycleWeight', 'identityWeight', 'poolSize', 'learningRate', 'beta1', 'beta2', 'learningRateDecay', 'semanticConsistency', 'seed'] as const;
const OWNER = 'CycleGanTrainer';

/**
 * Trains CycleGAN (Zhu, Park, Isola & Efros, "Unpaired Image-to-Image
 * Translation using Cycle-Consistent Adversarial Networks", ICCV 2017) on
 * unpaired batches `{ a, b }`: generators G_AB, G_BA and discriminators D_A, D_B.
 *
 * Each step, as the reference code (`cycle_gan_model.py`) orders it:
 * 1. The generators minimise
 *    ℓ_G(D_B(G_AB(a))) + ℓ_G(D_A(G_BA(b)))
 *    + λ_cyc (‖G_BA(G_AB(a)) − a‖₁ + ‖G_AB(G_BA(b)) − b‖₁)
 *    + λ_id (‖G_BA(a) − a‖₁ + ‖G_AB(b) − b‖₁),
 *    every ‖·‖₁ a mean absolute error, with one Adam over both generators;
 *    with `semanticConsistency`, also + λ_sem·(CE(f_B(G_AB(a)), ŷ_A(a)) +
 *    CE(f_A(G_BA(b)), ŷ_B(b))), where ŷ = argmax of the frozen classifier of
 *    the source domain (CyCADA, Hoffman et al. 2018, eq. 4; the classifiers
 *    are never updated, nor saved in checkpoints: pass the same ones to resume).
 * 2. The discriminators minimise ℓ_D(D_A(a), D_A(ã)) + ℓ_D(D_B(b), D_B(b̃)),
 *    where ã, b̃ are the step's translations passed through a history pool of
 *    `poolSize` images (Shrivastava et al. 2017): once full, each translation
 *    is, with probability ½, swapped for a random older one.
 *
 * The default loss is least squares (Mao et al. 2017) scaled as in the
 * reference code: ℓ_D(r, f) = ½[E(r − 1)² + E f²] (the discriminator loss
 * halved, to slow D relative to G) and ℓ_G(f) = E(f − 1)². `leastSquaresLoss`
 * from `@gankit/losses` also halves ℓ_G, which halves the adversarial terms
 * against the cycle terms. Defaults: λ_cyc = 10, λ_id = 0.5·λ_cyc, pools of
 * 50, Adam 2e-4 with β = (0.5, 0.999). The reference's schedule keeps the rate
 * for 100 epochs and decays it linearly to 0 over 100 more: pass
 * `learningRateDecay: { start, steps }` in steps. All randomness (the pools)
 * comes from the seeded generator, and the pools are saved in checkpoints, so
 * resume is exact.
 *
 * @example
 * ```ts
 * import { cycleGanGenerator, patchGanDiscriminator } from '@gankit/architectures';
 * const trainer = new CycleGanTrainer({
 *   generatorAB: cycleGanGenerator({ imageSize: 32, inChannels: 1, outChannels: 3, filters: 32 }),
 *   generatorBA: cycleGanGenerator({ imageSize: 32, inChannels: 3, outChannels: 1, filters: 32 }),
 *   discriminatorA: patchGanDiscriminator({ imageSize: 32, channels: 1 }),
 *   discriminatorB: patchGanDiscriminator({ imageSize: 32, channels: 3 }),
 *   identityWeight: 0, // 1 and 3 channels: no identity term
 * });
 * await trainer.fit(pairs(), { steps: 5000, callbacks: [nanGuard()] });
 * const asB = trainer.translate(mnistBatch, 'AtoB');
 * ```
 */
export class CycleGanTrainer extends TranslationTrainer<CycleGanStepLogs> {
  override readonly trainerType = 'CycleGanTrainer';
  /** G_AB. */
  readonly generatorAB: tf.LayersModel;
  /** G_BA. */
  readonly generatorBA: tf.LayersModel;
  /** D_A. */
  readonly discriminatorA: tf.LayersModel;
  /** D_B. */
  readonly discriminatorB: tf.LayersModel;
  /** The adversarial loss. */
  readonly loss: AdversarialLoss;
  /** λ_cyc. */
  readonly cycleWeight: number;
  /** λ_id. */
  readonly identityWeight: number;
  /** Images per history pool. */
  readonly poolSize: number;
  /** CyCADA's semantic-consistency term, when given. */
  readonly semanticConsistency: SemanticConsistency | undefined;
  /** The base learning rate. */
  readonly learningRate: number;
  /** The linear decay, if any. */
  readonly learningRateDecay: LinearDecay | undefined;
  /** The generators' Adam (one over G_AB and G_BA, as the reference code). */
  readonly generatorOptimizer: tf.Optimizer;
  /** The discriminators' Adam (one over D_A and D_B). */
  readonly discriminatorOptimizer: tf.Optimizer;
  private readonly betas: [number, number];
  private readonly gVars: tf.Variable[];
  private readonly dVars: tf.Variable[];
  private readonly poolA: ImagePool;
  private readonly poolB: ImagePool;
  private readonly passRealToGenerator: boolean;

  /**
   * @param options - the four networks, and optional loss, weights, pool size, Adam settings, decay, seed.
   * @throws an error naming the option, before any training, when the configuration is wrong.
   */
  constructor(options: CycleGanTrainerOptions) {
    checkOptionKeys(OWNER, options, KNOWN);
    const gAB = checkImageModel(OWNER, 'generatorAB', options.generatorAB, 'domain A images');
    const gBA = checkImageModel(OWNER, 'generatorBA', options.generatorBA, 'domain B images');
    const dA = checkImageModel(OWNER, 'discriminatorA', options.discriminatorA, 'domain A images');
    const dB = checkImageModel(OWNER, 'discriminatorB', options.discriminatorB, 'domain B images');
    if (!sameShape(gBA.output, gAB.input)) throw optionError(OWNER, 'generatorBA', `outputs ${fmt(gBA.output)}, but generatorAB takes domain A images ${fmt(gAB.input)}`);
    if (!sameShape(gAB.output, gBA.input)) throw optionError(OWNER, 'generatorAB', `outputs ${fmt(gAB.output)}, but generatorBA takes domain B images ${fmt(gBA.input)}`);
    if (!sameShape(dA.input, gAB.input)) throw optionError(OWNER, 'discriminatorA', `takes ${fmt(dA.input)}, but domain A images are ${fmt(gAB.input)}`);
    if (!sameShape(dB.input, gBA.input)) throw optionError(OWNER, 'discriminatorB', `takes ${fmt(dB.input)}, but domain B images are ${fmt(gBA.input)}`);
    super(OWNER, checkInteger(OWNER, 'seed', options.seed, 0, -(2 ** 31)), { a: gAB.input, b: gBA.input });
    this.generatorAB = gAB.model;
    this.generatorBA = gBA.model;
    this.discriminatorA = dA.model;
    this.discriminatorB = dB.model;
    this.loss = checkLoss(OWNER, options.loss);
    this.cycleWeight = checkNumber(OWNER, 'cycleWeight', options.cycleWeight, 10, { min: 0 })!;
    const channelsA = this.shapeA.at(-1);
    const channelsB = this.shapeB.at(-1);
    const sameChannels = channelsA != null && channelsA === channelsB;
    this.identityWeight = checkNumber(OWNER, 'identityWeight', options.identityWeight, 0.5 * this.cycleWeight, { min: 0 })!;
    if (this.identityWeight > 0 && !sameChannels) {
      throw optionError(
        OWNER,
        'identityWeight',
        `is ${this.identityWeight}${options.identityWeight === undefined ? ' (the default, 0.5 × cycleWeight)' : ''}, but the identity terms G_AB(b) ≈ b and G_BA(a) ≈ a need both domains to have the same channels; domain A has ${String(channelsA)} and domain B ${String(channelsB)}: pass identityWeight: 0`,
      );
    }
    this.poolSize = checkInteger(OWNER, 'poolSize', options.poolSize, 50, 0);
    this.semanticConsistency = checkSemanticConsistency(OWNER, options.semanticConsistency, this.shapeA, this.shapeB);
    const adam = adamOption(OWNER, options, [2e-4, 0.5, 0.999]);
    this.learningRate = adam.rate;
    this.betas = [adam.beta1, adam.beta2];
    this.learningRateDecay = checkDecay(OWNER, options.learningRateDecay);
    this.gVars = [...new Set([...trainableVariables(this.generatorAB), ...trainableVariables(this.generatorBA)])];
    this.dVars = [...new Set([...trainableVariables(this.discriminatorA), ...trainableVariables(this.discriminatorB)])];
    this.generatorOptimizer = fusedAdam(adam.rate, adam.beta1, adam.beta2);
    this.discriminatorOptimizer = fusedAdam(adam.rate, adam.beta1, adam.beta2);
    this.poolA = new ImagePool(this.poolSize);
    this.poolB = new ImagePool(this.poolSize);
    this.passRealToGenerator = this.loss.generator.length >= 2;
  }

  /** @internal */
  protected override async runStep(batches: UnpairedBatch[]): Promise<Record<string, number | undefined>> {
    const { a, b } = this.unpaired(batches);
    const rate = decayedRate(this.learningRate, this.learningRateDecay, this.stepCount);
    setLearningRate(this.generatorOptimizer, rate);
    setLearningRate(this.discriminatorOptimizer, rate);
    const { row: gRow, fakeA, fakeB } = this.generatorUpdate(a, b);
    let pooledA: tf.Tensor | undefined;
    let pooledB: tf.Tensor | undefined;
    let dRow: tf.Tensor | undefined;
    try {
      pooledA = this.poolA.query(fakeA, this.rng);
      pooledB = this.poolB.query(fakeB, this.rng);
      dRow = this.discriminatorUpdate(a, b, pooledA, pooledB);
      const all = tf.concat([gRow, dRow]);
      const v = await all.data();
      all.dispose();
      return {
        generatorLoss: v[0]!,
        generatorAdversarialA: v[1]!,
        generatorAdversarialB: v[2]!,
        cycle: v[3]! + v[4]!,
        cycleA: v[3]!,
        cycleB: v[4]!,
        identity: v[5]!,
        ...(this.semanticConsistency ? { semantic: v[6]! } : {}),
        discriminatorLossA: v[v.length - 2]!,
        discriminatorLossB: v[v.length - 1]!,
        learningRate: rate,
      };
    } finally {
      tf.dispose([gRow, fakeA, fakeB, ...[pooledA, pooledB, dRow].filter((t): t is tf.Tensor => t !== undefined)]);
    }
  }

  /** Updates both generators; returns [loss, advA, advB, cycleA, cycleB, identity(, semantic)] and the (kept) translations. */
  private generatorUpdate(a: tf.Tensor, b: tf.Tensor): { row: tf.Tensor; fakeA: tf.Tensor; fakeB: tf.Tensor } {
    let kept: tf.Tensor[] = [];
    const sem = this.semanticConsistency;
    // The source images' labels are constants of the step: computed before the tape.
    const targets = sem ? { a: semanticTargets(sem.classifierA, a, sem.minConfidence), b: semanticTargets(sem.classifierB, b, sem.minConfidence) } : undefined;
    let semantic: tf.Scalar | undefined;
    try {
      const row = tf.tidy(() => {
        const { value, grads } = gradientsOf(() => {
          const fakeB = callModel(this.generatorAB, a, true);
          const fakeA = callModel(this.generatorBA, b, true);
          const advB = this.adversarial(this.discriminatorB, fakeB, b);
          const advA = this.adversarial(this.discriminatorA, fakeA, a);
          const cycleA = meanAbs(callModel(this.generatorBA, fakeB, true), a);
          const cycleB = meanAbs(callModel(this.generatorAB, fakeA, true), b);
          const identity =
            this.identityWeight > 0 ? tf.add(meanAbs(callModel(this.generatorBA, a, true), a), meanAbs(callModel(this.generatorAB, b, true), b)) : tf.scalar(0);
          const terms = [advA, advB, tf.mul(this.cycleWeight, tf.add(cycleA, cycleB)), tf.mul(this.identityWeight, identity)];
          if (sem && targets) {
            const both = tf.keep(tf.add(semanticTerm(sem.classifierB, fakeB, targets.a), semanticTerm(sem.classifierA, fakeA, targets.b)) as tf.Scalar);
            semantic = both;
            terms.push(tf.mul(sem.weight, both));
          }
          kept = [advA, advB, cycleA, cycleB, identity, fakeA, fakeB].map((t) => tf.keep(t));
          return tf.addN(terms) as tf.Scalar;
        }, this.gVars);
        applyGradients(this.generatorOptimizer, this.gVars, grads);
        return tf.stack([value, ...kept.slice(0, 5), ...(semantic ? [semantic] : [])]);
      });
      const out = { row, fakeA: kept[5]!, fakeB: kept[6]! };
      tf.dispose(kept.slice(0, 5));
      kept = [];
      return out;
    } finally {
      tf.dispose(kept);
      if (targets) tf.dispose([targets.a, targets.b]);
      if (semantic) semantic.dispose();
    }
  }

  /** The generator's adversarial loss of `fake` against `critic` (with real scores for relativistic losses). */
  private adversarial(critic: tf.LayersModel, fake: tf.Tensor, real: tf.Tensor): tf.Scalar {
    const fakeLogits = callModel(critic, fake, true);
    const loss = this.loss.generator(fakeLogits, this.passRealToGenerator ? callModel(critic, real, true) : undefined);
    if (loss == null || loss.rank !== 0) throw optionError(OWNER, 'loss', 'generator() must return a scalar tensor');
    return loss;
  }

  /** Updates both discriminators; returns [lossA, lossB]. */
  private discriminatorUpdate(a: tf.Tensor, b: tf.Tensor, fakeA: tf.Tensor, fakeB: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      let kept: tf.Tensor[] = [];
      const { grads } = gradientsOf(() => {
        const lossA = this.loss.discriminator(callModel(this.discriminatorA, a, true), callModel(this.discriminatorA, fakeA, true));
        const lossB = this.loss.discriminator(callModel(this.discriminatorB, b, true), callModel(this.discriminatorB, fakeB, true));
        if (lossA == null || lossA.rank !== 0 || lossB == null || lossB.rank !== 0) throw optionError(OWNER, 'loss', 'discriminator() must return a scalar tensor');
        kept = [tf.keep(lossA), tf.keep(lossB)];
        return tf.add(lossA, lossB);
      }, this.dVars);
      applyGradients(this.discriminatorOptimizer, this.dVars, grads);
      const row = tf.stack(kept);
      tf.dispose(kept);
      return row;
    });
  }

  /** @internal */
  protected override translateImages(images: tf.Tensor, direction: TranslationDirection): tf.Tensor {
    return callModel(direction === 'AtoB' ? this.generatorAB : this.generatorBA, images, false);
  }

  /** @internal */
  protected override namedModels(): [string, tf.LayersModel][] {
    return [
      ['generator-ab', this.generatorAB],
      ['generator-ba', this.generatorBA],
      ['discriminator-a', this.discriminatorA],
      ['discriminator-b', this.discriminatorB],
    ];
  }

  /** @internal */
  protected override namedOptimizers(): [string, tf.Optimizer, tf.Variable[]][] {
    return [
      ['optimizer-generators', this.generatorOptimizer, this.gVars],
      ['optimizer-discriminators', this.discriminatorOptimizer, this.dVars],
    ];
  }

  /** @internal */
  protected override extraEntries(): CheckpointEntry[] {
    return [this.poolA.entry('pool-a'), this.poolB.entry('pool-b')];
  }

  /** @internal */
  protected override extraProblems(entries: ReadonlyMap<string, CheckpointEntry>): string[] {
    return [...ImagePool.problems(entries.get('pool-a'), 'pool-a', this.shapeA), ...ImagePool.problems(entries.get('pool-b'), 'pool-b', this.shapeB)];
  }

  /** @internal */
  protected override restoreExtra(entries: ReadonlyMap<string, CheckpointEntry>): void {
    this.poolA.restore(entries.get('pool-a')!);
    this.poolB.restore(entries.get('pool-b')!);
  }

  /** @internal */
  protected override configuration(): TrainerConfiguration {
    return {
      structure: {
        generatorAB: modelSignature(this.generatorAB),
        generatorBA: modelSignature(this.generatorBA),
        discriminatorA: modelSignature(this.discriminatorA),
        discriminatorB: modelSignature(this.discriminatorB),
        poolSize: this.poolSize,
        optimizers: { generators: optimizerClass(this.generatorOptimizer), discriminators: optimizerClass(this.discriminatorOptimizer) },
      },
      hyperparameters: {
        loss: this.loss.name ?? null,
        cycleWeight: this.cycleWeight,
        identityWeight: this.identityWeight,
        learningRate: this.learningRate,
        beta1: this.betas[0],
        beta2: this.betas[1],
        learningRateDecay: this.learningRateDecay ? ({ ...this.learningRateDecay } as JsonObject) : null,
        // Only when given, so checkpoints written before the option existed still resume.
        ...(this.semanticConsistency
          ? {
              semanticConsistency: {
                classifierA: modelSignature(this.semanticConsistency.classifierA),
                classifierB: this.semanticConsistency.classifierB === this.semanticConsistency.classifierA ? 'classifierA' : modelSignature(this.semanticConsistency.classifierB),
                weight: this.semanticConsistency.weight,
                minConfidence: this.semanticConsistency.minConfidence,
              },
            }
          : {}),
      },
    };
  }

  override dispose(): void {
    super.dispose();
    this.poolA.clear();
    this.poolB.clear();
  }
}
