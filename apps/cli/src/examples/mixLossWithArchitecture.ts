/**
 * "Mix a loss with an architecture" — the guide's example, run by a test.
 *
 * User code, no CLI: a DCGAN-style critic from @gankit/architectures with
 * every layer spectrally normalized (via the builder's `wrapLayer` hook and
 * @gankit/losses), an MLP generator, the hinge loss, and a training loop written
 * by hand with plain tfjs — then the same composition handed to GanTrainer.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { mlpDiscriminator, mlpGenerator } from '@gankit/architectures';
import { ringOfGaussians } from '@gankit/datasets';
import { gradientPenalty, hingeLoss, spectralNorm, wassersteinLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';

/** Trains with a hand-written loop; returns the generator and the last losses. */
export async function handWrittenLoop(steps: number): Promise<{ generator: tf.LayersModel; dLoss: number; gLoss: number }> {
  await initBackend();
  const generator = mlpGenerator({ latentDim: 2, outputDim: 2, seed: 1 });
  const critic = mlpDiscriminator({ inputDim: 2, seed: 2, wrapLayer: (layer) => spectralNorm(layer) });
  const loss = hingeLoss();
  const gOpt = tf.train.adam(2e-4, 0.5);
  const dOpt = tf.train.adam(2e-4, 0.5);
  const gVars = generator.trainableWeights.map((w) => w.read() as tf.Variable);
  const dVars = critic.trainableWeights.map((w) => w.read() as tf.Variable);
  const ring = ringOfGaussians();
  let dLoss = 0;
  let gLoss = 0;
  for (let step = 0; step < steps; step++) {
    const real = tf.tensor2d(ring.sample(128, step).x, [128, 2]);
    const z = tf.randomNormal([128, 2]);
    // training: true advances spectral normalization's power iteration.
    const d = dOpt.minimize(
      () => loss.discriminator(critic.apply(real, { training: true }) as tf.Tensor, critic.apply(generator.apply(z, { training: true }) as tf.Tensor, { training: true }) as tf.Tensor),
      true,
      dVars, // always pass the variables: otherwise minimize updates both networks
    )!;
    const g = gOpt.minimize(() => loss.generator(critic.apply(generator.apply(z, { training: true }) as tf.Tensor, { training: true }) as tf.Tensor), true, gVars)!;
    dLoss = d.dataSync()[0]!;
    gLoss = g.dataSync()[0]!;
    tf.dispose([real, z, d, g]);
  }
  return { generator, dLoss, gLoss };
}

/** The same kind of composition handed to GanTrainer: a WGAN-GP this time. */
export async function withTrainer(steps: number): Promise<GanTrainer> {
  await initBackend();
  const ring = ringOfGaussians();
  const trainer = new GanTrainer({
    generator: mlpGenerator({ latentDim: 2, outputDim: 2, seed: 1 }),
    discriminator: mlpDiscriminator({ inputDim: 2, seed: 2 }),
    loss: wassersteinLoss(),
    penalties: [gradientPenalty({ lambda: 10 })],
    preset: 'wgan-gp', // Adam 1e-4, β (0, 0.9), 5 critic steps
    latentDim: 2,
    seed: 0,
  });
  const batches = (function* () {
    for (let i = 0; ; i++) yield { x: tf.tensor2d(ring.sample(128, i).x, [128, 2]) };
  })();
  await trainer.fit(batches, { steps });
  return trainer;
}
