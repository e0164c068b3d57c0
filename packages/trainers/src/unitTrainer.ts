import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss, UnitStepLogs, UnpairedBatch } from './types.js';
import { fusedAdam } from './fusedAdam.js';
import type { TrainerConfiguration } from './internal/checkpointFormat.js';
import { applyGradients, gradientsOf } from './internal/gradients.js';
import { callModel, modelSignature, trainableVariables } from './internal/models.js';
import { optimizerClass } from './internal/optimizerState.js';
import { adamOption, checkDecay, checkImageModel, checkLoss, decayedRate, fmt, meanAbs, sameShape, setLearningRate, TranslationTrainer } from './internal/translationTrainer.js';
import type { LinearDecay, TranslationDirection } from './internal/translationTrainer.js';
import { checkInteger, checkNumber, checkOptionKeys, optionError, show } from './internal/validate.js';

/** Options of {@link UnitTrainer}. */
export interface UnitTrainerOptions {
  /** E_A: domain A images → latent mean μ (e.g. `unitNetworks(…).encoderA` of `@gankit/architectures`). */
  encoderA: tf.LayersModel;
  /** E_B: domain B images → latent mean, the same latent shape; its last layers are E_A's (the same layer objects). */
  encoderB: tf.LayersModel;
  /** G_A: latent → domain A images. */
  decoderA: tf.LayersModel;
  /** G_B: latent → domain B images; its first layers are G_A's. */
  decoderB: tf.LayersModel;
  /** D_A: scores domain A images. */
  discriminatorA: tf.LayersModel;
  /** D_B: scores domain B images. */
  discriminatorB: tf.LayersModel;
  /** The adversarial loss; default least squares as the UNIT reference code (generator E(D(G) − 1)², discriminator ½[E(D(x) − 1)² + E D(G)²]). */
  loss?: AdversarialLoss;
  /** λ₀, weight of the adversarial terms (default 10). */
  ganWeight?: number;
  /** λ₁, weight of the KL terms (default 0.1). */
  klWeight?: number;
  /** λ₂, weight of the within-domain reconstruction terms (default 100). */
  reconstructionWeight?: number;
  /** λ₃, weight of the KL terms of the re-encoded translations (default 0.1). */
  cycleKlWeight?: number;
  /** λ₄, weight of the cycle reconstruction terms (default 100). */
  cycleReconstructionWeight?: number;
  /** Adam's learning rate for both the networks and the discriminators (default 1e-4). */
  learningRate?: number;
  /** Adam's β₁ (default 0.5). */
  beta1?: number;
  /** Adam's β₂ (default 0.999). */
  beta2?: number;
  /** Decay both learning rates linearly to 0 over `steps` steps after `start` steps (default: constant). */
  learningRateDecay?: LinearDecay;
  /** The layers the builder says both domains share (`unitNetworks(…).sharedLayers`); when given, each of their variables is checked to be used by both domains. */
  sharedLayers?: readonly tf.layers.Layer[];
  /** Train encoders (or decoders) that share no variables — not UNIT, an ablation (default false: refused). */
  allowUnshared?: boolean;
  /** The seed of the latent noise (an integer; default 0). */
  seed?: number;
}

const KNOWN = [
  'encoderA', 'encoderB', 'decoderA', 'decoderB', 'discriminatorA', 'discriminatorB', 'loss', 'ganWeight', 'klWeight', 'reconstructionWeight',
  'cycleKlWeight', 'cycleReconstructionWeight', 'learningRate', 'beta1', 'beta2', 'learningRateDecay', 'sharedLayers', 'allowUnshared', 'seed',
] as const;
const OWNER = 'UnitTrainer';

/** ½·mean μ²: the KL of N(μ, I) from N(0, I), ½‖μ‖², per latent element. */
function unitKl(mean: tf.Tensor): tf.Scalar {
  return tf.mul(0.5, tf.mean(tf.square(mean)));
}

/**
 * Trains UNIT (Liu, Breuel & Kautz, "Unsupervised Image-to-Image Translation
 * Networks", NeurIPS 2017): two VAE-GANs, one per domain, whose encoders E_A,
 * E_B share their last layers and whose decoders G_A, G_B share their first
 * layers, so both domains map to one latent space. Sharing is the networks'
 * own: pass models that use the same layer objects (`unitNetworks` of
 * `@gankit/architectures` builds them so). The trainer checks it, keeps one
 * variable list in which each shared variable appears once, and updates it
 * with one optimizer step per training step ({@link UnitTrainer.sharedVariables}).
 *
 * The VAE has unit variance: E outputs the mean μ, z = μ + ε with ε ~ N(0, I)
 * from the seeded generator, and the KL term is ½‖μ‖² (taken here as ½·mean μ²,
 * per latent element; the reference code uses mean μ², twice this). Each step,
 * as the reference code orders it, first the discriminators minimise
 * ℓ_D(D_A(a), D_A(G_A(z_b))) + ℓ_D(D_B(b), D_B(G_B(z_a))), then the encoders
 * and decoders minimise
 * λ₀[ℓ_G(D_A(G_A(z_b))) + ℓ_G(D_B(G_B(z_a)))]
 * + λ₁[KL(μ_a) + KL(μ_b)] + λ₂[‖G_A(z_a) − a‖₁ + ‖G_B(z_b) − b‖₁]
 * + λ₃[KL(μ_ab) + KL(μ_ba)] + λ₄[‖G_A(E_B(G_B(z_a)) + ε) − a‖₁ + ‖G_B(E_A(G_A(z_b)) + ε) − b‖₁],
 * where μ_ab = E_B(G_B(z_a)) and ‖·‖₁ is a mean absolute error (the Laplacian
 * likelihood of the paper). Defaults are the paper's: λ₀ = 10, λ₁ = 0.1,
 * λ₂ = 100, λ₃ = 0.1, λ₄ = 100; Adam 1e-4, β = (0.5, 0.999). Translation uses
 * the means, without noise: A→B is G_B(E_A(a)).
 *
 * @example
 * ```ts
 * import { patchGanDiscriminator, unitNetworks } from '@gankit/architectures';
 * const nets = unitNetworks({ imageSize: 32, channelsA: 1, channelsB: 3, filters: 32 });
 * const trainer = new UnitTrainer({
 *   ...nets, // encoderA, encoderB, decoderA, decoderB, and sharedLayers (checked to be shared)
 *   discriminatorA: patchGanDiscriminator({ imageSize: 32, channels: 1 }),
 *   discriminatorB: patchGanDiscriminator({ imageSize: 32, channels: 3 }),
 * });
 * await trainer.fit(pairs(), { steps: 5000, callbacks: [nanGuard()] });
 * const asB = trainer.translate(mnistBatch, 'AtoB');
 * ```
 */
export class UnitTrainer extends TranslationTrainer<UnitStepLogs> {
  override readonly trainerType = 'UnitTrainer';
  /** E_A. */
  readonly encoderA: tf.LayersModel;
  /** E_B. */
  readonly encoderB: tf.LayersModel;
  /** G_A. */
  readonly decoderA: tf.LayersModel;
  /** G_B. */
  readonly decoderB: tf.LayersModel;
  /** D_A. */
  readonly discriminatorA: tf.LayersModel;
  /** D_B. */
  readonly discriminatorB: tf.LayersModel;
  /** The adversarial loss. */
  readonly loss: AdversarialLoss;
  /** λ₀ … λ₄. */
  readonly weights: { readonly gan: number; readonly kl: number; readonly reconstruction: number; readonly cycleKl: number; readonly cycleReconstruction: number };
  /** The base learning rate. */
  readonly learningRate: number;
  /** The linear decay, if any. */
  readonly learningRateDecay: LinearDecay | undefined;
  /** The Adam of the encoders and decoders. */
  readonly generatorOptimizer: tf.Optimizer;
  /** The Adam of the discriminators. */
  readonly discriminatorOptimizer: tf.Optimizer;
  /** Every trainable variable of the encoders and decoders, each once (the shared ones too): what {@link UnitTrainer.generatorOptimizer} updates, once per step. */
  readonly generatorVariables: readonly tf.Variable[];
  /** The variables used by both domains (in both encoders or both decoders). */
  readonly sharedVariables: readonly tf.Variable[];
  private readonly betas: [number, number];
  private readonly latent: (number | null)[];
  private readonly gVars: tf.Variable[];
  private readonly dVars: tf.Variable[];
  private readonly passRealToGenerator: boolean;

  /**
   * @param options - the six networks, and optional loss, weights, Adam settings, decay, seed.
   * @throws an error naming the option, before any training, when the configuration is wrong.
   */
  constructor(options: UnitTrainerOptions) {
    checkOptionKeys(OWNER, options, KNOWN);
    const eA = checkImageModel(OWNER, 'encoderA', options.encoderA, 'domain A images');
    const eB = checkImageModel(OWNER, 'encoderB', options.encoderB, 'domain B images');
    const gA = checkImageModel(OWNER, 'decoderA', options.decoderA, 'latent codes');
    const gB = checkImageModel(OWNER, 'decoderB', options.decoderB, 'latent codes');
    const dA = checkImageModel(OWNER, 'discriminatorA', options.discriminatorA, 'domain A images');
    const dB = checkImageModel(OWNER, 'discriminatorB', options.discriminatorB, 'domain B images');
    if (!sameShape(eA.output, eB.output)) throw optionError(OWNER, 'encoderB', `outputs latent codes ${fmt(eB.output)}, but encoderA outputs ${fmt(eA.output)}; the domains share one latent space`);
    for (const [name, g] of [['decoderA', gA], ['decoderB', gB]] as const) {
      if (!sameShape(g.input, eA.output)) throw optionError(OWNER, name, `takes ${fmt(g.input)}, but the encoders output latent codes ${fmt(eA.output)}`);
    }
    if (!sameShape(gA.output, eA.input)) throw optionError(OWNER, 'decoderA', `outputs ${fmt(gA.output)}, but encoderA takes domain A images ${fmt(eA.input)}`);
    if (!sameShape(gB.output, eB.input)) throw optionError(OWNER, 'decoderB', `outputs ${fmt(gB.output)}, but encoderB takes domain B images ${fmt(eB.input)}`);
    if (!sameShape(dA.input, eA.input)) throw optionError(OWNER, 'discriminatorA', `takes ${fmt(dA.input)}, but domain A images are ${fmt(eA.input)}`);
    if (!sameShape(dB.input, eB.input)) throw optionError(OWNER, 'discriminatorB', `takes ${fmt(dB.input)}, but domain B images are ${fmt(eB.input)}`);
    if (options.allowUnshared !== undefined && typeof options.allowUnshared !== 'boolean') throw optionError(OWNER, 'allowUnshared', `must be a boolean, got ${show(options.allowUnshared)}`);
    const shared = (x: tf.LayersModel, y: tf.LayersModel): tf.Variable[] => {
      const ys = new Set(trainableVariables(y));
      return trainableVariables(x).filter((v) => ys.has(v));
    };
    const encoderShared = shared(eA.model, eB.model);
    const decoderShared = shared(gA.model, gB.model);
    if (options.allowUnshared !== true) {
      const how = "UNIT's shared latent space needs them to be the same layer objects (unitNetworks builds them so); pass allowUnshared: true to train without sharing";
      if (encoderShared.length === 0) throw optionError(OWNER, 'encoderB', `shares no variables with encoderA: ${how}`);
      if (decoderShared.length === 0) throw optionError(OWNER, 'decoderB', `shares no variables with decoderA: ${how}`);
    }
    if (options.sharedLayers !== undefined) {
      if (!Array.isArray(options.sharedLayers)) throw optionError(OWNER, 'sharedLayers', `must be an array of layers, got ${show(options.sharedLayers)}`);
      const both = new Set([...encoderShared, ...decoderShared]);
      const missing = options.sharedLayers.filter((l) => l.trainableWeights.some((w: { read(): tf.Tensor }) => !both.has(w.read() as tf.Variable)));
      if (missing.length > 0) throw optionError(OWNER, 'sharedLayers', `lists layers the two domains' networks do not both use: ${missing.map((l) => l.name).join(', ')}`);
    }
    super(OWNER, checkInteger(OWNER, 'seed', options.seed, 0, -(2 ** 31)), { a: eA.input, b: eB.input });
    this.encoderA = eA.model;
    this.encoderB = eB.model;
    this.decoderA = gA.model;
    this.decoderB = gB.model;
    this.discriminatorA = dA.model;
    this.discriminatorB = dB.model;
    this.latent = eA.output;
    this.loss = checkLoss(OWNER, options.loss);
    const w = (name: keyof UnitTrainerOptions, fallback: number): number => checkNumber(OWNER, name, options[name], fallback, { min: 0 })!;
    this.weights = {
      gan: w('ganWeight', 10),
      kl: w('klWeight', 0.1),
      reconstruction: w('reconstructionWeight', 100),
      cycleKl: w('cycleKlWeight', 0.1),
      cycleReconstruction: w('cycleReconstructionWeight', 100),
    };
    const adam = adamOption(OWNER, options, [1e-4, 0.5, 0.999]);
    this.learningRate = adam.rate;
    this.betas = [adam.beta1, adam.beta2];
    this.learningRateDecay = checkDecay(OWNER, options.learningRateDecay);
    this.gVars = [...new Set([this.encoderA, this.encoderB, this.decoderA, this.decoderB].flatMap((m) => trainableVariables(m)))];
    this.dVars = [...new Set([this.discriminatorA, this.discriminatorB].flatMap((m) => trainableVariables(m)))];
    this.generatorVariables = this.gVars;
    this.sharedVariables = [...encoderShared, ...decoderShared];
    this.generatorOptimizer = fusedAdam(adam.rate, adam.beta1, adam.beta2);
    this.discriminatorOptimizer = fusedAdam(adam.rate, adam.beta1, adam.beta2);
    this.passRealToGenerator = this.loss.generator.length >= 2;
  }

  /** μ + ε, ε ~ N(0, I) from the training stream. */
  private noisy(mean: tf.Tensor): tf.Tensor {
    return tf.add(mean, this.rng.normal(mean.shape));
  }

  private checked(value: tf.Scalar, what: string): tf.Scalar {
    if (value == null || value.rank !== 0) throw optionError(OWNER, 'loss', `${what} must return a scalar tensor`);
    return value;
  }

  /** @internal */
  protected override async runStep(batches: UnpairedBatch[]): Promise<Record<string, number | undefined>> {
    const { a, b } = this.unpaired(batches);
    const rate = decayedRate(this.learningRate, this.learningRateDecay, this.stepCount);
    setLearningRate(this.generatorOptimizer, rate);
    setLearningRate(this.discriminatorOptimizer, rate);
    const row = tf.tidy(() => tf.concat([this.discriminatorUpdate(a, b), this.generatorUpdate(a, b)]));
    const v = await row.data();
    row.dispose();
    return {
      generatorLoss: v[2]!,
      generatorAdversarialA: v[3]!,
      generatorAdversarialB: v[4]!,
      reconstruction: v[5]!,
      kl: v[6]!,
      cycleReconstruction: v[7]!,
      cycleKl: v[8]!,
      discriminatorLossA: v[0]!,
      discriminatorLossB: v[1]!,
      learningRate: rate,
    };
  }

  /** Updates both discriminators on real images and fresh translations; returns [lossA, lossB]. Inside tf.tidy. */
  private discriminatorUpdate(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    const zA = this.noisy(callModel(this.encoderA, a, true));
    const zB = this.noisy(callModel(this.encoderB, b, true));
    const ba = callModel(this.decoderA, zB, true);
    const ab = callModel(this.decoderB, zA, true);
    let kept: tf.Tensor[] = [];
    const { grads } = gradientsOf(() => {
      const lossA = this.checked(this.loss.discriminator(callModel(this.discriminatorA, a, true), callModel(this.discriminatorA, ba, true)), 'discriminator()');
      const lossB = this.checked(this.loss.discriminator(callModel(this.discriminatorB, b, true), callModel(this.discriminatorB, ab, true)), 'discriminator()');
      kept = [tf.keep(lossA), tf.keep(lossB)];
      return tf.add(lossA, lossB);
    }, this.dVars);
    applyGradients(this.discriminatorOptimizer, this.dVars, grads);
    const row = tf.stack(kept);
    tf.dispose(kept);
    return row;
  }

  private adversarial(critic: tf.LayersModel, fake: tf.Tensor, real: tf.Tensor): tf.Scalar {
    const real_ = this.passRealToGenerator ? callModel(critic, real, true) : undefined;
    return this.checked(this.loss.generator(callModel(critic, fake, true), real_), 'generator()');
  }

  /** Updates the encoders and decoders (one variable list); returns [total, advA, advB, rec, kl, cycleRec, cycleKl]. Inside tf.tidy. */
  private generatorUpdate(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    const { gan, kl, reconstruction, cycleKl, cycleReconstruction } = this.weights;
    let kept: tf.Tensor[] = [];
    const { value, grads } = gradientsOf(() => {
      const muA = callModel(this.encoderA, a, true);
      const muB = callModel(this.encoderB, b, true);
      const zA = this.noisy(muA);
      const zB = this.noisy(muB);
      const ba = callModel(this.decoderA, zB, true);
      const ab = callModel(this.decoderB, zA, true);
      const muAB = callModel(this.encoderB, ab, true);
      const muBA = callModel(this.encoderA, ba, true);
      const aba = callModel(this.decoderA, this.noisy(muAB), true);
      const bab = callModel(this.decoderB, this.noisy(muBA), true);
      const advA = this.adversarial(this.discriminatorA, ba, a);
      const advB = this.adversarial(this.discriminatorB, ab, b);
      const rec = tf.add(meanAbs(callModel(this.decoderA, zA, true), a), meanAbs(callModel(this.decoderB, zB, true), b));
      const klTerm = tf.add(unitKl(muA), unitKl(muB));
      const cycRec = tf.add(meanAbs(aba, a), meanAbs(bab, b));
      const cycKl = tf.add(unitKl(muAB), unitKl(muBA));
      kept = [advA, advB, rec, klTerm, cycRec, cycKl].map((t) => tf.keep(t));
      return tf.addN([
        tf.mul(gan, tf.add(advA, advB)),
        tf.mul(reconstruction, rec),
        tf.mul(kl, klTerm),
        tf.mul(cycleReconstruction, cycRec),
        tf.mul(cycleKl, cycKl),
      ]) as tf.Scalar;
    }, this.gVars);
    applyGradients(this.generatorOptimizer, this.gVars, grads);
    const row = tf.stack([value, ...kept]);
    tf.dispose(kept);
    return row;
  }

  /** @internal */
  protected override translateImages(images: tf.Tensor, direction: TranslationDirection): tf.Tensor {
    return direction === 'AtoB'
      ? callModel(this.decoderB, callModel(this.encoderA, images, false), false)
      : callModel(this.decoderA, callModel(this.encoderB, images, false), false);
  }

  /** @internal */
  protected override namedModels(): [string, tf.LayersModel][] {
    return [
      ['encoder-a', this.encoderA],
      ['encoder-b', this.encoderB],
      ['decoder-a', this.decoderA],
      ['decoder-b', this.decoderB],
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
  protected override configuration(): TrainerConfiguration {
    return {
      structure: {
        encoderA: modelSignature(this.encoderA),
        encoderB: modelSignature(this.encoderB),
        decoderA: modelSignature(this.decoderA),
        decoderB: modelSignature(this.decoderB),
        discriminatorA: modelSignature(this.discriminatorA),
        discriminatorB: modelSignature(this.discriminatorB),
        latentShape: this.latent,
        sharedVariables: this.sharedVariables.length,
        optimizers: { generators: optimizerClass(this.generatorOptimizer), discriminators: optimizerClass(this.discriminatorOptimizer) },
      },
      hyperparameters: {
        loss: this.loss.name ?? null,
        ...this.weights,
        learningRate: this.learningRate,
        beta1: this.betas[0],
        beta2: this.betas[1],
        learningRateDecay: this.learningRateDecay ? { ...this.learningRateDecay } : null,
      },
    };
  }
}
