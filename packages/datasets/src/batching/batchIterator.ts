import * as tf from '@tensorflow/tfjs';
import { exampleSize } from '../examples.js';
import type { Examples } from '../examples.js';
import { permutation, seededUniform } from '../internal/random.js';
import { checkInt, checkOneOf, checkOptions, checkSeed, show } from '../internal/validate.js';
import type { Batch, BatchPosition } from './batch.js';

/** How labels come with each batch. */
export type LabelFormat = 'int32' | 'oneHot' | 'none';

/** Options of {@link Dataset.batches}. */
export interface BatchOptions {
  /** Examples per batch (an integer ≥ 1). */
  batchSize: number;
  /** Shuffle with a new permutation each epoch (default true); false keeps the stored order. */
  shuffle?: boolean;
  /** The shuffling seed (default 0): an integer; epoch e's order depends only on (seed, e). */
  seed?: number;
  /** Drop the last batch of an epoch if it is smaller than `batchSize` (default false). */
  dropRemainder?: boolean;
  /** Epochs to run (default 1); `Infinity` iterates endlessly, for trainers. */
  epochs?: number;
  /** `'int32'` `[B]`, `'oneHot'` `[B, numClasses]` float32, or `'none'` (default `'int32'` when labelled). */
  labels?: LabelFormat;
  /** Where to start, e.g. a saved {@link BatchIterator.position} (default epoch 0, batch 0). */
  start?: BatchPosition;
}

/** Batch options with every default filled in. */
export type CheckedBatchOptions = Required<BatchOptions>;

const KEYS = ['batchSize', 'shuffle', 'seed', 'dropRemainder', 'epochs', 'labels', 'start'] as const;

/** Validates batch options against the data and fills in the defaults; throws before any tensor work. */
export function checkBatchOptions(fn: string, options: Partial<BatchOptions>, examples: Examples): CheckedBatchOptions {
  if (options === undefined) throw new TypeError(`${fn}: options with 'batchSize' (an integer ≥ 1) are required`);
  checkOptions(fn, options, KEYS);
  const batchSize = checkInt(fn, 'batchSize', options.batchSize);
  const shuffle = checkOneOf(fn, 'shuffle', options.shuffle ?? true, [true, false]);
  const seed = checkSeed(fn, options.seed ?? 0);
  const dropRemainder = checkOneOf(fn, 'dropRemainder', options.dropRemainder ?? false, [true, false]);
  const epochs = options.epochs ?? 1;
  if (epochs !== Infinity) checkInt(fn, 'epochs', epochs);
  const labelled = examples.labels !== undefined;
  const labels = checkOneOf(fn, 'labels', options.labels ?? (labelled ? 'int32' : 'none'), labelled ? ['int32', 'oneHot', 'none'] : ['none']);
  if (dropRemainder && batchSize > examples.count) {
    throw new RangeError(`${fn}: 'batchSize' ${batchSize} is larger than the ${examples.count} examples, so dropRemainder leaves no batch`);
  }
  const start = options.start ?? { epoch: 0, batch: 0 };
  checkOptions(`${fn} start`, start, ['epoch', 'batch']);
  const perEpoch = dropRemainder ? Math.floor(examples.count / batchSize) : Math.ceil(examples.count / batchSize);
  checkInt(fn, 'start.epoch', start.epoch, 0);
  checkInt(fn, 'start.batch', start.batch, 0);
  if (start.batch >= perEpoch) {
    throw new RangeError(`${fn}: 'start.batch' must be below the ${perEpoch} batches of an epoch, got ${show(start.batch)}`);
  }
  return { batchSize, shuffle, seed, dropRemainder, epochs, labels, start: { epoch: start.epoch, batch: start.batch } };
}

/**
 * The iterator {@link Dataset.batches} returns: synchronous, with its
 * {@link BatchPosition} readable at any time for checkpoints.
 *
 * @example
 * ```ts
 * const it = ds.batches({ batchSize: 64, epochs: Infinity });
 * const batch = it.next().value!;
 * it.position; // { epoch: 0, batch: 1 }
 * ```
 */
export class BatchIterator implements IterableIterator<Batch> {
  private readonly exampleSize: number;
  private readonly perEpoch: number;
  private order: Int32Array | undefined;
  private orderEpoch = -1;
  private epoch: number;
  private batch: number;
  private step: number;
  private finished = false;

  /**
   * Made by {@link Dataset.batches}, which validates the data and options first.
   *
   * @internal
   * @param examples - the data, already validated by {@link Dataset}.
   * @param options - options checked by `checkBatchOptions`.
   */
  constructor(
    private readonly examples: Examples,
    private readonly options: CheckedBatchOptions,
  ) {
    this.exampleSize = exampleSize(examples.shape);
    const { batchSize, dropRemainder, start } = options;
    this.perEpoch = dropRemainder ? Math.floor(examples.count / batchSize) : Math.ceil(examples.count / batchSize);
    this.epoch = start.epoch;
    this.batch = start.batch;
    this.step = start.epoch * this.perEpoch + start.batch;
  }

  /** The epoch and batch index of the next batch. */
  get position(): BatchPosition {
    return { epoch: this.epoch, batch: this.batch };
  }

  /** Makes the next batch's tensors, or ends after the last epoch. */
  next(): IteratorResult<Batch> {
    if (this.finished || this.epoch >= this.options.epochs) return { value: undefined, done: true };
    const { batchSize, labels: format } = this.options;
    const { count, x, shape, labels, numClasses = 0 } = this.examples;
    const order = this.orderFor(this.epoch);
    const begin = this.batch * batchSize;
    const size = Math.min(batchSize, count - begin);
    const d = this.exampleSize;
    const xs = new Float32Array(size * d);
    for (let i = 0; i < size; i++) {
      const row = order === undefined ? begin + i : order[begin + i]!;
      xs.set(x.subarray(row * d, row * d + d), i * d);
    }
    let labelTensor: tf.Tensor | undefined;
    if (format !== 'none' && labels !== undefined) {
      const picked = new Int32Array(size);
      for (let i = 0; i < size; i++) picked[i] = labels[order === undefined ? begin + i : order[begin + i]!]!;
      if (format === 'int32') {
        labelTensor = tf.tensor1d(picked, 'int32');
      } else {
        const hot = new Float32Array(size * numClasses);
        for (let i = 0; i < size; i++) hot[i * numClasses + picked[i]!] = 1;
        labelTensor = tf.tensor2d(hot, [size, numClasses]);
      }
    }
    const value: Batch = {
      xs: tf.tensor(xs, [size, ...shape], 'float32'),
      labels: labelTensor,
      epoch: this.epoch,
      index: this.batch,
      step: this.step,
    };
    this.step++;
    this.batch++;
    if (this.batch >= this.perEpoch) {
      this.batch = 0;
      this.epoch++;
    }
    return { value, done: false };
  }

  /** Stops the iteration (as `break` in a `for…of` does). */
  return(): IteratorResult<Batch> {
    this.finished = true;
    this.order = undefined;
    return { value: undefined, done: true };
  }

  [Symbol.iterator](): this {
    return this;
  }

  private orderFor(epoch: number): Int32Array | undefined {
    if (!this.options.shuffle) return undefined;
    if (this.orderEpoch !== epoch) {
      this.order = permutation(this.examples.count, seededUniform(this.options.seed, 0xe90c, epoch), this.order);
      this.orderEpoch = epoch;
    }
    return this.order;
  }
}
