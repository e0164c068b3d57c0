import * as tf from '@tensorflow/tfjs';
import type { ModelLike } from './models.js';
import { inputShapeOf, runModel } from './models.js';

/** Per-batch sums (over images) of the reconstruction term, the KL and the IWAE bound, all in nats. */
export interface ElboSums {
  readonly rec: number;
  readonly kl: number;
  readonly iw: number;
}

/** The sums over `x`'s images of the ELBO terms; see `negativeElbo` for the maths. */
export async function elboBatch(
  fn: string,
  encoder: ModelLike,
  decoder: ModelLike,
  x: tf.Tensor,
  opts: { k: number; seed: number; decoderOutput: 'logits' | 'probabilities' },
): Promise<ElboSums> {
  const b = x.shape[0]!;
  const perExample = x.size / b;
  const [min, max] = tf.tidy(() => [tf.min(x), tf.max(x)]).map((t) => {
    const v = t.dataSync()[0]!;
    t.dispose();
    return v;
  }) as [number, number];
  if (!(min >= 0 && max <= 1)) throw new RangeError(`${fn}: 'images' must lie in [0, 1] (Bernoulli targets), found values in [${min}, ${max}]`);
  const terms = tf.tidy(() => {
    const shape = inputShapeOf(encoder);
    const xEnc = shape !== undefined && shape.reduce((a, c) => a * c, 1) === perExample ? x.reshape([b, ...shape]) : x;
    const [mean, logVar] = runModel(encoder, xEnc);
    if (mean === undefined || logVar === undefined || mean.rank !== 2 || !tf.util.arraysEqual(mean.shape, logVar.shape) || mean.shape[0] !== b) {
      throw new Error(`${fn}: 'encoder' must return [mean, logVar], each [batch, latent]`);
    }
    const target = x.reshape([b, perExample]);
    const kl = tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(1, logVar)), 1));
    const std = tf.exp(tf.mul(0.5, logVar));
    const logWeights: tf.Tensor[] = [];
    let rec0: tf.Tensor | undefined;
    for (let s = 0; s < opts.k; s++) {
      // tfjs treats seed 0 as "unseeded" (Math.random), so callers pass seeds ≥ 1.
      const eps = tf.randomNormal(mean.shape, 0, 1, 'float32', opts.seed + s);
      const z = tf.add(mean, tf.mul(std, eps));
      const out = runModel(decoder, z)[0];
      if (out === undefined || out.size !== b * perExample) {
        throw new Error(`${fn}: 'decoder' must return ${perExample} values per image (the images' size), got shape [${out?.shape.join(', ')}]`);
      }
      let logits = out.reshape([b, perExample]);
      if (opts.decoderOutput === 'probabilities') {
        const p = tf.clipByValue(logits, 1e-7, 1 - 1e-7);
        logits = tf.sub(tf.log(p), tf.log1p(tf.neg(p)));
      }
      const rec = tf.sum(tf.sub(tf.softplus(logits), tf.mul(target, logits)), 1);
      rec0 ??= rec;
      const logPz = tf.mul(-0.5, tf.sum(tf.square(z), 1));
      const logQz = tf.mul(-0.5, tf.add(tf.sum(tf.square(eps), 1), tf.sum(logVar, 1)));
      logWeights.push(tf.sub(tf.sub(logPz, logQz), rec));
    }
    const iw = tf.sub(Math.log(opts.k), tf.logSumExp(tf.stack(logWeights, 1), 1));
    return [tf.sum(rec0!), tf.sum(kl), tf.sum(iw)];
  });
  const [rec, kl, iw] = await Promise.all(terms.map(async (t) => (await t.data())[0]!));
  tf.dispose(terms);
  return { rec: rec!, kl: kl!, iw: iw! };
}
