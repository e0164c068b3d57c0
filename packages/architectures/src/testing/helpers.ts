import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectClose, seededUniform } from '@gankit/test-utils';

/** Outputs of `model.predict` as a list. */
export function predictAll(model: tf.LayersModel, inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  const out = model.predict(inputs);
  return Array.isArray(out) ? out : [out];
}

/**
 * Saves `model` through the `file://` router into a temporary directory, loads
 * it back with `tf.loadLayersModel`, and checks the loaded model predicts the
 * same outputs on `inputs` (tight tolerance: same weights, same kernels).
 * Returns the loaded model's layer class names, for tests that check them.
 */
export async function expectSaveLoadRoundTrip(model: tf.LayersModel, inputs: tf.Tensor | tf.Tensor[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gankit-architectures-'));
  try {
    await model.save(`file://${dir}/model`);
    const loaded = await tf.loadLayersModel(`file://${dir}/model/model.json`);
    try {
      const before = predictAll(model, inputs);
      const after = predictAll(loaded, inputs);
      if (before.length !== after.length) throw new Error(`round trip: ${before.length} outputs before, ${after.length} after`);
      before.forEach((b, i) => {
        const a = after[i]!;
        if (a.shape.join() !== b.shape.join()) throw new Error(`round trip: output ${i} shape ${a.shape} != ${b.shape}`);
        expectClose(a, b, { rtol: 1e-6, atol: 1e-7 });
      });
      tf.dispose([...before, ...after]);
      if (loaded.countParams() !== model.countParams()) {
        throw new Error(`round trip: ${loaded.countParams()} parameters after loading, ${model.countParams()} before`);
      }
      return loaded.layers.map((l) => l.getClassName());
    } finally {
      loaded.dispose();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A seeded uniform tensor in [lo, hi). */
export function uniform(shape: number[], seed: number, lo = -1, hi = 1): tf.Tensor {
  return tf.tensor(seededUniform(shape.reduce((a, b) => a * b, 1), seed, lo, hi), shape);
}

/** Class labels 0…numClasses−1, cycling, as a [batch, 1] tensor. */
export function labels(batch: number, numClasses: number): tf.Tensor2D {
  return tf.tensor2d(
    Array.from({ length: batch }, (_, i) => [i % numClasses]),
    [batch, 1],
  );
}

/** Output shapes of a model as plain arrays (batch dimension null). */
export function outputShapes(model: tf.LayersModel): (number | null)[][] {
  return model.outputs.map((o) => [...o.shape]);
}

/**
 * Asserts `build` throws an error matching `message` and left no tensors
 * (weights) behind: bad options must be rejected before any layer is made.
 */
export function expectRejectedBeforeWeights(build: () => unknown, message: RegExp): void {
  const before = tf.memory().numTensors;
  let error: unknown;
  try {
    build();
  } catch (err) {
    error = err;
  }
  if (!(error instanceof Error)) throw new Error(`expected the build to throw ${message}, but it did not`);
  if (!message.test(error.message)) throw new Error(`expected an error matching ${message}, got: ${error.message}`);
  const after = tf.memory().numTensors;
  if (after !== before) throw new Error(`the failed build left ${after - before} tensors behind (weights made before the check)`);
}

/** Snapshot of every trainable weight's values, by variable name. */
export function snapshot(model: tf.LayersModel | tf.layers.Layer): Map<string, Float32Array> {
  return new Map(model.trainableWeights.map((w) => [w.name, w.read().dataSync().slice() as Float32Array]));
}

/** Names of the weights in `before` whose values differ in `model` now. */
export function changedWeights(model: tf.LayersModel | tf.layers.Layer, before: Map<string, Float32Array>): string[] {
  return model.trainableWeights
    .filter((w) => {
      const old = before.get(w.name);
      const now = w.read().dataSync();
      return old === undefined || old.some((v, i) => v !== now[i]);
    })
    .map((w) => w.name);
}

/**
 * One SGD step on `loss` over the model's trainable weights (as trainers do:
 * an explicit var list), disposing the intermediates.
 */
export function sgdStep(model: tf.LayersModel | tf.layers.Layer, loss: () => tf.Scalar, learningRate = 0.1): void {
  const optimizer = tf.train.sgd(learningRate);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  tf.tidy(() => {
    optimizer.minimize(loss, false, vars);
  });
  optimizer.dispose();
}

/** The DCGAN sizes every image builder supports, with grayscale and RGB: [imageSize, channels]. */
export const IMAGE_CASES: [number, number][] = [
  [28, 1],
  [28, 3],
  [32, 1],
  [32, 3],
  [64, 1],
  [64, 3],
];

/**
 * Saves `model` with a `tf.io` memory handler and loads it back with
 * `tf.loadLayersModel(tf.io.fromMemory(…))`: the topology and weights as
 * `model.save` writes them, without a file system.
 */
export async function saveAndLoadInMemory(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (saved === undefined) throw new Error('saveAndLoadInMemory: the save handler was not called');
  return tf.loadLayersModel(tf.io.fromMemory(saved));
}

/** Every weight of a model (or layer) as plain arrays, in order, for equality checks. */
export function weightValues(model: tf.LayersModel | tf.layers.Layer): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

/**
 * Names of the trainable weights that get a non-zero gradient from
 * mean(output²) of output `output` (training mode), i.e. that the output's
 * loss reaches.
 */
export function weightsReachedFrom(model: tf.LayersModel, output: number, x: tf.Tensor): string[] {
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => {
    const outs = model.apply(x, { training: true }) as tf.Tensor[];
    return tf.mean(tf.square(outs[output]!));
  }, vars);
  const reached = Object.entries(grads)
    .filter(([, g]) => {
      const largest = tf.max(tf.abs(g));
      const nonZero = largest.dataSync()[0]! > 0;
      largest.dispose();
      return nonZero;
    })
    .map(([name]) => name);
  tf.dispose([value, ...Object.values(grads)]);
  return reached.sort();
}
