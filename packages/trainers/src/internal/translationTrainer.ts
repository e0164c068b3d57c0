import * as tf from '@tensorflow/tfjs';
import { Trainer } from '../trainer.js';
import type { AdversarialLoss, StepLogs, UnpairedBatch } from '../types.js';
import { batchX } from './batches.js';
import type { CheckpointEntry, JsonObject } from './checkpointFormat.js';
import { checkModel, modelEntry, modelEntryProblems, restoreModel, sampleShape } from './models.js';
import { optimizerEntry, optimizerEntryProblems, restoreOptimizer } from './optimizerState.js';
import { checkNumber, optionError, show } from './validate.js';

export { checkDecay, decayedRate, setLearningRate } from './learningRateDecay.js';
export type { LinearDecay } from './learningRateDecay.js';

/** Which way to translate: domain A to B, or B to A. */
export type TranslationDirection = 'AtoB' | 'BtoA';

/**
 * The least-squares adversarial loss (Mao et al. 2017) in the scaling of the
 * CycleGAN reference code (`GANLoss('lsgan')` with the discriminator loss halved):
 * discriminator ½[E(D(x) − 1)² + E D(G(z))²], generator E(D(G(z)) − 1)².
 * (`leastSquaresLoss` of `@gankit/losses` halves the generator term too.)
 */
export const referenceLeastSquares: AdversarialLoss = {
  name: 'least-squares',
  discriminator: (real, fake) =>
    tf.tidy(() => tf.mul(0.5, tf.add(tf.mean(tf.square(tf.sub(real, 1))), tf.mean(tf.square(fake)))) as tf.Scalar),
  generator: (fake) => tf.tidy(() => tf.mean(tf.square(tf.sub(fake, 1))) as tf.Scalar),
};

/** Mean absolute difference, the L1 reconstruction / cycle / identity term. */
export function meanAbs(x: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.abs(tf.sub(x, y)));
}

/** Checks an adversarial loss option (any object with `discriminator` and `generator` methods). */
export function checkLoss(owner: string, value: unknown): AdversarialLoss {
  if (value === undefined) return referenceLeastSquares;
  const l = value as Partial<AdversarialLoss> | null;
  if (l == null || typeof l.discriminator !== 'function' || typeof l.generator !== 'function') {
    throw optionError(owner, 'loss', `must be an adversarial loss object with discriminator(real, fake) and generator(fake) methods, got ${show(value)}`);
  }
  return l as AdversarialLoss;
}

/** Adam with the given rate and betas, after checking them. */
export function adamOption(owner: string, options: { learningRate?: unknown; beta1?: unknown; beta2?: unknown }, defaults: [number, number, number]): { rate: number; beta1: number; beta2: number } {
  return {
    rate: checkNumber(owner, 'learningRate', options.learningRate, defaults[0], { min: 0, minExclusive: true })!,
    beta1: checkNumber(owner, 'beta1', options.beta1, defaults[1], { min: 0, max: 1, maxExclusive: true })!,
    beta2: checkNumber(owner, 'beta2', options.beta2, defaults[2], { min: 0, max: 1, maxExclusive: true })!,
  };
}

/** A model option that maps images of `from` shape to images of `to` shape. */
export function checkImageModel(owner: string, option: string, value: unknown, what: string): { model: tf.LayersModel; input: (number | null)[]; output: (number | null)[] } {
  const model = checkModel(owner, option, value, 1, what);
  if (model.outputs.length !== 1) throw optionError(owner, option, `must have one output, it has ${model.outputs.length}`);
  return { model, input: sampleShape(model.inputs[0]!), output: sampleShape(model.outputs[0]!) };
}

/** Whether two shapes (null = any size) agree. */
export function sameShape(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d == null || b[i] == null || d === b[i]);
}

/** Formats a shape. */
export function fmt(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d == null ? '?' : String(d))).join(',')}]`;
}

/**
 * What the two translation trainers share: unpaired `{ a, b }` batches,
 * `translate`, and checkpoints of a list of models, optimizers and extra
 * tensor entries. They draw no latent codes, so `generate` / `sample` refuse.
 */
export abstract class TranslationTrainer<L extends StepLogs> extends Trainer<L, UnpairedBatch> {
  /** The shape of one domain-A image (without the batch axis). */
  readonly shapeA: (number | null)[];
  /** The shape of one domain-B image. */
  readonly shapeB: (number | null)[];

  protected constructor(
    protected readonly owner: string,
    seed: number,
    shapes: { a: (number | null)[]; b: (number | null)[] },
  ) {
    super(seed);
    this.shapeA = shapes.a;
    this.shapeB = shapes.b;
  }

  /** A translation trainer has no latent codes to sample: `[]`. */
  override get latentShape(): number[] {
    return [];
  }

  /** Refuses: translation trainers map images, they do not sample from latent codes. Use {@link TranslationTrainer.translate}. */
  override generate(): tf.Tensor {
    throw new Error(`${this.owner}.generate: an unpaired translation trainer has no latent codes to sample from; use translate(images, 'AtoB' | 'BtoA')`);
  }

  /** The models saved in checkpoints, by entry name. @internal */
  protected abstract namedModels(): [string, tf.LayersModel][];
  /** The optimizers saved in checkpoints, by entry name, with their variable lists. @internal */
  protected abstract namedOptimizers(): [string, tf.Optimizer, tf.Variable[]][];

  /**
   * Translates images from one domain to the other, in inference mode.
   *
   * @param images - `[n, ...shapeA]` for `'AtoB'`, `[n, ...shapeB]` for `'BtoA'`.
   * @param direction - `'AtoB'` or `'BtoA'`.
   * @returns the translations, `[n, ...target shape]`; the caller disposes them.
   */
  translate(images: tf.Tensor, direction: TranslationDirection): tf.Tensor {
    if (direction !== 'AtoB' && direction !== 'BtoA') throw new Error(`${this.owner}.translate: direction must be 'AtoB' or 'BtoA', got ${show(direction)}`);
    this.checkImages(images, direction === 'AtoB' ? 'a' : 'b', `${this.owner}.translate`);
    // A chunk at a time: the networks' full-resolution activations for
    // thousands of images at once would pass wasm's 4 GB memory. Inference is
    // per image, so the result is the same.
    const n = images.shape[0]!;
    const chunk = this.translateChunk;
    if (n <= chunk) return tf.tidy(() => this.translateImages(images, direction));
    const parts: tf.Tensor[] = [];
    try {
      for (let start = 0; start < n; start += chunk) {
        parts.push(tf.tidy(() => this.translateImages(images.slice(start, Math.min(chunk, n - start)), direction)));
      }
      return tf.concat(parts);
    } finally {
      tf.dispose(parts);
    }
  }

  /** Images {@link translate} runs through the networks at once. @internal */
  protected translateChunk = 500;

  /** The translation itself (inside tf.tidy). @internal */
  protected abstract translateImages(images: tf.Tensor, direction: TranslationDirection): tf.Tensor;

  /** Checks a batch of one domain's images. */
  protected checkImages(x: tf.Tensor, domain: 'a' | 'b', who: string): tf.Tensor {
    const shape = domain === 'a' ? this.shapeA : this.shapeB;
    if (x == null || typeof x !== 'object' || !Array.isArray(x.shape)) throw new Error(`${who}: expected a tensor of domain ${domain.toUpperCase()} images, got ${show(x)}`);
    if (x.isDisposed) throw new Error(`${who}: the domain ${domain.toUpperCase()} tensor is already disposed`);
    if (x.dtype !== 'float32') throw new Error(`${who}: domain ${domain.toUpperCase()} images must be float32, got ${x.dtype}`);
    if (x.shape[0] === 0 || !sameShape(shape, x.shape.slice(1))) {
      throw new Error(`${who}: domain ${domain.toUpperCase()} images must be [n, ...${fmt(shape)}] with n ≥ 1, got [${x.shape.join(',')}]`);
    }
    return x;
  }

  /** The two domains' images of an unpaired batch `{ a, b }` (each a tensor, `{ x }` or `{ xs }`). */
  protected unpaired(batches: UnpairedBatch[]): { a: tf.Tensor; b: tf.Tensor } {
    if (batches.length !== 1) throw new Error(`${this.owner}: step() takes one unpaired batch { a, b }, got ${batches.length}`);
    const batch = batches[0] as Partial<UnpairedBatch> | null;
    if (batch == null || typeof batch !== 'object' || batch.a == null || batch.b == null) {
      throw new Error(`${this.owner}: a batch must be { a, b } (one batch of each domain, unpaired), got ${batch == null ? String(batch) : `keys ${Object.keys(batch).join(', ')}`}`);
    }
    const get = (part: UnpairedBatch['a'], domain: 'a' | 'b'): tf.Tensor => {
      const t = Array.isArray((part as tf.Tensor).shape) ? (part as tf.Tensor) : batchX(part as { x: tf.Tensor }, `${this.owner} (batch.${domain})`);
      return this.checkImages(t, domain, this.owner);
    };
    return { a: get(batch.a, 'a'), b: get(batch.b, 'b') };
  }

  /** @internal */
  protected override checkpointState(): JsonObject {
    return {};
  }

  /** Extra tensor entries (owned by the caller after return). @internal */
  protected extraEntries(): CheckpointEntry[] {
    return [];
  }

  /** Restores the extra entries. @internal */
  protected restoreExtra(entries: ReadonlyMap<string, CheckpointEntry>, state: JsonObject): void {
    void entries;
    void state;
  }

  /** Problems of the extra entries. @internal */
  protected extraProblems(entries: ReadonlyMap<string, CheckpointEntry>, state: JsonObject | undefined): string[] {
    void entries;
    void state;
    return [];
  }

  /** @internal */
  protected override async checkpointEntries(): Promise<CheckpointEntry[]> {
    const entries = this.namedModels().map(([name, model]) => modelEntry(name, model));
    try {
      for (const [name, optimizer] of this.namedOptimizers()) entries.push(await optimizerEntry(name, optimizer));
      entries.push(...this.extraEntries());
    } catch (err) {
      tf.dispose(entries.flatMap((e) => e.weights.map((w) => w.tensor)));
      throw err;
    }
    return entries;
  }

  /** @internal */
  protected override entryProblems(entries: ReadonlyMap<string, CheckpointEntry>): string[] {
    const problems: string[] = [];
    for (const [name, model] of this.namedModels()) {
      const e = entries.get(name);
      if (e === undefined) problems.push(`${name}: missing from the checkpoint`);
      else problems.push(...modelEntryProblems(model, e));
    }
    for (const [name, , vars] of this.namedOptimizers()) {
      const e = entries.get(name);
      if (e === undefined) problems.push(`${name}: missing from the checkpoint`);
      else problems.push(...optimizerEntryProblems(e, vars));
    }
    problems.push(...this.extraProblems(entries, undefined));
    return problems;
  }

  /** @internal */
  protected override async restoreEntries(entries: ReadonlyMap<string, CheckpointEntry>, state: JsonObject): Promise<void> {
    for (const [name, model] of this.namedModels()) restoreModel(model, entries.get(name)!);
    for (const [name, optimizer] of this.namedOptimizers()) await restoreOptimizer(optimizer, entries.get(name)!);
    this.restoreExtra(entries, state);
  }

  override dispose(): void {
    for (const [, optimizer] of this.namedOptimizers()) optimizer.dispose();
  }
}
