import * as tf from '@tensorflow/tfjs';
import { fusedAdam } from './fusedAdam.js';
import { Trainer } from './trainer.js';
import type { TrainingBatch, VaeStepLogs } from './types.js';
import { batchX } from './internal/batches.js';
import type { CheckpointEntry, JsonObject, TrainerConfiguration } from './internal/checkpointFormat.js';
import { applyGradients, globalNorm, gradientsOf } from './internal/gradients.js';
import { callModel, checkModel, modelEntry, modelEntryProblems, modelSignature, restoreModel, sampleShape, trainableVariables } from './internal/models.js';
import { optimizerClass, optimizerConfig, optimizerEntry, optimizerEntryProblems, restoreOptimizer } from './internal/optimizerState.js';
import { Rng } from './internal/rng.js';
import { checkInteger, checkNumber, checkOptionKeys, optionError, show } from './internal/validate.js';
import { bernoulliNll, gaussianKl, gaussianNll } from './internal/vaeTerms.js';

/** A per-example negative log-likelihood: `(x, decoderOutput) → [n]`, in nats. */
export type VaeLikelihood = 'bernoulli' | 'gaussian' | ((x: tf.Tensor, decoderOutput: tf.Tensor) => tf.Tensor);

/** Options of {@link VaeTrainer}. */
export interface VaeTrainerOptions {
  /** x → `[mean, logVar]` (two outputs) or one output `[n, 2·latentDim]` (first half mean, second half log-variance). */
  encoder: tf.LayersModel;
  /** z → logits (Bernoulli), means (Gaussian) or whatever your likelihood takes, shaped like x. */
  decoder: tf.LayersModel;
  /** Weight of the KL term (β-VAE, Higgins et al. 2017); default 1, the ELBO of Kingma & Welling 2014. */
  beta?: number;
  /** `'bernoulli'` on logits (default; data in [0, 1]), `'gaussian'` with unit variance, or a function. */
  likelihood?: VaeLikelihood;
  /** Learning rate of the default optimizer, Adam (default 1e-3, as the PyTorch examples VAE). */
  learningRate?: number;
  /** Your own optimizer instead. */
  optimizer?: tf.Optimizer;
  /** The latent size; checked against the decoder's input (inferred from it when omitted). */
  latentDim?: number;
  /** The seed of the reparameterization noise (an integer; default 0). */
  seed?: number;
}

const KNOWN = ['encoder', 'decoder', 'beta', 'likelihood', 'learningRate', 'optimizer', 'latentDim', 'seed'] as const;
const OWNER = 'VaeTrainer';

/**
 * Trains a variational autoencoder (Kingma & Welling 2014, "Auto-Encoding
 * Variational Bayes") by maximising the ELBO with the reparameterization
 * trick: z = μ + exp(½ log σ²)·ε, ε ~ N(0, I) from the trainer's seeded
 * generator. The loss per example is reconstruction + β·KL, where
 * KL(q(z|x) ‖ N(0, I)) = ½ Σ (σ² + μ² − 1 − log σ²) and the reconstruction
 * term is −log p(x|z): for the Bernoulli likelihood on logits ℓ,
 * Σ max(ℓ, 0) − ℓ·x + log(1 + e^{−|ℓ|}) — the stable form of the binary
 * cross-entropy, which never evaluates log(sigmoid) of a saturated logit.
 * Logs the ELBO, reconstruction and KL per example, in nats.
 *
 * @example
 * ```ts
 * const trainer = new VaeTrainer({ encoder, decoder, seed: 1 });
 * await trainer.fit(mnist.batches({ batchSize: 128, epochs: 10 }), { callbacks: [progressCallback(console.log)] });
 * const digits = trainer.sample(64); // Bernoulli means in [0, 1]
 * ```
 */
export class VaeTrainer extends Trainer<VaeStepLogs> {
  override readonly trainerType = 'VaeTrainer';
  /** The encoder. */
  readonly encoder: tf.LayersModel;
  /** The decoder. */
  readonly decoder: tf.LayersModel;
  /** The KL weight. */
  readonly beta: number;
  /** The likelihood. */
  readonly likelihood: VaeLikelihood;
  /** The optimizer of both networks. */
  readonly optimizer: tf.Optimizer;
  private readonly latent: number[];
  private readonly vars: tf.Variable[];
  private readonly dataShape: (number | null)[];

  /**
   * @param options - encoder, decoder, and optional β, likelihood, learning rate or optimizer, latent size, seed.
   * @throws an error naming the option, before any training, when the configuration is wrong.
   */
  constructor(options: VaeTrainerOptions) {
    checkOptionKeys(OWNER, options, KNOWN);
    super(checkInteger(OWNER, 'seed', options.seed, 0, -(2 ** 31)));
    this.encoder = checkModel(OWNER, 'encoder', options.encoder, 1, 'data');
    this.decoder = checkModel(OWNER, 'decoder', options.decoder, 1, 'latent codes');
    const latent = sampleShape(this.decoder.inputs[0]!);
    if (latent.length !== 1 || latent[0] == null) throw optionError(OWNER, 'decoder', `must take latent codes of shape [latentDim], got [${latent.join(',')}]`);
    this.latent = latent as number[];
    const d = this.latent[0]!;
    if (options.latentDim !== undefined && checkInteger(OWNER, 'latentDim', options.latentDim, 0, 1) !== d) {
      throw optionError(OWNER, 'latentDim', `is ${options.latentDim}, but the decoder takes latent codes of size ${d}`);
    }
    const outs = this.encoder.outputs.map((o) => sampleShape(o));
    const twoHeads = outs.length === 2 && outs.every((s) => s.length === 1 && s[0] === d);
    const oneHead = outs.length === 1 && outs[0]!.length === 1 && outs[0]![0] === 2 * d;
    if (!twoHeads && !oneHead) {
      throw optionError(OWNER, 'encoder', `must output [mean, logVar] of shape [${d}] each, or one [${2 * d}]; its outputs are ${outs.map((s) => `[${s.join(',')}]`).join(', ')}`);
    }
    this.dataShape = sampleShape(this.encoder.inputs[0]!);
    const decoded = sampleShape(this.decoder.outputs[0]!);
    if (this.decoder.outputs.length !== 1 || !compatible(decoded, this.dataShape)) {
      throw optionError(OWNER, 'decoder', `outputs [${decoded.join(',')}], but the encoder takes data of shape [${this.dataShape.join(',')}]`);
    }
    this.beta = checkNumber(OWNER, 'beta', options.beta, 1, { min: 0 })!;
    this.likelihood = options.likelihood ?? 'bernoulli';
    if (this.likelihood !== 'bernoulli' && this.likelihood !== 'gaussian' && typeof this.likelihood !== 'function') {
      throw optionError(OWNER, 'likelihood', `must be 'bernoulli', 'gaussian' or a function (x, decoderOutput) => Tensor, got ${show(this.likelihood)}`);
    }
    const rate = checkNumber(OWNER, 'learningRate', options.learningRate, 1e-3, { min: 0, minExclusive: true })!;
    if (options.optimizer !== undefined && typeof (options.optimizer as Partial<tf.Optimizer>)?.applyGradients !== 'function') {
      throw optionError(OWNER, 'optimizer', `must be a tf.Optimizer, got ${show(options.optimizer)}`);
    }
    this.optimizer = options.optimizer ?? fusedAdam(rate);
    this.vars = [...new Set([...trainableVariables(this.encoder), ...trainableVariables(this.decoder)])];
  }

  override get latentShape(): number[] {
    return [...this.latent];
  }

  /** `[mean, logVar]` of q(z|x). */
  private encode(x: tf.Tensor, training: boolean): [tf.Tensor, tf.Tensor] {
    const out = this.encoder.apply(x, { training }) as tf.Tensor | tf.Tensor[];
    if (Array.isArray(out)) return [out[0]!, out[1]!];
    const [mean, logVar] = tf.split(out, 2, 1);
    return [mean!, logVar!];
  }

  private nll(x: tf.Tensor, output: tf.Tensor): tf.Tensor {
    if (this.likelihood === 'bernoulli') return bernoulliNll(x, output);
    if (this.likelihood === 'gaussian') return gaussianNll(x, output);
    const value = this.likelihood(x, output);
    if (value.rank !== 1 || value.shape[0] !== x.shape[0]) {
      throw optionError(OWNER, 'likelihood', `must return one value per example, [${x.shape[0]}]; got [${value.shape.join(',')}]`);
    }
    return value;
  }

  /** reconstruction, KL (means over the batch) and the loss; inside tf.tidy / a gradient function. */
  private terms(x: tf.Tensor, rng: Rng, training: boolean): { reconstruction: tf.Scalar; kl: tf.Scalar; loss: tf.Scalar } {
    const [mean, logVar] = this.encode(x, training);
    const eps = rng.normal(mean.shape);
    const z = tf.add(mean, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps));
    const reconstruction = tf.mean(this.nll(x, callModel(this.decoder, z, training))) as tf.Scalar;
    const kl = tf.mean(gaussianKl(mean, logVar)) as tf.Scalar;
    return { reconstruction, kl, loss: tf.add(reconstruction, tf.mul(kl, this.beta)) };
  }

  private checkBatch(batch: TrainingBatch): tf.Tensor {
    const x = batchX(batch, OWNER);
    if (x.dtype !== 'float32') throw new Error(`${OWNER}: batch x must be float32, got ${x.dtype}`);
    if (x.rank < 2 || x.shape[0] === 0 || !compatible(this.dataShape, x.shape.slice(1))) {
      throw optionError(OWNER, 'decoder', `outputs (and the encoder takes) samples of shape [${this.dataShape.join(',')}], but the data (batch x) is [${x.shape.join(',')}]`);
    }
    return x;
  }

  /** @internal */
  protected override async runStep(batches: TrainingBatch[]): Promise<Record<string, number | undefined>> {
    const xs = batches.map((b) => this.checkBatch(b));
    const rows = xs.map((x) =>
      tf.tidy(() => {
        let kept: tf.Tensor[] = [];
        const { value, grads } = gradientsOf(() => {
          const t = this.terms(x, this.rng, true);
          kept = [tf.keep(t.reconstruction), tf.keep(t.kl)];
          return t.loss;
        }, this.vars);
        const norm = globalNorm(grads);
        applyGradients(this.optimizer, this.vars, grads);
        const row = tf.stack([value, kept[0]!, kept[1]!, norm]);
        tf.dispose(kept);
        return row;
      }),
    );
    const mean = tf.tidy(() => tf.mean(tf.stack(rows), 0));
    tf.dispose(rows);
    const v = await mean.data();
    mean.dispose();
    return { elbo: -(v[1]! + v[2]!), reconstruction: v[1]!, kl: v[2]!, loss: v[0]!, gradNorm: v[3]! };
  }

  /**
   * The single-sample ELBO estimate on data, without training (inference mode).
   *
   * @param x - `[n, ...dataShape]`.
   * @param seed - seed of the reparameterization noise (default 0; the trainer's own stream is untouched).
   * @returns ELBO, reconstruction and KL, per example, in nats.
   */
  async evaluate(x: tf.Tensor, seed = 0): Promise<{ elbo: number; reconstruction: number; kl: number }> {
    this.checkBatch({ x });
    const rng = Rng.fromSeed(seed, 3);
    const both = tf.tidy(() => {
      const t = this.terms(x, rng, false);
      return tf.stack([t.reconstruction, t.kl]);
    });
    const [reconstruction, kl] = await both.data();
    both.dispose();
    return { elbo: -(reconstruction! + kl!), reconstruction: reconstruction!, kl: kl! };
  }

  /**
   * Decodes latent codes to data space: Bernoulli means sigmoid(logits), Gaussian means, or the raw decoder output for a custom likelihood.
   *
   * @param latent - `[n, latentDim]`.
   * @returns the decoded samples; the caller disposes them.
   */
  override generate(latent: tf.Tensor, labels?: readonly number[] | tf.Tensor): tf.Tensor {
    if (labels !== undefined) throw new Error(`${OWNER}.generate: a VAE takes no labels`);
    if (!tf.util.arraysEqual(latent.shape.slice(1), this.latent)) {
      throw new Error(`${OWNER}.generate: latent codes must be [n, ${this.latent[0]}], got [${latent.shape.join(',')}]`);
    }
    return tf.tidy(() => {
      const out = callModel(this.decoder, latent, false);
      return this.likelihood === 'bernoulli' ? tf.sigmoid(out) : out;
    });
  }

  /**
   * Encodes data to the posterior means and decodes them.
   *
   * @param x - `[n, ...dataShape]`.
   * @returns the reconstructions, as {@link VaeTrainer.generate} returns samples.
   */
  reconstruct(x: tf.Tensor): tf.Tensor {
    this.checkBatch({ x });
    return tf.tidy(() => this.generate(this.encode(x, false)[0]));
  }

  /** @internal */
  protected override configuration(): TrainerConfiguration {
    return {
      structure: {
        encoder: modelSignature(this.encoder),
        decoder: modelSignature(this.decoder),
        latentShape: this.latent,
        optimizer: optimizerClass(this.optimizer),
      },
      hyperparameters: {
        beta: this.beta,
        likelihood: typeof this.likelihood === 'function' ? 'custom' : this.likelihood,
        optimizerConfig: optimizerConfig(this.optimizer),
      },
    };
  }

  /** @internal */
  protected override async checkpointEntries(): Promise<CheckpointEntry[]> {
    const entries = [modelEntry('encoder', this.encoder), modelEntry('decoder', this.decoder)];
    try {
      entries.push(await optimizerEntry('optimizer', this.optimizer));
    } catch (err) {
      tf.dispose(entries.flatMap((e) => e.weights.map((w) => w.tensor)));
      throw err;
    }
    return entries;
  }

  /** @internal */
  protected override checkpointState(): JsonObject {
    return {};
  }

  /** @internal */
  protected override entryProblems(entries: ReadonlyMap<string, CheckpointEntry>): string[] {
    const problems: string[] = [];
    for (const [name, model] of [['encoder', this.encoder], ['decoder', this.decoder]] as const) {
      const e = entries.get(name);
      if (e === undefined) problems.push(`${name}: missing from the checkpoint`);
      else problems.push(...modelEntryProblems(model, e));
    }
    const o = entries.get('optimizer');
    if (o === undefined) problems.push('optimizer: missing from the checkpoint');
    else problems.push(...optimizerEntryProblems(o, this.vars));
    return problems;
  }

  /** @internal */
  protected override async restoreEntries(entries: ReadonlyMap<string, CheckpointEntry>): Promise<void> {
    restoreModel(this.encoder, entries.get('encoder')!);
    restoreModel(this.decoder, entries.get('decoder')!);
    await restoreOptimizer(this.optimizer, entries.get('optimizer')!);
  }

  override dispose(): void {
    this.optimizer.dispose();
  }
}

function compatible(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d == null || b[i] == null || d === b[i]);
}
