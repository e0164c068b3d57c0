import type * as tf from '@tensorflow/tfjs';
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

/** Disposes a batch's tensors (`x`, `xs`, `labels`, and the domains `a`, `b` of unpaired batches, tensors or batches themselves). */
export function disposeBatch(batch: unknown): void {
  if (batch == null || typeof batch !== 'object') return;
  if (isTensor(batch)) {
    if (!batch.isDisposed) batch.dispose();
    return;
  }
  const b = batch as { x?: unknown; xs?: unknown; labels?: unknown; a?: unknown; b?: unknown };
  for (const part of [b.x, b.xs, b.labels, b.a, b.b]) if (part != null) disposeBatch(part);
}

function isTensor(value: object): value is tf.Tensor {
  return typeof (value as Partial<tf.Tensor>).dispose === 'function' && Array.isArray((value as Partial<tf.Tensor>).shape);
}

/** One batch or a list of batches → a non-empty list. */
export function batchList<B = TrainingBatch>(batch: B | readonly B[], who: string): B[] {
  const list = Array.isArray(batch) ? [...(batch as readonly B[])] : [batch as B];
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
