import * as tf from '@tensorflow/tfjs';
import { exampleSize } from '../examples.js';
import type { Examples } from '../examples.js';
import { BatchIterator, checkBatchOptions } from './batchIterator.js';
import type { BatchOptions } from './batchIterator.js';

/**
 * Seeded, shuffled, batched iteration over {@link Examples}: the input side
 * of every trainer. Each epoch is a fresh permutation that is a pure function
 * of `(seed, epoch)`, so runs are reproducible and a run resumed from a saved
 * {@link BatchPosition} sees exactly the batches it would have seen. Tensors
 * are created per batch and owned by the caller; the dataset itself holds only
 * plain arrays.
 *
 * Why not build on tfjs-data (`tf.data`)? It was evaluated and is offered as
 * an adapter ({@link Dataset.toTfData}) rather than the engine:
 * - its `shuffle(bufferSize, seed)` draws each epoch's order from a seedrandom
 *   stream advanced by every `iterator()` call, so the order of epoch e
 *   depends on how many iterators were made before; there is no way to start
 *   at (epoch, batch) without replaying, which exact checkpoint resume needs;
 * - every element passes through a chain of promises (`ShuffleIterator` awaits
 *   per element) and batches are stacked from per-example values: one shuffled
 *   MNIST epoch at batch 64 took 4.0 s (elements mapped to tensors) and 5.9 s
 *   (plain arrays) against 0.18 s here, 23–33× slower, measured side by side
 *   by `bench/batching.bench.ts` on the 2-core dev machine;
 * - its iterators are async only, while a training step is synchronous code;
 *   a sync iterator lets a trainer loop without an `await` per batch.
 * `toTfData` still gives a `tf.data.Dataset` of `{xs, ys}` for `model.fitDataset`.
 *
 * @example
 * ```ts
 * const ds = new Dataset(await loadMnist());
 * for (const batch of ds.batches({ batchSize: 64, seed: 0, epochs: Infinity, dropRemainder: true })) {
 *   const loss = step(batch.xs);
 *   tf.dispose(batch);
 *   if (batch.step === 10_000) break;
 * }
 * ```
 */
export class Dataset {
  /** The examples this dataset batches. */
  readonly examples: Examples;

  /**
   * @param examples - the data; `x.length` must be `count × prod(shape)` and `labels`, if any, `count` long.
   * @throws RangeError naming the field that does not fit.
   */
  constructor(examples: Examples) {
    const fn = 'Dataset';
    if (examples === null || typeof examples !== 'object' || !(examples.x instanceof Float32Array)) {
      throw new TypeError(`${fn}: 'examples' must be { x: Float32Array, shape, count, labels? }`);
    }
    const { x, shape, count, labels, numClasses } = examples;
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`${fn}: 'count' must be an integer ≥ 1, got ${count}`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
      throw new RangeError(`${fn}: 'shape' must be an array of positive integers, got ${String(shape)}`);
    }
    if (x.length !== count * exampleSize(shape)) {
      throw new RangeError(`${fn}: 'x' has ${x.length} values, but count ${count} × shape [${shape.join(', ')}] needs ${count * exampleSize(shape)}`);
    }
    if (labels !== undefined && labels.length !== count) {
      throw new RangeError(`${fn}: 'labels' has ${labels.length} entries, but count is ${count}`);
    }
    if (labels !== undefined) {
      if (numClasses === undefined || !Number.isInteger(numClasses) || numClasses < 1) {
        throw new RangeError(`${fn}: labelled examples need 'numClasses' (an integer ≥ 1), got ${numClasses}`);
      }
      for (let i = 0; i < count; i++) {
        const label = labels[i]!;
        if (label < 0 || label >= numClasses) {
          throw new RangeError(`${fn}: label ${label} at index ${i} is outside 0…${numClasses - 1}`);
        }
      }
    }
    this.examples = examples;
  }

  /** The number of examples. */
  get size(): number {
    return this.examples.count;
  }

  /**
   * The number of batches one epoch yields.
   *
   * @param batchSize - examples per batch.
   * @param dropRemainder - whether a last, smaller batch is dropped.
   * @returns ⌊size / batchSize⌋ with `dropRemainder`, else ⌈size / batchSize⌉.
   *
   * @example
   * ```ts
   * new Dataset(await loadMnist()).batchesPerEpoch(64, true); // 937
   * ```
   */
  batchesPerEpoch(batchSize: number, dropRemainder = false): number {
    checkBatchOptions('Dataset.batchesPerEpoch', { batchSize, dropRemainder }, this.examples);
    return dropRemainder ? Math.floor(this.size / batchSize) : Math.ceil(this.size / batchSize);
  }

  /**
   * Iterates batches: shuffled (by default) with a new permutation each epoch,
   * for `epochs` epochs (`Infinity` for trainers). Every option is checked
   * before any tensor is made.
   *
   * @param options - `batchSize` (required), `shuffle` (true), `seed` (0), `dropRemainder` (false),
   *   `epochs` (1), `labels` (`'int32'` if labelled, else `'none'`), `start` (`{ epoch: 0, batch: 0 }`).
   * @returns a synchronous iterator of {@link Batch}es, with its `position` for checkpoints.
   * @throws RangeError/TypeError naming a bad option and the allowed values.
   *
   * @example
   * ```ts
   * const it = ds.batches({ batchSize: 32, labels: 'oneHot', seed: 7 });
   * const { xs, labels } = it.next().value!; // [32, 28, 28, 1] and [32, 10]
   * ```
   */
  batches(options: BatchOptions): BatchIterator {
    return new BatchIterator(this.examples, checkBatchOptions('Dataset.batches', options, this.examples));
  }

  /**
   * The same batches as a `tf.data.Dataset` of `{ xs, ys }` (ys omitted when
   * unlabelled), e.g. for `model.fitDataset`, which disposes them.
   *
   * @param options - as for {@link Dataset.batches}; `epochs` must be finite.
   * @returns a tfjs-data dataset; each `iterator()` call restarts from `start`.
   *
   * @example
   * ```ts
   * await classifier.fitDataset(ds.toTfData({ batchSize: 128, labels: 'oneHot' }), { epochs: 3 });
   * ```
   */
  toTfData(options: BatchOptions): tf.data.Dataset<tf.TensorContainerObject> {
    const checked = checkBatchOptions('Dataset.toTfData', options, this.examples);
    if (!Number.isFinite(checked.epochs)) {
      throw new RangeError(`Dataset.toTfData: 'epochs' must be finite (fitDataset counts epochs itself), got ${checked.epochs}`);
    }
    const examples = this.examples;
    return tf.data.generator(function* () {
      for (const batch of new BatchIterator(examples, checked)) {
        yield batch.labels === undefined ? { xs: batch.xs } : { xs: batch.xs, ys: batch.labels };
      }
    });
  }
}
