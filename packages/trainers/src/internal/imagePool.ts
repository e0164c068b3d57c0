import * as tf from '@tensorflow/tfjs';
import type { CheckpointEntry } from './checkpointFormat.js';
import type { Rng } from './rng.js';

/**
 * The history of generated images of Shrivastava et al. (2017) as the
 * CycleGAN reference code keeps it (`ImagePool`): while fewer than `size`
 * images are stored, each new image is stored and returned; after that, with
 * probability ½ a random stored image is returned and replaced by the new one,
 * else the new image is returned. The coin flips and indices come from the
 * trainer's seeded generator; the stored images go into checkpoints.
 */
export class ImagePool {
  private images: tf.Tensor[] = [];

  constructor(readonly size: number) {}

  /** Images stored. */
  get count(): number {
    return this.images.length;
  }

  /** The discriminator's batch for the newly generated `batch` (a new tensor; `batch` is not disposed). Stored images survive an enclosing tf.tidy. */
  query(batch: tf.Tensor, rng: Rng): tf.Tensor {
    if (this.size === 0) return batch.clone();
    const incoming = tf.unstack(batch);
    const out: tf.Tensor[] = [];
    for (const image of incoming) {
      if (this.images.length < this.size) {
        this.images.push(tf.keep(image));
        out.push(image);
      } else if (rng.nextFloat() > 0.5) {
        const i = Math.min(this.size - 1, Math.floor(rng.nextFloat() * this.size));
        out.push(this.images[i]!);
        this.images[i] = tf.keep(image);
      } else {
        out.push(image);
      }
    }
    const result = tf.stack(out);
    const kept = new Set(this.images);
    for (const t of [...incoming, ...out]) if (!kept.has(t) && !t.isDisposed) t.dispose();
    return result;
  }

  /** A snapshot as a checkpoint entry (one `[count, ...shape]` tensor, none when empty). */
  entry(name: string): CheckpointEntry {
    return {
      name,
      kind: 'tensors',
      topology: { gankitImagePool: { size: this.size, count: this.images.length } },
      weights: this.images.length === 0 ? [] : [{ name: 'images', tensor: tf.stack(this.images) }],
    };
  }

  /** Problems of a stored pool entry. */
  static problems(entry: CheckpointEntry | undefined, name: string, shape: readonly (number | null)[]): string[] {
    if (entry === undefined) return [`${name}: missing from the checkpoint`];
    const stored = entry.weights[0]?.tensor;
    if (stored !== undefined && !shape.every((d, i) => d == null || stored.shape[i + 1] === d)) {
      return [`${name}: stored images are [${stored.shape.join(',')}], this trainer's are [?,${shape.join(',')}]`];
    }
    return [];
  }

  /** Replaces the stored images with a checkpoint's (clones them). */
  restore(entry: CheckpointEntry): void {
    this.clear();
    const stored = entry.weights[0]?.tensor;
    if (stored === undefined) return;
    const all = tf.unstack(stored);
    this.images = all.slice(0, this.size);
    tf.dispose(all.slice(this.size));
  }

  /** Disposes the stored images. */
  clear(): void {
    tf.dispose(this.images);
    this.images = [];
  }
}
