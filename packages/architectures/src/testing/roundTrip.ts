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
