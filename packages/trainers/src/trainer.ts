import * as tf from '@tensorflow/tfjs';
import { CheckpointMismatchError } from './checkpointMismatchError.js';
import type { FitOptions, FitResult, TrainingSummary } from './trainerCallback.js';
import type { BatchSource, StepLogs, TrainingBatch } from './types.js';
import { batchList } from './internal/batches.js';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, disposeCheckpoint, resolveStore } from './internal/checkpointFormat.js';
import type { CheckpointEntry, CheckpointManifest, JsonObject, TrainerConfiguration } from './internal/checkpointFormat.js';
import { diffJson } from './internal/configDiff.js';
import { Rng } from './internal/rng.js';
import { trainingLoop } from './internal/trainingLoop.js';

/** Options of {@link Trainer.save}. */
export interface SaveOptions {
  /** Extra JSON stored with the checkpoint and returned by `load`, e.g. a dataset position. */
  metadata?: JsonObject;
}

/** Options of {@link Trainer.load}. */
export interface LoadOptions {
  /**
   * Accept a checkpoint whose hyperparameters (learning rates, critic steps,
   * EMA decay, β, …) differ from this trainer's; the trainer keeps its own.
   * Structural differences (trainer type, shapes, optimizer types) are always refused. Default false.
   */
  allowHyperparameterChanges?: boolean;
}

/** What a checkpoint says about itself. */
export interface CheckpointInfo {
  /** The trainer type that wrote it, e.g. `'GanTrainer'`. */
  readonly trainer: string;
  /** The step it was taken at. */
  readonly step: number;
  /** ISO time of saving. */
  readonly savedAt: string;
  /** The `metadata` passed to `save`. */
  readonly metadata: JsonObject;
}

/** Options of {@link Trainer.sample}. */
export interface SampleOptions {
  /** Class labels, one per sample (conditional trainers only). */
  labels?: readonly number[] | tf.Tensor;
  /** Draw the latent codes from this seed instead of the trainer's sampling stream. */
  seed?: number;
  /** Use the EMA generator when there is one (default true). */
  useEma?: boolean;
}

/**
 * What every gankit trainer shares: a step counter, a seeded serializable
 * random-number generator (all randomness a run uses comes from it, so resume
 * is exact), `fit`/`train` loops with callbacks and abort, and checkpoints.
 * Use a concrete trainer: {@link GanTrainer}, {@link ConditionalGanTrainer}, {@link VaeTrainer},
 * {@link CycleGanTrainer}, {@link UnitTrainer}. `B` is the batch type (`{ a, b }` for the translation trainers).
 *
 * @example
 * ```ts
 * async function trainAny(trainer: Trainer, data: BatchSource) {
 *   const result = await trainer.fit(data, { steps: 1000, callbacks: [nanGuard()] });
 *   await trainer.save('file://runs/last');
 *   return result.history;
 * }
 * ```
 */
export abstract class Trainer<L extends StepLogs = StepLogs, B = TrainingBatch> {
  /** The trainer's type, stored in checkpoints. */
  abstract readonly trainerType: string;
  /** The seed the run started from. */
  readonly seed: number;
  /** Draws the training randomness (latents, noise, penalty interpolation). @internal */
  protected rng: Rng;
  /** Draws the randomness of {@link Trainer.sample}, separate so sampling does not change training. @internal */
  protected samplingRng: Rng;
  private steps = 0;
  private busy: string | undefined;

  /** @param seed - the integer seed of the trainer's random-number streams. */
  protected constructor(seed: number) {
    this.seed = seed;
    this.rng = Rng.fromSeed(seed, 0);
    this.samplingRng = Rng.fromSeed(seed, 1);
  }

  /** Steps completed (generator updates for GANs); restored by {@link Trainer.load}. */
  get stepCount(): number {
    return this.steps;
  }

  /** The shape of one latent code, e.g. `[100]`. */
  abstract get latentShape(): number[];

  /** The number of classes for conditional trainers, else undefined. */
  get numClasses(): number | undefined {
    return undefined;
  }

  /** Batches `fit` pulls from the dataset per step (one per critic update for GANs). */
  get batchesPerStep(): number {
    return 1;
  }

  /**
   * One training step. The caller keeps ownership of the batch (it is not disposed).
   *
   * @param batch - a batch, or for GANs one batch per critic update (a single batch is reused by all);
   *   for the translation trainers an unpaired pair of batches `{ a, b }`.
   * @returns the step's logs.
   */
  async step(batch: B | readonly B[]): Promise<L> {
    this.enter('step');
    try {
      const batches = batchList<B>(batch, this.trainerType);
      const start = performance.now();
      const values = await this.runStep(batches);
      this.steps++;
      return { step: this.steps, ...values, secondsPerStep: (performance.now() - start) / 1000 } as unknown as L;
    } finally {
      this.busy = undefined;
    }
  }

  /** The trainer-specific step: checks the batches first, then updates; returns the logged numbers. @internal */
  protected abstract runStep(batches: B[]): Promise<Record<string, number | undefined>>;

  /**
   * Trains, yielding each step's logs as they come; `fit` is built on it.
   * Between steps it yields to the event loop, so a page stays responsive.
   * Batches pulled from `dataset` are disposed after use.
   *
   * @param dataset - any iterable or iterator (sync or async) of batches.
   * @param options - steps, callbacks, abort signal.
   * @returns an async generator of logs whose return value is the run's summary.
   */
  train(dataset: BatchSource<B>, options: FitOptions<L> = {}): AsyncGenerator<L, TrainingSummary<L>, undefined> {
    return trainingLoop<L, B>(this, dataset, options);
  }

  /**
   * Trains for `steps` steps (or until the dataset ends or `signal` aborts),
   * calling the callbacks; rejects with the error if a step or callback throws
   * (e.g. {@link NonFiniteLossError} from {@link nanGuard}).
   *
   * @param dataset - any iterable or iterator (sync or async) of batches; they are disposed after use.
   * @param options - steps, callbacks, abort signal.
   * @returns why it stopped, the steps done, and every step's logs.
   */
  async fit(dataset: BatchSource<B>, options: FitOptions<L> = {}): Promise<FitResult<L>> {
    const history: L[] = [];
    const run = this.train(dataset, options);
    for (;;) {
      const next = await run.next();
      if (next.done === true) return { ...next.value, history };
      history.push(next.value);
    }
  }

  /**
   * Runs the generator (the EMA one when there is one) on given latent codes, in inference mode.
   *
   * @param latent - `[n, ...latentShape]`.
   * @param labels - class labels for conditional trainers.
   * @param useEma - use the EMA weights if kept (default true).
   * @returns the samples; the caller disposes them.
   */
  abstract generate(latent: tf.Tensor, labels?: readonly number[] | tf.Tensor, useEma?: boolean): tf.Tensor;

  /**
   * Draws `count` samples from the generator.
   *
   * @param count - how many.
   * @param options - labels (conditional), a seed, whether to use the EMA weights.
   * @returns `[count, ...sampleShape]`; the caller disposes it.
   */
  sample(count: number, options: SampleOptions = {}): tf.Tensor {
    if (!Number.isInteger(count) || count < 1) throw new Error(`${this.trainerType}.sample: 'count' must be an integer ≥ 1, got ${String(count)}`);
    const rng = options.seed === undefined ? this.samplingRng : Rng.fromSeed(options.seed, 2);
    return tf.tidy(() => this.generate(this.drawLatent(rng, count), options.labels, options.useEma ?? true));
  }

  /** `n` latent codes from `rng` (standard normal unless the trainer says otherwise). @internal */
  protected drawLatent(rng: Rng, n: number): tf.Tensor {
    return rng.normal([n, ...this.latentShape]);
  }

  /** The configuration that checkpoints record and compare. @internal */
  protected abstract configuration(): TrainerConfiguration;
  /** Snapshots of every model and optimizer (cloned tensors). @internal */
  protected abstract checkpointEntries(): Promise<CheckpointEntry[]>;
  /** Trainer-specific JSON state (e.g. EMA update count). @internal */
  protected abstract checkpointState(): JsonObject;
  /** What in the stored entries does not fit (empty if all fits). @internal */
  protected abstract entryProblems(entries: ReadonlyMap<string, CheckpointEntry>): string[];
  /** Writes the stored entries and state into the trainer. @internal */
  protected abstract restoreEntries(entries: ReadonlyMap<string, CheckpointEntry>, state: JsonObject): Promise<void>;

  /**
   * Saves everything needed to continue exactly: all models, optimizer state
   * (moments, iteration counts), the step, the random-number state, EMA
   * weights and the configuration. In Node a `file://` URL is a checkpoint
   * directory written atomically (one sub-directory per model, each loadable
   * with `tf.loadLayersModel`, and `checkpoint.json`); any other URL or tfjs
   * IOHandler stores it packed as one model artifact.
   *
   * @param destination - `'file://dir'` (Node), another tfjs URL (`'indexeddb://gan'`), or an IOHandler.
   * @param options - extra metadata to store.
   * @returns what was saved.
   */
  async save(destination: string | tf.io.IOHandler, options: SaveOptions = {}): Promise<CheckpointInfo> {
    const store = resolveStore(destination, 'save', `${this.trainerType}.save`);
    this.enter('save');
    let entries: CheckpointEntry[] = [];
    try {
      entries = await this.checkpointEntries();
      const manifest: CheckpointManifest = {
        format: CHECKPOINT_FORMAT,
        version: CHECKPOINT_VERSION,
        trainer: this.trainerType,
        step: this.steps,
        rng: { training: this.rng.getState(), sampling: this.samplingRng.getState() },
        configuration: this.configuration(),
        state: this.checkpointState(),
        entries: entries.map((e) => ({ name: e.name, kind: e.kind, weights: e.weights.length })),
        metadata: options.metadata ?? {},
        savedAt: new Date().toISOString(),
      };
      await store.save({ manifest, entries });
      return { trainer: manifest.trainer, step: manifest.step, savedAt: manifest.savedAt, metadata: manifest.metadata };
    } finally {
      tf.dispose(entries.flatMap((e) => e.weights.map((w) => w.tensor)));
      this.busy = undefined;
    }
  }

  /**
   * Restores a checkpoint written by {@link Trainer.save} into this trainer,
   * after checking it fits: a different trainer type, model shapes, latent
   * size, optimizer type (or, unless allowed, hyperparameters) is refused with
   * a {@link CheckpointMismatchError} listing every difference, and nothing is changed.
   *
   * @param source - what `save` was given.
   * @param options - whether to accept different hyperparameters.
   * @returns the checkpoint's step, time and metadata.
   */
  async load(source: string | tf.io.IOHandler, options: LoadOptions = {}): Promise<CheckpointInfo> {
    const store = resolveStore(source, 'load', `${this.trainerType}.load`);
    this.enter('load');
    try {
      const checkpoint = await store.load();
      try {
        const { manifest } = checkpoint;
        const differences: string[] = [];
        if (manifest.trainer !== this.trainerType) differences.push(`trainer: checkpoint ${manifest.trainer}, this trainer ${this.trainerType}`);
        const current = this.configuration();
        diffJson(manifest.configuration.structure, current.structure, 'structure', differences);
        if (options.allowHyperparameterChanges !== true) {
          diffJson(manifest.configuration.hyperparameters, current.hyperparameters, 'hyperparameters', differences);
        }
        const entries = new Map(checkpoint.entries.map((e) => [e.name, e]));
        if (differences.length === 0) differences.push(...this.entryProblems(entries));
        if (differences.length > 0) throw new CheckpointMismatchError(store.description, differences);
        await this.restoreEntries(entries, manifest.state);
        this.rng = Rng.fromState(manifest.rng.training);
        this.samplingRng = Rng.fromState(manifest.rng.sampling);
        this.steps = manifest.step;
        return { trainer: manifest.trainer, step: manifest.step, savedAt: manifest.savedAt, metadata: manifest.metadata };
      } finally {
        disposeCheckpoint(checkpoint);
      }
    } finally {
      this.busy = undefined;
    }
  }

  /** Frees what the trainer owns: optimizer state and EMA weights (not the models, which are yours). */
  abstract dispose(): void;

  private enter(what: string): void {
    if (this.busy !== undefined) {
      throw new Error(`${this.trainerType}.${what}: another ${this.busy} is still running; await it first`);
    }
    this.busy = what;
  }
}
