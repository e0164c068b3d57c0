import * as tf from '@tensorflow/tfjs';

/** A tfjs weight initializer, as layer options take it. */
export type Initializer = ReturnType<typeof tf.initializers.zeros>;

/**
 * Hands out weight initializers for one model. With a seed, every call gets
 * its own derived seed (seed, seed + 1, …), so a model is reproducible and
 * no two layers draw the same numbers; without one, tfjs draws freely.
 */
export class Initializers {
  private next: number | undefined;

  constructor(seed: number | undefined) {
    this.next = seed;
  }

  private seed(): { seed?: number } {
    if (this.next === undefined) return {};
    const seed = this.next;
    this.next += 1;
    return { seed };
  }

  /** N(mean, stddev²), the DCGAN / CycleGAN initialization (stddev 0.02). */
  normal(stddev = 0.02, mean = 0): Initializer {
    return tf.initializers.randomNormal({ mean, stddev, ...this.seed() });
  }

  /** Glorot (Xavier) uniform, the tfjs default for dense and conv kernels. */
  glorot(): Initializer {
    return tf.initializers.glorotUniform(this.seed());
  }

  /** N(0, 1), for learned label embeddings (as `nn.Embedding` initializes). */
  embedding(): Initializer {
    return tf.initializers.randomNormal({ mean: 0, stddev: 1, ...this.seed() });
  }
}
