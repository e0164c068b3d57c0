import * as tf from '@tensorflow/tfjs';

/**
 * PacGAN packing (Lin, Khetan, Fanti & Oh 2018): the discriminator judges m
 * samples at once. Rows i·m … i·m + m − 1 of `x` ([B, …s, c], B divisible by
 * m) become packed row i, their last axes concatenated in order:
 *
 *   packed[i, …, j·c + k] = x[i·m + j, …, k]   (j < m, k < c)
 *
 * so `[B, d]` vectors become `[B/m, m·d]` and `[B, H, W, C]` images become
 * `[B/m, H, W, m·C]` (the packing the PacGAN paper uses for images). Built
 * from reshape and transpose, so gradients flow back to every sample.
 *
 * @param x - a batch of samples, rank ≥ 2.
 * @param m - the packing degree, an integer ≥ 1 that divides the batch.
 * @returns the packed batch (`x` itself when m = 1).
 */
export function packSamples(x: tf.Tensor, m: number): tf.Tensor {
  if (m === 1) return x;
  const [batch, ...rest] = x.shape;
  const last = rest[rest.length - 1]!;
  const grouped = tf.reshape(x, [batch! / m, m, ...rest]);
  // Move the "which sample" axis (1) next to the last axis: [B/m, …s, m, c].
  const perm = [0, ...rest.slice(0, -1).map((_, i) => i + 2), 1, rest.length + 1];
  const moved = rest.length === 1 ? grouped : tf.transpose(grouped, perm);
  return tf.reshape(moved, [batch! / m, ...rest.slice(0, -1), m * last]);
}

/** The sample shape the discriminator takes when packing m samples of `shape` (whose last axis is known): the last axis times m. */
export function packedShape(shape: readonly (number | null)[], m: number): (number | null)[] {
  return [...shape.slice(0, -1), (shape[shape.length - 1] as number) * m];
}
