import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { NODE_BACKENDS, expectClose, finiteDifferenceGradient, seededUniform, useBackend } from '@gankit/test-utils';
import '../register.js';
import { BatchNormalization, batchNormalization } from './batchNormalization.js';
import { expectSaveLoadRoundTrip } from '../testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

const OPTIONS = { momentum: 0.9, epsilon: 1e-5 };

/** tfjs's own layer, looked up as tfjs registers it: the reference. */
const stockLayer = (): tf.layers.Layer => {
  const layer = tf.layers.batchNormalization(OPTIONS);
  expect(layer).not.toBeInstanceOf(BatchNormalization);
  return layer;
};

/** Builds the layer for `shape` and sets γ, β and the moving statistics to seeded values. */
function prepared(layer: tf.layers.Layer, shape: number[]): tf.layers.Layer {
  tf.tidy(() => {
    layer.apply(tf.zeros(shape));
    const c = shape[shape.length - 1]!;
    layer.setWeights([tf.tensor1d(seededUniform(c, 11, 0.5, 2)), tf.tensor1d(seededUniform(c, 12)), tf.tensor1d(seededUniform(c, 13)), tf.tensor1d(seededUniform(c, 14, 0.5, 2))]);
  });
  return layer;
}

/** A training-mode forward pass, the loss Σ y·w, and its gradients with respect to x, γ and β; plus the moving statistics after. */
function trainStep(layer: tf.layers.Layer, x: tf.Tensor): { y: Float32Array; grads: Float32Array[]; moving: Float32Array[] } {
  const w = tf.tensor(seededUniform(x.size, 21), x.shape);
  const f = (xs: tf.Tensor): tf.Scalar => tf.sum(tf.mul(layer.apply(xs, { training: true }) as tf.Tensor, w));
  const { value, grads } = tf.variableGrads(() => f(x), layer.trainableWeights.map((v) => v.read() as tf.Variable));
  const dx = tf.grad(f)(x);
  const y = layer.apply(x, { training: true }) as tf.Tensor;
  const out = {
    y: y.dataSync() as Float32Array,
    grads: [dx, ...Object.values(grads)].map((g) => g.dataSync() as Float32Array),
    moving: layer.nonTrainableWeights.map((v) => v.read().dataSync() as Float32Array),
  };
  tf.dispose([w, value, dx, y, ...Object.values(grads)]);
  return out;
}

describe('BatchNormalization (gankit)', () => {
  it('is registered under tfjs’s class name and saves the same config as tfjs’s layer', () => {
    const ours = batchNormalization(OPTIONS);
    expect(ours.getClassName()).toBe('BatchNormalization');
    expect(tf.serialization.SerializationMap.getMap().classNameMap['BatchNormalization']![0]).toBe(BatchNormalization);
    const stock = stockLayer();
    const { name: _a, ...oursConfig } = ours.getConfig();
    const { name: _b, ...stockConfig } = stock.getConfig();
    expect(oursConfig).toEqual(stockConfig);
  });

  for (const backend of NODE_BACKENDS) {
    for (const shape of [
      [8, 5, 6, 7],
      [16, 12],
    ]) {
      it(`${backend}, [${shape.join(', ')}]: the training step — output, ∂/∂x, ∂/∂γ, ∂/∂β and the moving statistics — matches tfjs’s layer`, async () => {
        await useBackend(backend);
        const x = tf.tensor(seededUniform(shape.reduce((a, b) => a * b, 1), 3, -2, 3), shape);
        const stock = trainStep(prepared(stockLayer(), shape), x);
        const before = tf.memory().numTensors;
        const ours = trainStep(prepared(batchNormalization(OPTIONS), shape), x);
        // Each call above adds the layer's weights once; nothing else may stay.
        expect(tf.memory().numTensors - before).toBe(4);
        expectClose(ours.y, stock.y, { rtol: 1e-4, atol: 1e-5 });
        ours.grads.forEach((g, i) => expectClose(g, stock.grads[i]!, { rtol: 1e-3, atol: 1e-4 }));
        ours.moving.forEach((m, i) => expectClose(m, stock.moving[i]!, { rtol: 1e-5, atol: 1e-6 }));
        x.dispose();
      });
    }
  }

  it('runs the fused kernel in training (one GankitInstanceNorm forward, one GankitInstanceNormGrad backward) and tfjs’s code in inference', async () => {
    await useBackend('wasm');
    const layer = prepared(batchNormalization(OPTIONS), [4, 3, 3, 5]);
    const x = tf.tensor(seededUniform(4 * 3 * 3 * 5, 4), [4, 3, 3, 5]);
    const names = async (f: () => tf.Tensor): Promise<string[]> => (await tf.profile(() => f())).kernelNames;
    const training = await names(() => tf.grad((xs: tf.Tensor) => tf.sum(layer.apply(xs, { training: true }) as tf.Tensor))(x));
    expect(training.filter((k) => k === 'GankitInstanceNorm')).toHaveLength(1);
    expect(training.filter((k) => k === 'GankitInstanceNormGrad')).toHaveLength(1);
    expect(training).not.toContain('FusedBatchNorm');
    const inference = await names(() => layer.apply(x) as tf.Tensor);
    expect(inference).toContain('FusedBatchNorm');
    expect(inference).not.toContain('GankitInstanceNorm');
    // With the same (moved) moving statistics, inference is tfjs's own computation: the same numbers exactly.
    const stock = prepared(stockLayer(), [4, 3, 3, 5]);
    stock.setWeights(layer.getWeights());
    expectClose(layer.apply(x) as tf.Tensor, stock.apply(x) as tf.Tensor, { rtol: 0, atol: 0 });
  });

  it('has ∂L/∂x equal to central finite differences (cpu)', async () => {
    await useBackend('cpu');
    const shape = [6, 2, 2, 3];
    const layer = prepared(batchNormalization(OPTIONS), shape);
    const x = tf.variable(tf.tensor(seededUniform(6 * 2 * 2 * 3, 5, -1, 1), shape));
    const w = tf.tensor(seededUniform(x.size, 6), shape);
    // Training mode also moves the moving statistics; they do not enter the output.
    const loss = (): tf.Scalar => tf.sum(tf.mul(tf.square(layer.apply(x, { training: true }) as tf.Tensor), w));
    const numeric = finiteDifferenceGradient(() => tf.tidy(() => loss().dataSync()[0]!), [x], 1e-2)[0]!;
    const g = tf.variableGrads(loss, [x]).grads[x.name]!;
    expectClose(g, numeric, { rtol: 2e-2, atol: 2e-3 });
  });

  it('differentiates twice as tfjs’s layer does (a gradient penalty through it)', async () => {
    for (const backend of NODE_BACKENDS) {
      await useBackend(backend);
      const shape = [6, 4];
      const x = tf.tensor(seededUniform(24, 7), shape);
      // Per variable (γ, β, the dense kernel, its bias): the penalty's gradient, or null where the penalty does not depend on it (the bias).
      const penaltyGrads = (layer: tf.layers.Layer): (Float32Array | null)[] => {
        const dense = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.constant({ value: 0.3 }) });
        const d = (xs: tf.Tensor): tf.Tensor => dense.apply(tf.tanh(layer.apply(xs, { training: true }) as tf.Tensor)) as tf.Tensor;
        tf.tidy(() => {
          d(x);
        });
        const vars = [...layer.trainableWeights, ...dense.trainableWeights].map((v) => v.read() as tf.Variable);
        const { value, grads } = tf.variableGrads(() => tf.tidy(() => tf.sum(tf.square(tf.grad((xs: tf.Tensor) => tf.sum(d(xs)))(x)))), vars);
        const out = vars.map((v) => (grads[v.name] === undefined ? null : (grads[v.name]!.dataSync() as Float32Array)));
        tf.dispose([value, ...Object.values(grads)]);
        dense.dispose();
        return out;
      };
      const stock = penaltyGrads(prepared(stockLayer(), shape));
      const ours = penaltyGrads(prepared(batchNormalization(OPTIONS), shape));
      expect(ours.map((g) => g !== null)).toEqual([true, true, true, false]);
      expect(stock.map((g) => g !== null)).toEqual([true, true, true, false]);
      ours.forEach((g, i) => {
        if (g !== null) expectClose(g, stock[i]!, { rtol: 2e-3, atol: 1e-4 });
      });
      x.dispose();
    }
  });

  it('falls back to tfjs’s code where the kernel is not registered: the same numbers exactly', async () => {
    await useBackend('cpu');
    const shape = [5, 4];
    const x = tf.tensor(seededUniform(20, 8), shape);
    const stock = trainStep(prepared(stockLayer(), shape), x);
    const kernels = ['GankitInstanceNorm'].map((k) => tf.getKernel(k, 'cpu')!);
    for (const k of kernels) tf.unregisterKernel(k.kernelName, 'cpu');
    try {
      const ours = trainStep(prepared(batchNormalization(OPTIONS), shape), x);
      expect(Array.from(ours.y)).toEqual(Array.from(stock.y));
      ours.grads.forEach((g, i) => expect(Array.from(g)).toEqual(Array.from(stock.grads[i]!)));
    } finally {
      for (const k of kernels) tf.registerKernel(k);
    }
    x.dispose();
  });

  it('saves and loads as a BatchNormalization of this class, giving the same outputs', async () => {
    await useBackend('wasm');
    const input = tf.input({ shape: [3, 3, 4] });
    const model = tf.model({ inputs: input, outputs: prepared(batchNormalization(OPTIONS), [2, 3, 3, 4]).apply(input) as tf.SymbolicTensor });
    await expectSaveLoadRoundTrip(model, tf.tensor(seededUniform(2 * 36, 9), [2, 3, 3, 4]));
  });
});
