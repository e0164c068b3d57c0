import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, finiteDifferenceDirectional, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { patchDenseLayer, unpatchDenseLayer } from '../internal/denseLayer.js';
import { DENSE } from './dense.js';

/** A small critic 5 → 13 (ReLU) → 7 (ReLU, no bias) → 1 (linear) with seeded weights; odd sizes so SIMD tails run. */
function critic(seed: number): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [5], units: 13, activation: 'relu' }),
      tf.layers.dense({ units: 7, activation: 'relu', useBias: false }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  tf.tidy(() =>
    model.weights.forEach((w, i) => {
      const shape = w.shape as number[];
      w.write(tf.tensor(seededUniform(tf.util.sizeFromShape(shape), seed + i, -0.6, 0.6), shape));
    }),
  );
  return model;
}

/** The model's trainable weights as the variables `tf.variableGrads` takes. */
const variables = (model: tf.Sequential): tf.Variable[] => model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);

/** The critic's input: 9 rows of 5. */
const input = (seed: number): tf.Tensor2D => tf.tensor2d(seededUniform(45, seed, -2, 2), [9, 5]);

/**
 * What a WGAN-GP critic step differentiates, mean D(x) + λ·mean(‖∇ₓD(x)‖ − 1)²
 * with λ = 10, so its θ-gradient runs the dense layers' gradients again
 * (second order).
 */
function penaltyObjective(model: tf.Sequential, x: tf.Tensor): tf.Scalar {
  const inner = tf.grad((v: tf.Tensor) => tf.sum(model.apply(v, { training: true }) as tf.Tensor))(x);
  const norms = tf.sqrt(tf.add(tf.sum(tf.square(inner), 1), 1e-12));
  return tf.add(tf.mean(model.apply(x, { training: true }) as tf.Tensor), tf.mul(10, tf.mean(tf.square(tf.sub(norms, 1))))) as tf.Scalar;
}

/** The penalty objective's gradients: one per trainable weight (θ), then ∂/∂x. */
function penaltyGradients(model: tf.Sequential, x: tf.Tensor2D): tf.Tensor[] {
  return tf.tidy(() => {
    const vars = variables(model);
    const { grads } = tf.variableGrads(() => penaltyObjective(model, x), vars);
    const dx = tf.grad((xi: tf.Tensor) => penaltyObjective(model, xi))(x);
    return [...vars.map((v) => grads[v.name]!), dx];
  });
}

/** Values, gradients and second-order gradients of the critic, stock or patched. */
function run(patched: boolean, seed: number): { forward: Float32Array; first: Float32Array[]; second: Float32Array[] } {
  if (patched) patchDenseLayer();
  else unpatchDenseLayer();
  try {
    const model = critic(seed);
    const x = input(seed + 100);
    const forward = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync() as Float32Array);
    const vars = variables(model);
    const first = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => tf.sum(tf.square(model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar, vars);
      return vars.map((v) => grads[v.name]!.dataSync() as Float32Array);
    });
    const second = penaltyGradients(model, x).map((t) => {
      const d = t.dataSync() as Float32Array;
      t.dispose();
      return d;
    });
    x.dispose();
    model.dispose();
    return { forward, first, second };
  } finally {
    patchDenseLayer();
  }
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>, what: string): void => {
  expect(a.length, what).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]), `${what} at ${i}: ${a[i]} vs ${b[i]}`).toBe(true);
};

describe('GankitDense: tf.layers.dense in one launch (cpu and wasm)', () => {
  beforeAll(async () => {
    const info = await initBackend({ quiet: true });
    expect(info.patches.kernels).toContain('GankitDense (tf.layers.dense, linear or ReLU, in one launch, cpu and wasm)');
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`gives the stock layer's values, gradients and penalty gradients bit for bit on ${backend}`, async () => {
      await useBackend(backend);
      const before = tf.memory().numTensors;
      const stock = run(false, 7);
      const ours = run(true, 7);
      same(ours.forward, stock.forward, 'forward');
      stock.first.forEach((g, i) => same(ours.first[i]!, g, `first-order gradient ${i}`));
      stock.second.forEach((g, i) => same(ours.second[i]!, g, `penalty gradient ${i}`));
      // Not vacuous: the ReLU masks cut some units, and the gradients are not zero.
      expect(ours.second.every((g) => g.some((v) => v !== 0))).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`runs one GankitDense per layer while a tape records, with no BatchMatMul, Add, Relu or Reshape forward, on ${backend}`, async () => {
      await useBackend(backend);
      const model = critic(3);
      const x = input(4);
      const forwardKernels = async (): Promise<string[]> => {
        // The gradient's forward function runs while the tape records; its kernels come before the loss's Sum.
        const info = await tf.profile(() => tf.grad((v: tf.Tensor) => tf.sum(model.apply(v, { training: true }) as tf.Tensor))(x));
        (info.result as tf.Tensor).dispose();
        const all = info.kernels.map((k) => k.name);
        return all.slice(0, all.indexOf('Sum'));
      };
      expect(await forwardKernels()).toEqual([DENSE, DENSE, DENSE]);
      unpatchDenseLayer();
      try {
        const stock = await forwardKernels();
        expect(stock).toContain('Relu');
        expect(stock.length).toBeGreaterThan(6);
      } finally {
        patchDenseLayer();
      }
      x.dispose();
      model.dispose();
    });
  }

  it('has a penalty gradient that matches finite differences (cpu)', async () => {
    await useBackend('cpu');
    const model = critic(21);
    const x = input(22);
    const vars = variables(model);
    const grads = penaltyGradients(model, x);
    const direction = vars.map((v, i) => seededUniform(tf.util.sizeFromShape(v.shape), 300 + i, -1, 1));
    const analytic = grads.slice(0, vars.length).reduce((s, g, i) => s + Array.from(g.dataSync()).reduce((a, v, k) => a + v * direction[i]![k]!, 0), 0);
    const f = (): number => tf.tidy(() => penaltyObjective(model, x).dataSync()[0]!);
    const numeric = finiteDifferenceDirectional(f, vars, direction, 1e-3);
    expectClose(analytic, numeric, { rtol: 2e-2, atol: 2e-2 });
    expect(Math.abs(analytic)).toBeGreaterThan(0.1);
    grads.forEach((g) => g.dispose());
    x.dispose();
    model.dispose();
  });

  it('leaves other cases to tfjs: a rank-3 input, an ELU activation', async () => {
    await useBackend('wasm');
    const cases: [tf.layers.Layer, tf.Tensor][] = [
      [tf.layers.dense({ inputShape: [3, 4], units: 2, activation: 'relu' }), tf.ones([2, 3, 4])],
      [tf.layers.dense({ inputShape: [4], units: 2, activation: 'elu' }), tf.ones([2, 4])],
    ];
    for (const [layer, x] of cases) {
      const info = await tf.profile(() => layer.apply(x) as tf.Tensor);
      expect(info.kernels.map((k) => k.name)).not.toContain(DENSE);
      (info.result as tf.Tensor).dispose();
      x.dispose();
    }
  });

  it('names the input and what was expected when the kernel is given bad inputs', async () => {
    await useBackend('cpu');
    const run = (inputs: tf.NamedTensorMap, activation = 'relu'): unknown => tf.tidy(() => tf.engine().runKernel(DENSE, inputs, { activation }));
    expect(() => run({ x: tf.ones([2, 3]), W: tf.ones([4, 5]) })).toThrow(/'x' must be \[m, k\] and 'W' \[k, n\], got \[2,3\] and \[4,5\]/);
    expect(() => run({ x: tf.ones([2, 3]), W: tf.ones([3, 5]), bias: tf.ones([4]) })).toThrow(/'bias' must be \[5\]/);
    expect(() => run({ x: tf.ones([2, 3]), W: tf.ones([3, 5]) }, 'elu')).toThrow(/activation must be 'linear' or 'relu', got 'elu'/);
    expect(() => run({ x: tf.ones([2, 3], 'int32'), W: tf.ones([3, 5]) })).toThrow(/'x' must be float32, got int32/);
  });
});
