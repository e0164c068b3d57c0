import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, expectClose, finiteDifferenceGradient, mulberry32, relativeError, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { SpectralNormalization, spectralNorm, spectralNormEstimate, weightClipping } from './index.js';

/** A random m×n matrix with the given singular values: U diag(s) Vᵀ, U and V from Gram–Schmidt in float64. */
function matrixWithSingularValues(m: number, n: number, s: number[], seed: number): Float32Array {
  const rand = mulberry32(seed);
  const orthonormal = (rows: number, k: number): number[][] => {
    const cols: number[][] = [];
    while (cols.length < k) {
      const v = Array.from({ length: rows }, () => rand() - 0.5);
      for (const c of cols) {
        const d = v.reduce((acc, vi, i) => acc + vi * c[i]!, 0);
        for (let i = 0; i < rows; i++) v[i]! -= d * c[i]!;
      }
      const norm = Math.hypot(...v);
      cols.push(v.map((x) => x / norm));
    }
    return cols;
  };
  const u = orthonormal(m, s.length);
  const v = orthonormal(n, s.length);
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] = s.reduce((acc, sk, k) => acc + sk * u[k]![i]! * v[k]![j]!, 0);
  return out;
}

beforeAll(async () => {
  await initBackend({ quiet: true });
});

describe('weight clipping', () => {
  it('clips every variable to [−c, c] in place and leaves values inside untouched', () => {
    const a = tf.variable(tf.tensor1d([0.5, -0.02, 0.003, -0.5]));
    const b = tf.variable(tf.tensor2d([[0.011, -0.009]]));
    weightClipping({ clipValue: 0.01 }).apply([a, b]);
    expectClose(a, [0.01, -0.01, 0.003, -0.01], { atol: 1e-9 });
    expectClose(b, [0.01, -0.009], { atol: 1e-9 });
  });
  it('defaults to c = 0.01 (WGAN)', () => {
    const a = tf.variable(tf.tensor1d([1, -1]));
    weightClipping().apply([a]);
    expectClose(a, [0.01, -0.01], { atol: 1e-9 });
  });
  it('refuses c ≤ 0 and a list that is not of variables, by name', () => {
    expect(() => weightClipping({ clipValue: 0 })).toThrow("weightClipping: 'clipValue' must be a finite number > 0, got 0");
    expect(() => weightClipping().apply([tf.zeros([2])] as never)).toThrow("weightClipping.apply: 'variables' must be an array of tf.Variable");
  });
});

describe('spectralNormEstimate', () => {
  it('converges to the largest singular value of a matrix built with known singular values', () => {
    const w = tf.tensor2d(matrixWithSingularValues(12, 8, [3, 1.5, 0.7, 0.2], 1), [12, 8]);
    expectClose(spectralNormEstimate(w, { iterations: 60 }), 3, { rtol: 1e-4 });
  });
  it('never overestimates, and closes in on σ₁ even when σ₂/σ₁ = 0.95', () => {
    const w = tf.tensor2d(matrixWithSingularValues(10, 6, [2, 1.9, 0.5], 2), [10, 6]);
    const errors = [1, 20, 400].map((iterations) => 2 - spectralNormEstimate(w, { iterations }));
    // ‖WᵀW x‖/‖W x‖ ≤ σ₁ for every x, so each estimate is from below (up to float32 rounding).
    errors.forEach((e) => expect(e).toBeGreaterThanOrEqual(-1e-5));
    expect(errors[1]!).toBeLessThan(errors[0]!);
    expect(errors[2]!).toBeLessThan(1e-3);
  });
  it('reshapes a conv-transpose kernel on its output-channel axis', () => {
    // [h, w, out, in] = [1, 1, 4, 3]: the matrix is the kernel with out as columns.
    const m = matrixWithSingularValues(3, 4, [2.5, 1], 3); // rows: in (3), cols: out (4)
    const kernel = tf.tensor4d(m, [3, 4, 1, 1]).transpose([2, 3, 1, 0]); // → [1, 1, 4, 3]
    expectClose(spectralNormEstimate(kernel, { outAxis: 2 }), 2.5, { rtol: 1e-4 });
  });
  it('refuses a vector and a bad iteration count', () => {
    expect(() => spectralNormEstimate(tf.zeros([3]))).toThrow("spectralNormEstimate: 'weight' must have rank ≥ 2, got shape [3]");
    expect(() => spectralNormEstimate(tf.zeros([3, 3]), { iterations: 0 })).toThrow("'iterations' must be a finite integer ≥ 1, got 0");
  });
});

/** Runs `n` training forward passes, each advancing the power iteration once. */
function trainPasses(model: tf.LayersModel, x: tf.Tensor, n: number): void {
  for (let i = 0; i < n; i++) tf.dispose(tf.tidy(() => model.apply(x, { training: true }) as tf.Tensor));
}

for (const backend of NODE_BACKENDS) {
  describe(`spectral normalization on ${backend}`, () => {
    it('a wrapped Dense layer is 1-Lipschitz (ratio ≤ 1 + 1e-3 on random and worst-case pairs)', async () => {
      await useBackend(backend);
      const kernel = matrixWithSingularValues(6, 5, [4, 2, 1], 7);
      const inner = tf.layers.dense({ units: 5, weights: [tf.tensor2d(kernel, [6, 5]), tf.zeros([5])] });
      const input = tf.input({ shape: [6] });
      const model = tf.model({ inputs: input, outputs: spectralNorm(inner).apply(input) as tf.SymbolicTensor });
      trainPasses(model, tf.ones([2, 6]), 40);
      const rand = mulberry32(9);
      let worst = 0;
      for (let t = 0; t < 50; t++) {
        const a = tf.tensor2d(Array.from({ length: 6 }, () => rand() - 0.5), [1, 6]);
        const b = tf.tensor2d(Array.from({ length: 6 }, () => rand() - 0.5), [1, 6]);
        const ratio = tf.tidy(() => tf.norm(tf.sub(model.predict(a) as tf.Tensor, model.predict(b) as tf.Tensor)).dataSync()[0]! / tf.norm(tf.sub(a, b)).dataSync()[0]!);
        worst = Math.max(worst, ratio);
      }
      // The worst case: the top right-singular direction of the kernel (rows of Vᵀ ↔ inputs).
      const top = tf.tidy(() => {
        const w = tf.tensor2d(kernel, [6, 5]);
        let v = tf.ones([6, 1]);
        for (let i = 0; i < 100; i++) v = tf.div(tf.matMul(w, tf.matMul(w, v, true)), tf.norm(tf.matMul(w, tf.matMul(w, v, true))));
        return tf.reshape(v, [1, 6]);
      });
      const topRatio = tf.tidy(() => tf.norm(tf.sub(model.predict(top) as tf.Tensor, model.predict(tf.zeros([1, 6])) as tf.Tensor)).dataSync()[0]! / tf.norm(top).dataSync()[0]!);
      expect(worst).toBeLessThanOrEqual(1 + 1e-3);
      expectClose(topRatio, 1, { rtol: 1e-3 });
    });

    it('normalizes Conv2D and Conv2DTranspose kernels to σ(reshaped kernel) = 1', async () => {
      await useBackend(backend);
      for (const [layer, outAxis, shape] of [
        [tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }) }), 3, [1, 5, 5, 2]],
        [tf.layers.conv2dTranspose({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: tf.initializers.glorotUniform({ seed: 12 }) }), 2, [1, 5, 5, 2]],
      ] as const) {
        // Seeded kernel and u: the power iteration's convergence depends on both, so an unseeded test could fail by chance.
        const sn = new SpectralNormalization({ layer, seed: 5 });
        const input = tf.input({ shape: shape.slice(1) });
        const model = tf.model({ inputs: input, outputs: sn.apply(input) as tf.SymbolicTensor });
        trainPasses(model, tf.ones(shape as unknown as number[]), 60);
        const sigma = tf.tidy(() => spectralNormEstimate(sn.normalizedKernel(false), { outAxis, iterations: 200 }));
        expectClose(sigma, 1, { rtol: 2e-3 });
      }
    });

    it('its gradient with respect to the kernel matches finite differences (u held fixed)', async () => {
      await useBackend(backend);
      const inner = tf.layers.dense({ units: 3, activation: 'tanh', kernelInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 3 }) });
      const input = tf.input({ shape: [4] });
      const model = tf.model({ inputs: input, outputs: spectralNorm(inner).apply(input) as tf.SymbolicTensor });
      const x = tf.tensor2d(seededUniform(8, 4), [2, 4]);
      trainPasses(model, x, 3);
      const weights = tf.tensor2d(seededUniform(6, 5), [2, 3]);
      const loss = (): tf.Scalar => tf.sum(tf.mul(model.apply(x, { training: false }) as tf.Tensor, weights));
      const vars = inner.trainableWeights.map((w) => w.read() as tf.Variable);
      const analytic = tf.tidy(() => {
        const { grads } = tf.variableGrads(loss, vars);
        return vars.flatMap((v) => Array.from(grads[v.name]!.dataSync()));
      });
      const numeric = finiteDifferenceGradient(() => tf.tidy(() => loss().dataSync()[0]!), vars, 1e-3).flatMap((g) => Array.from(g));
      expect(relativeError(analytic, numeric)).toBeLessThanOrEqual(1e-2);
    });
  });
}

describe('spectral normalization: state and serialization', () => {
  it('advances u only in training passes', async () => {
    await useBackend('wasm');
    const sn = spectralNorm(tf.layers.dense({ units: 3 }));
    const input = tf.input({ shape: [4] });
    const model = tf.model({ inputs: input, outputs: sn.apply(input) as tf.SymbolicTensor });
    const u = (): number[] => Array.from(sn.nonTrainableWeights[0]!.read().dataSync());
    const before = u();
    model.predict(tf.ones([1, 4]));
    expect(u()).toEqual(before);
    tf.tidy(() => model.apply(tf.ones([1, 4]), { training: true }) as tf.Tensor);
    expect(u()).not.toEqual(before);
    expect(sn.trainableWeights.map((w) => w.name)).toEqual(sn.layer.trainableWeights.map((w) => w.name));
  });

  it('leaks no tensor in training or inference passes', async () => {
    await useBackend('wasm');
    const input = tf.input({ shape: [3] });
    const model = tf.model({ inputs: input, outputs: spectralNorm(tf.layers.dense({ units: 4 })).apply(input) as tf.SymbolicTensor });
    const x = tf.ones([2, 3]);
    trainPasses(model, x, 2);
    const before = tf.memory().numTensors;
    trainPasses(model, x, 20);
    for (let i = 0; i < 5; i++) tf.dispose(model.predict(x) as tf.Tensor);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('saves through file:// with u, and loads back with identical predictions', async () => {
    await useBackend('wasm');
    const input = tf.input({ shape: [6, 6, 1] });
    let h = spectralNorm(tf.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same' })).apply(input) as tf.SymbolicTensor;
    h = tf.layers.flatten().apply(tf.layers.leakyReLU({ alpha: 0.2 }).apply(h)) as tf.SymbolicTensor;
    const out = spectralNorm(tf.layers.dense({ units: 1 })).apply(h) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    const x = tf.randomNormal([2, 6, 6, 1], 0, 1, 'float32', 5);
    trainPasses(model, x, 5);
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'gankit-sn-')), 'critic');
    await model.save(`file://${dir}`);
    const loaded = await tf.loadLayersModel(`file://${dir}/model.json`);
    expect(loaded.layers.filter((l) => l instanceof SpectralNormalization)).toHaveLength(2);
    expectClose(loaded.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor, { rtol: 1e-6, atol: 1e-7 });
    expect(loaded.getWeights().length).toBe(model.getWeights().length);
  });

  it('refuses a layer it cannot normalize, naming the argument and the allowed classes', () => {
    expect(() => spectralNorm(tf.layers.batchNormalization())).toThrow(
      "SpectralNormalization: 'layer' must be one of Dense, Conv2D, Conv2DTranspose; got BatchNormalization",
    );
    expect(() => spectralNorm(tf.layers.dense({ units: 2 }), { powerIterations: 0 })).toThrow("'powerIterations' must be a finite integer ≥ 1, got 0");
  });
});
