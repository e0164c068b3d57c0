import * as tf from '@tensorflow/tfjs';
import type { BatchSource, TrainingBatch } from '../types.js';

/** The batch's examples (`x`, or `xs` as `@gankit/datasets` names them). */
export function batchX(batch: TrainingBatch, who: string): tf.Tensor {
  const b = batch as { x?: tf.Tensor; xs?: tf.Tensor } | null;
  const x = b?.x ?? b?.xs;
  if (x == null || typeof (x as tf.Tensor).shape !== 'object') {
    throw new Error(`${who}: a batch must be an object with a tensor 'x' (or 'xs'), got ${b == null ? String(b) : `keys ${Object.keys(b).join(', ')}`}`);
  }
  if (x.isDisposed) throw new Error(`${who}: the batch's 'x' tensor is already disposed`);
  return x;
}

/** Disposes a batch's tensors. */
export function disposeBatch(batch: TrainingBatch): void {
  const b = batch as { x?: tf.Tensor; xs?: tf.Tensor; labels?: tf.Tensor };
  tf.dispose([b.x, b.xs, b.labels].filter((t): t is tf.Tensor => t != null && !t.isDisposed));
}

/** One batch or a list of batches → a non-empty list. */
export function batchList(batch: TrainingBatch | readonly TrainingBatch[], who: string): TrainingBatch[] {
  const list = Array.isArray(batch) ? [...(batch as readonly TrainingBatch[])] : [batch as TrainingBatch];
  if (list.length === 0) throw new Error(`${who}: step() needs at least one batch`);
  return list;
}

type AnyIterator<B> = AsyncIterator<B> | Iterator<B>;

/** An iterator over any iterable or iterator (sync or async). */
export function toIterator<B>(source: BatchSource<B>, who: string): AnyIterator<B> {
  const s = source as Partial<AsyncIterable<B> & Iterable<B> & Iterator<B>> | null;
  if (s != null && typeof s[Symbol.asyncIterator] === 'function') return s[Symbol.asyncIterator]!();
  if (s != null && typeof s[Symbol.iterator] === 'function') return s[Symbol.iterator]!();
  if (s != null && typeof s.next === 'function') return s as Iterator<B>;
  throw new Error(`${who}: the dataset must be an iterable or iterator of batches, got ${String(source)}`);
}
