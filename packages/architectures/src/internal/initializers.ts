import * as tf from '@tensorflow/tfjs';

/** A tfjs weight initializer, as layer options take it. */
export type Initializer = ReturnType<typeof tf.initializers.zeros>;

/**
 * Hands out weight initializers for one model. With a seed s, the k-th call
 * gets the derived seed s·9973 + k + 1, so a model is reproducible, no two
 * layers draw the same numbers, and different model seeds do not share
 * streams. The + 1 matters: tfjs 4.22's randomNormal-based initializers treat
 * seed 0 as "no seed" and draw freely. Without a seed, tfjs draws freely.
 */
export class Initializers {
  private next: number | undefined;

  constructor(seed: number | undefined) {
    this.next = seed === undefined ? undefined : seed * 9973 + 1;
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
