/**
 * The benchmark workloads of ../../shared/EVALUATION.md, in plain tfjs (no
 * gankit import), so the stock-tfjs child process can use them too.
 */
import * as tf from '@tensorflow/tfjs';

const init = (seed: number): ReturnType<typeof tf.initializers.randomNormal> => tf.initializers.randomNormal({ mean: 0, stddev: 0.02, seed });

/** DCGAN G: dense 100→7·7·128, BN, lrelu, convT 5×5/2→64, BN, lrelu, convT 5×5/2→1, tanh. */
export function dcganGenerator(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [100], units: 7 * 7 * 128, useBias: false, kernelInitializer: init(1) }),
      tf.layers.batchNormalization(),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.reshape({ targetShape: [7, 7, 128] }),
      tf.layers.conv2dTranspose({ filters: 64, kernelSize: 5, strides: 2, padding: 'same', useBias: false, kernelInitializer: init(2) }),
      tf.layers.batchNormalization(),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.conv2dTranspose({ filters: 1, kernelSize: 5, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: init(3) }),
    ],
  });
}

/** DCGAN D: conv 5×5/2→64, lrelu, conv 5×5/2→128, lrelu, dense→1. */
export function dcganDiscriminator(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 5, strides: 2, padding: 'same', kernelInitializer: init(4) }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.conv2d({ filters: 128, kernelSize: 5, strides: 2, padding: 'same', kernelInitializer: init(5) }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, kernelInitializer: init(6) }),
    ],
  });
}

/** 2-D MLP (3 hidden layers of 128, ReLU), as in the WGAN-GP toy experiments. */
export function mlp(input: number, output: number, seed: number): tf.LayersModel {
  const he = (s: number): ReturnType<typeof tf.initializers.heNormal> => tf.initializers.heNormal({ seed: s });
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [input], units: 128, activation: 'relu', kernelInitializer: he(seed) }),
      tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: he(seed + 1) }),
      tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: he(seed + 2) }),
      tf.layers.dense({ units: output, kernelInitializer: he(seed + 3) }),
    ],
  });
}

const vars = (m: tf.LayersModel): tf.Variable[] => m.trainableWeights.map((w) => w.read() as tf.Variable);
const logit = (m: tf.LayersModel, x: tf.Tensor): tf.Tensor => m.apply(x, { training: true }) as tf.Tensor;

/** One DCGAN step written by hand: one D update + one G update, non-saturating loss, Adam 2e-4 β₁ 0.5. */
export function handDcganStep(g: tf.LayersModel, d: tf.LayersModel, opt: { g: tf.Optimizer; d: tf.Optimizer }): (real: tf.Tensor) => number[] {
  const gv = vars(g);
  const dv = vars(d);
  return (real) => {
    const n = real.shape[0]!;
    const dCost = opt.d.minimize(
      () => {
        const fake = logit(g, tf.randomNormal([n, 100]));
        return tf.add(tf.mean(tf.softplus(tf.neg(logit(d, real)))), tf.mean(tf.softplus(logit(d, fake)))) as tf.Scalar;
      },
      true,
      dv,
    )!;
    const gCost = opt.g.minimize(() => tf.mean(tf.softplus(tf.neg(logit(d, logit(g, tf.randomNormal([n, 100])))))) as tf.Scalar, true, gv)!;
    const out = [dCost.dataSync()[0]!, gCost.dataSync()[0]!];
    tf.dispose([dCost, gCost]);
    return out;
  };
}

/**
 * One WGAN-GP generator step by hand: 5 critic updates with the penalty
 * (λ = 10, on random interpolates), then one G update. `latent` is G's input
 * size (2 for the 2-D workload, 100 for the conv one); samples may have any
 * shape (the norm is over all but the batch axis).
 */
export function handWganGpStep(g: tf.LayersModel, d: tf.LayersModel, opt: { g: tf.Optimizer; d: tf.Optimizer }, latent = 2): (real: tf.Tensor[]) => number[] {
  const gv = vars(g);
  const dv = vars(d);
  return (reals) => {
    let last = 0;
    for (const real of reals) {
      const n = real.shape[0]!;
      const cost = opt.d.minimize(
        () => {
          const fake = logit(g, tf.randomNormal([n, latent]));
          const alpha = tf.randomUniform([n, ...real.shape.slice(1).map(() => 1)]);
          const xHat = tf.add(tf.mul(alpha, real), tf.mul(tf.sub(1, alpha), fake));
          const grad = tf.grad((x: tf.Tensor) => tf.sum(logit(d, x)))(xHat);
          const norm = tf.sqrt(tf.add(tf.sum(tf.square(tf.reshape(grad, [n, -1])), 1), 1e-16));
          const gp = tf.mul(10, tf.mean(tf.square(tf.sub(norm, 1))));
          return tf.add(tf.sub(tf.mean(logit(d, fake)), tf.mean(logit(d, real))), gp) as tf.Scalar;
        },
        true,
        dv,
      )!;
      last = cost.dataSync()[0]!;
      cost.dispose();
    }
    const gCost = opt.g.minimize(() => tf.neg(tf.mean(logit(d, logit(g, tf.randomNormal([reals[0]!.shape[0]!, latent]))))) as tf.Scalar, true, gv)!;
    const out = [last, gCost.dataSync()[0]!];
    gCost.dispose();
    return out;
  };
}
