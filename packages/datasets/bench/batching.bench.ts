/**
 * Side-by-side timing of one epoch of MNIST batches (batch 64, shuffled) from
 * `Dataset.batches` and from the equivalent tfjs-data pipeline
 * (`tf.data.array(...).shuffle(60000, seed).batch(64)`), plus the time to load
 * MNIST and to build the digit domains. Run: `pnpm --filter @gankit/datasets bench`.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { Dataset, digitDomains, loadMnist } from '../src/index.node.js';

await initBackend({ quiet: true });
const time = async (label: string, fn: () => unknown): Promise<number> => {
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  console.log(`${label}: ${ms.toFixed(0)} ms`);
  return ms;
};

let train = await loadMnist();
await time('loadMnist train (60,000)', async () => {
  train = await loadMnist();
});
await time('digitDomains (70,000 A + 70,000 B)', () => digitDomains({ seed: 0 }));

const batchSize = 64;
const ours = await time('Dataset.batches: 1 epoch', () => {
  for (const batch of new Dataset(train).batches({ batchSize, seed: 1 })) tf.dispose(batch);
});

const per = 28 * 28;
const elements = Array.from({ length: train.count }, (_, i) => ({
  xs: train.x.subarray(i * per, (i + 1) * per),
  ys: train.labels![i]!,
}));
const pipeline = tf.data
  .array(elements)
  .shuffle(train.count, '1')
  .map((e) => ({ xs: tf.tensor3d(e.xs, [28, 28, 1]), ys: tf.scalar(e.ys, 'int32') }))
  .batch(batchSize);
const theirs = await time('tf.data shuffle → map(to tensors) → batch: 1 epoch', async () => {
  await pipeline.forEachAsync((batch) => tf.dispose(batch));
});
const plain = tf.data.array(elements).shuffle(train.count, '1').batch(batchSize);
const theirsPlain = await time('tf.data shuffle → batch (plain arrays): 1 epoch', async () => {
  await plain.forEachAsync((batch) => tf.dispose(batch));
});
console.log(
  `tf.data / Dataset: ${(theirs / ours).toFixed(1)}× (tensors per example), ${(theirsPlain / ours).toFixed(1)}× (plain arrays); ` +
    `tensors left: ${tf.memory().numTensors}`,
);
