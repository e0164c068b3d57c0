import type * as tf from '@tensorflow/tfjs';

/**
 * One batch from {@link Dataset.batches}: new tensors owned by the caller, who
 * disposes them (`tf.dispose(batch)` disposes both), and where the batch sits.
 *
 * @example
 * ```ts
 * for (const batch of dataset.batches({ batchSize: 64 })) {
 *   train(batch.xs, batch.labels);
 *   tf.dispose(batch); // numbers are ignored; xs and labels are freed
 * }
 * ```
 */
export interface Batch extends tf.TensorContainerObject {
  /** The examples, float32 `[batchSize, ...shape]`. */
  readonly xs: tf.Tensor;
  /** Their labels: int32 `[batchSize]`, or float32 `[batchSize, numClasses]` one-hot; absent with `labels: 'none'` or unlabelled data. */
  readonly labels?: tf.Tensor;
  /** The epoch this batch belongs to, from 0. */
  readonly epoch: number;
  /** The batch's index within its epoch, from 0. */
  readonly index: number;
  /** The global batch number, `epoch × batchesPerEpoch + index`, from 0. */
  readonly step: number;
}

/**
 * Where an iterator is: the epoch and the index within it of the batch it will
 * yield next. Save it with a checkpoint and pass it back as `start` to resume
 * with exactly the same batches.
 *
 * @example
 * ```ts
 * const it = dataset.batches({ batchSize: 64, seed: 1, epochs: Infinity });
 * // … later, in a checkpoint: { position: it.position }
 * const resumed = dataset.batches({ batchSize: 64, seed: 1, epochs: Infinity, start: saved.position });
 * ```
 */
export interface BatchPosition {
  /** The epoch, from 0. */
  readonly epoch: number;
  /** The batch index within the epoch, from 0. */
  readonly batch: number;
}
