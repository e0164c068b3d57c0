import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { expectClose } from '@gankit/test-utils';
import { GanTrainer } from './index.js';
import type { GanTrainerOptions } from './index.js';
import { averagedWeights } from './internal/models.js';
import { gaussian1d, memoryHandler, mlp, nonSaturating, stream } from './testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

/** A generator z(2) → dense(4) → batch norm → relu → dense(1): trainable weights and two moving statistics. */
function bnGenerator(seed: number): tf.LayersModel {
  const z = tf.input({ shape: [2] });
  const h = tf.layers.dense({ units: 4, kernelInitializer: tf.initializers.glorotUniform({ seed }) }).apply(z) as tf.SymbolicTensor;
  const n = tf.layers.batchNormalization({ momentum: 0.5 }).apply(h) as tf.SymbolicTensor;
  const a = tf.layers.reLU().apply(n) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }).apply(a) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: out });
}

const options = (ema: number): GanTrainerOptions => ({ generator: bnGenerator(1), discriminator: mlp([1], [4], 1, 2), loss: nonSaturating, ema, seed: 5 });

/** Every weight of the generator, flattened, in `model.weights` order. */
const snapshot = (model: tf.LayersModel): number[][] => model.weights.map((w) => Array.from(w.read().dataSync()));

describe('GanTrainer EMA with a batch-norm generator', () => {
  it('averages the trainable weights and the moving statistics, not other frozen weights', () => {
    const g = bnGenerator(1);
    const names = averagedWeights(g).map((w) => w.originalName.split('/').pop());
    expect(names).toEqual(['kernel', 'bias', 'gamma', 'beta', 'kernel', 'bias', 'moving_mean', 'moving_variance']);
    // A frozen one-hot embedding (a conditional generator's label code) is not averaged.
    const label = tf.input({ shape: [1] });
    const code = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: 3, outputDim: 3, embeddingsInitializer: tf.initializers.identity({ gain: 1 }), trainable: false }).apply(label)) as tf.SymbolicTensor;
    const c = tf.model({ inputs: label, outputs: tf.layers.dense({ units: 1 }).apply(code) as tf.SymbolicTensor });
    expect(averagedWeights(c).map((w) => w.originalName.split('/').pop())).toEqual(['kernel', 'bias']);
    g.dispose();
    c.dispose();
  });

  it('samples from avg_n = d_n·avg_{n−1} + (1 − d_n)·w_n over every averaged weight, d_n = min(decay, (1 + n)/(10 + n))', async () => {
    const decay = 0.6;
    const trainer = new GanTrainer(options(decay));
    const g = trainer.generator;
    let avg = snapshot(g);
    const data = stream(gaussian1d(2, 0.5), 8, 1);
    for (let n = 0; n < 4; n++) {
      await trainer.fit(data, { steps: 1 });
      const d = Math.min(decay, (1 + n) / (10 + n));
      const now = snapshot(g);
      avg = avg.map((a, i) => a.map((v, j) => d * v + (1 - d) * now[i]![j]!));
    }
    const live = snapshot(g);
    // The moving statistics did move, so the test can tell whether they were averaged.
    const stats = averagedWeights(g).filter((w) => !g.trainableWeights.includes(w)).map((w) => g.weights.indexOf(w));
    expect(stats).toHaveLength(2);
    for (const i of stats) expect(live[i]).not.toEqual(avg[i]);

    // The stored average holds exactly those values, batch-norm statistics included.
    const handler = memoryHandler();
    await trainer.save(handler);
    const z = tf.randomNormal([6, 2], 0, 1, 'float32', 7);
    const fromTrainer = trainer.generate(z);
    // The same network with the expected averages set by hand, run in inference mode.
    const reference = bnGenerator(1);
    reference.weights.forEach((w, i) => (w.read() as tf.Variable).assign(tf.tensor(avg[i]!, w.shape as number[])));
    const expected = reference.apply(z, { training: false }) as tf.Tensor;
    expectClose(Array.from(fromTrainer.dataSync()), Array.from(expected.dataSync()), { rtol: 1e-5, atol: 1e-6 });
    // Sampling swaps the averages in and back: the live weights are untouched.
    expect(snapshot(g)).toEqual(live);
    tf.dispose([z, fromTrainer, expected]);
    reference.dispose();
    trainer.dispose();
  });

  it('resumes exactly: the averaged statistics come back from the checkpoint', async () => {
    const a = new GanTrainer(options(0.9));
    await a.fit(stream(gaussian1d(2, 0.5), 8, 1), { steps: 3 });
    const handler = memoryHandler();
    await a.save(handler);
    const b = new GanTrainer(options(0.9));
    await b.load(handler);
    for (const t of [a, b]) await t.fit(stream(gaussian1d(2, 0.5), 8, 2), { steps: 3 });
    const z = tf.randomNormal([6, 2], 0, 1, 'float32', 3);
    const [ya, yb] = [a.generate(z), b.generate(z)];
    expect(Array.from(yb.dataSync())).toEqual(Array.from(ya.dataSync()));
    tf.dispose([z, ya, yb]);
    a.dispose();
    b.dispose();
  });
});
