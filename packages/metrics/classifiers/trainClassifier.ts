/**
 * Trains one of gankit's reference classifiers and writes its weights beside
 * this script: `classifiers/<name>/model.json` + `weights.bin` (via the
 * `file://` router of `@gankit/backend`) and `classifiers/<name>/training.json`
 * (seed, budget, wall time, backend and test accuracy).
 *
 *   pnpm --filter @gankit/metrics train:classifiers        # both
 *   pnpm --filter @gankit/metrics train:mnist              # one
 *   pnpm --filter @gankit/metrics train:mnistm
 *
 * - `mnist`: the 60,000 MNIST training digits (`loadMnist`), pixels in [-1, 1], 1 channel.
 * - `mnistm`: domain B of `digitDomains({ seed: 0 })` — the same digits made
 *   MNIST-M-style (3 channels, textures seeded), pixels in [-1, 1].
 *
 * The network (see `buildClassifier`) is LeNet-style (LeCun et al. 1998), in
 * the widths of the Keras/TF MNIST CNN examples: conv 5×5 32 → ReLU → max-pool 2
 * → conv 5×5 64 → ReLU → max-pool 2 → dense 128 → ReLU (the 128-d penultimate
 * `features`) → dense 10 (`logits`) → softmax (`probabilities`). 184,586
 * parameters, 0.74 MB of float32 weights. Adam (lr 1e-3, ×0.3 per epoch after
 * the first), batch 64, seeded initializers and shuffling; no dropout (tfjs's
 * seeded dropout repeats one mask every step), so a run is deterministic on one backend.
 *
 * After training, the script **calibrates the feature scale**: the 128 ReLU
 * features have E[‖f‖²]/d ≈ 10 on MNIST, which puts KID's cubic kernel
 * (fᵀg/d + 1)³ in the hundreds with heavy tails (a real-vs-real KID of
 * 0.3 ± 1.2). The features are therefore multiplied by
 * s = 1/√(mean ‖f‖²/d) over the first 10,000 training images, so E[‖sf‖²]/d = 1,
 * the regime of Inception pool features; s is stored in model.json's
 * user-defined metadata (`featureScale`), where `referenceClassifier` reads it.
 * `--calibrate` redoes only this step on the saved model.
 *
 * Environment: `EPOCHS` (default 4), `LIMIT` (use only the first LIMIT training
 * images, for a quick check; weights are then written to `classifiers/<name>-limit/`).
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '@gankit/backend';
import { Dataset, digitDomains, loadMnist } from '@gankit/datasets';
import type { Examples } from '@gankit/datasets';

const SEED = 0;
const BATCH_SIZE = 64;
const LEARNING_RATE = 1e-3;
const DECAY_PER_EPOCH = 0.3;

type Name = 'mnist' | 'mnistm';

function buildClassifier(channels: number): tf.LayersModel {
  let seed = SEED * 100 + 1; // tfjs treats seed 0 as "unseeded" (Math.random)
  const init = () => tf.initializers.heNormal({ seed: seed++ });
  const input = tf.input({ shape: [28, 28, channels], name: 'images' });
  let h = tf.layers.conv2d({ filters: 32, kernelSize: 5, activation: 'relu', kernelInitializer: init(), name: 'conv1' }).apply(input) as tf.SymbolicTensor;
  h = tf.layers.maxPooling2d({ poolSize: 2, name: 'pool1' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2d({ filters: 64, kernelSize: 5, activation: 'relu', kernelInitializer: init(), name: 'conv2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.maxPooling2d({ poolSize: 2, name: 'pool2' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.flatten({ name: 'flatten' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: init(), name: 'features' }).apply(h) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }), name: 'logits' }).apply(h) as tf.SymbolicTensor;
  const probabilities = tf.layers.activation({ activation: 'softmax', name: 'probabilities' }).apply(logits) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: probabilities, name: 'reference_classifier' });
}

async function loadData(name: Name, limit: number | undefined): Promise<{ train: Examples; test: Examples }> {
  if (name === 'mnist') {
    const [train, test] = await Promise.all([loadMnist({ split: 'train', limit }), loadMnist({ split: 'test' })]);
    return { train, test };
  }
  const { b } = await digitDomains({ seed: 0 });
  const train = limit === undefined ? b.train : { ...b.train, count: limit, x: b.train.x.subarray(0, limit * 28 * 28 * 3), labels: b.train.labels?.subarray(0, limit) };
  return { train, test: b.test };
}

function accuracy(model: tf.LayersModel, data: Examples): number {
  const per = data.x.length / data.count;
  let correct = 0;
  for (let start = 0; start < data.count; start += 500) {
    const size = Math.min(500, data.count - start);
    const predicted = tf.tidy(() => {
      const xs = tf.tensor4d(data.x.subarray(start * per, (start + size) * per), [size, ...(data.shape as [number, number, number])]);
      return (model.predict(xs) as tf.Tensor).argMax(-1);
    });
    const labels = predicted.dataSync();
    predicted.dispose();
    for (let i = 0; i < size; i++) if (labels[i] === data.labels![start + i]) correct++;
  }
  return correct / data.count;
}

/** s = 1/√(mean ‖f‖²/d) of the penultimate features over the first 10,000 training images. */
function featureScale(model: tf.LayersModel, data: Examples): number {
  const features = tf.model({ inputs: model.inputs, outputs: model.getLayer('features').output as tf.SymbolicTensor });
  const per = data.x.length / data.count;
  const n = Math.min(10_000, data.count);
  let sum = 0;
  for (let start = 0; start < n; start += 500) {
    const size = Math.min(500, n - start);
    const sq = tf.tidy(() => {
      const xs = tf.tensor4d(data.x.subarray(start * per, (start + size) * per), [size, ...(data.shape as [number, number, number])]);
      return tf.sum(tf.square(features.predict(xs) as tf.Tensor));
    });
    sum += sq.dataSync()[0]!;
    sq.dispose();
  }
  const d = features.outputs[0]!.shape[1]!;
  return 1 / Math.sqrt(sum / n / d);
}

/** Stores the feature scale in the model's metadata and saves model.json + weights.bin into `dir`. */
async function saveWithMetadata(model: tf.LayersModel, dir: string, scale: number): Promise<void> {
  model.setUserDefinedMetadata({ featureLayer: 'features', featureScale: scale, inputRange: '[-1,1]' });
  await model.save(`file://${dir}`);
}

/** `--calibrate`: recompute the feature scale of the saved model and re-save it, updating training.json. */
async function calibrate(name: Name): Promise<void> {
  await initBackend();
  const dir = join(dirname(fileURLToPath(import.meta.url)), name);
  const model = await tf.loadLayersModel(`file://${dir}/model.json`);
  const { train } = await loadData(name, undefined);
  const scale = featureScale(model, train);
  // Read the record first: a file:// save replaces the whole directory.
  const record = JSON.parse(readFileSync(join(dir, 'training.json'), 'utf8')) as Record<string, unknown>;
  await saveWithMetadata(model, dir, scale);
  writeFileSync(join(dir, 'training.json'), `${JSON.stringify({ ...record, featureScale: scale }, null, 2)}\n`);
  console.log(`calibrated ${dir}: featureScale ${scale}`);
}

async function main(): Promise<void> {
  const name = process.argv[2] as Name;
  if (name !== 'mnist' && name !== 'mnistm') throw new Error(`usage: trainClassifier.ts mnist|mnistm [--calibrate], got ${String(name)}`);
  if (process.argv.includes('--calibrate')) return calibrate(name);
  const epochs = Number(process.env.EPOCHS ?? 4);
  const limit = process.env.LIMIT === undefined ? undefined : Number(process.env.LIMIT);
  const info = await initBackend();
  const { train, test } = await loadData(name, limit);
  const channels = train.shape[2]!;
  const model = buildClassifier(channels);
  const logitsModel = tf.model({ inputs: model.inputs, outputs: model.getLayer('logits').output as tf.SymbolicTensor });
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const optimizer = tf.train.adam(LEARNING_RATE);
  const t0 = Date.now();
  const log: Array<{ epoch: number; seconds: number; loss: number; testAccuracy: number }> = [];
  const batches = new Dataset(train).batches({ batchSize: BATCH_SIZE, seed: SEED, epochs, labels: 'oneHot', dropRemainder: true });
  let epoch = 0;
  let lossSum = 0;
  let lossCount = 0;
  const endEpoch = () => {
    const testAccuracy = accuracy(model, test);
    const entry = { epoch, seconds: (Date.now() - t0) / 1000, loss: lossSum / lossCount, testAccuracy };
    log.push(entry);
    console.log(JSON.stringify(entry));
    lossSum = 0;
    lossCount = 0;
  };
  for (const batch of batches) {
    if (batch.epoch !== epoch) {
      endEpoch();
      epoch = batch.epoch;
      (optimizer as unknown as { learningRate: number }).learningRate = LEARNING_RATE * DECAY_PER_EPOCH ** epoch;
    }
    const cost = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(batch.labels!, logitsModel.apply(batch.xs, { training: true }) as tf.Tensor) as tf.Scalar,
      true,
      vars,
    );
    if (batch.index % 50 === 0) {
      lossSum += cost!.dataSync()[0]!;
      lossCount++;
    }
    if (batch.index % 200 === 0) console.log(`epoch ${batch.epoch} batch ${batch.index} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    cost?.dispose();
    tf.dispose(batch);
  }
  endEpoch();
  const seconds = (Date.now() - t0) / 1000;
  const dir = join(dirname(fileURLToPath(import.meta.url)), limit === undefined ? name : `${name}-limit`);
  mkdirSync(dir, { recursive: true });
  const scale = featureScale(model, train);
  await saveWithMetadata(model, dir, scale);
  const record = {
    name,
    data: name === 'mnist' ? "loadMnist({ split: 'train' }), range [-1,1]" : "digitDomains({ seed: 0 }).b.train, range [-1,1]",
    trainCount: train.count,
    seed: SEED,
    epochs,
    batchSize: BATCH_SIZE,
    optimizer: `adam lr ${LEARNING_RATE}, x${DECAY_PER_EPOCH} per epoch`,
    backend: info.backend,
    parameters: model.countParams(),
    seconds,
    testAccuracy: log.at(-1)!.testAccuracy,
    log,
    featureScale: scale,
  };
  writeFileSync(join(dir, 'training.json'), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`saved ${dir}: test accuracy ${(record.testAccuracy * 100).toFixed(2)}% in ${seconds.toFixed(0)} s on ${info.backend}`);
}

await main();
