import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { FusedAdamOptimizer, fusedAdam } from './index.js';

let initial = 'wasm';
beforeAll(async () => {
  initial = (await initBackend({ quiet: true })).backend;
});
afterAll(async () => {
  await tf.setBackend(initial);
});

/** Variables of several shapes (a matrix, a bias, a scalar) with seeded values. */
function variables(tag: string): tf.Variable[] {
  return [
    tf.variable(tf.randomNormal([7, 5], 0, 1, 'float32', 1), true, `${tag}/w`),
    tf.variable(tf.randomNormal([5], 0, 1, 'float32', 2), true, `${tag}/b`),
    tf.variable(tf.scalar(0.3), true, `${tag}/s`),
  ];
}

/** A loss whose gradients vary in sign and scale (|g| from ~1e-6 to ~10), so every rounding path is exercised. */
function loss(vs: tf.Variable[], step: number): tf.Scalar {
  const [w, b, s] = vs as [tf.Variable, tf.Variable, tf.Variable];
  const x = tf.randomNormal([3, 7], 0, 1, 'float32', 100 + step);
  const y = tf.add(tf.matMul(x, w), b);
  return tf.add(tf.mean(tf.square(tf.sin(tf.mul(y, 3)))), tf.mul(tf.square(s), 1e-5 * (step + 1))) as tf.Scalar;
}

const values = (vs: tf.Variable[]): Float32Array[] => vs.map((v) => v.dataSync() as Float32Array);

/** Trains copies with stock Adam and the fused one; returns both final weights. */
function trainBoth(steps: number, rate: (step: number) => number, beta1 = 0.5, beta2 = 0.999, epsilon?: number): { stock: Float32Array[]; fused: Float32Array[] } {
  const a = variables('stock');
  const b = variables('fused');
  const stock = tf.train.adam(rate(0), beta1, beta2, epsilon);
  const fused = fusedAdam(rate(0), beta1, beta2, epsilon);
  for (let t = 0; t < steps; t++) {
    // The trainers' learning-rate decay sets this field between steps.
    (stock as unknown as { learningRate: number }).learningRate = rate(t);
    (fused as unknown as { learningRate: number }).learningRate = rate(t);
    stock.minimize(() => loss(a, t), false, a);
    fused.minimize(() => loss(b, t), false, b);
  }
  const out = { stock: values(a), fused: values(b) };
  tf.dispose([...a, ...b]);
  stock.dispose();
  fused.dispose();
  return out;
}

describe.each(['cpu', 'wasm'])('fusedAdam on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('runs one kernel per step where stock Adam runs ~14 per variable', async () => {
    expect(FusedAdamOptimizer.fusedOnActiveBackend()).toBe(true);
    const vs = variables('count');
    const grads = vs.map((v) => ({ name: v.name, tensor: tf.onesLike(v) }));
    const fused = fusedAdam(0.01);
    const stock = tf.train.adam(0.01);
    fused.applyGradients(grads);
    stock.applyGradients(grads);
    const kernels = async (o: tf.Optimizer): Promise<string[]> => (await tf.profile(() => o.applyGradients(grads))).kernels.map((k) => k.name);
    expect(await kernels(fused)).toEqual(['GankitFusedAdam']);
    expect((await kernels(stock)).length).toBeGreaterThanOrEqual(14 * vs.length);
    tf.dispose([...vs, ...grads.map((g) => g.tensor)]);
    fused.dispose();
    stock.dispose();
  });

  it('gives bit-for-bit the weights of tf.train.adam over 30 steps, with a changing learning rate', () => {
    const { stock, fused } = trainBoth(30, (t) => 1e-2 * (1 - t / 40));
    fused.forEach((f, i) => expect(Array.from(f)).toEqual(Array.from(stock[i]!)));
    // The run moved the weights: the comparison is not of two untouched copies.
    const start = variables('start');
    expect(Array.from(fused[0]!)).not.toEqual(Array.from(start[0]!.dataSync()));
    tf.dispose(start);
  });

  it('matches with other betas and an explicit epsilon', () => {
    const { stock, fused } = trainBoth(12, () => 3e-3, 0.9, 0.99, 1e-8);
    fused.forEach((f, i) => expect(Array.from(f)).toEqual(Array.from(stock[i]!)));
  });

  it('skips a variable without a gradient and keeps its moments in the stock layout', async () => {
    const vs = variables('skip');
    const fused = fusedAdam(0.1);
    const before = vs[2]!.dataSync()[0];
    fused.applyGradients([
      { name: vs[0]!.name, tensor: tf.onesLike(vs[0]!) },
      { name: vs[1]!.name, tensor: tf.onesLike(vs[1]!) },
      { name: vs[2]!.name, tensor: null as unknown as tf.Tensor },
    ]);
    expect(vs[2]!.dataSync()[0]).toBe(before);
    const weights = await fused.getWeights();
    expect(weights.map((w) => w.name)).toEqual(['iter', 'skip/w/m', 'skip/b/m', 'skip/s/m', 'skip/w/v', 'skip/b/v', 'skip/s/v']);
    tf.dispose(vs);
    fused.dispose();
  });

  it("resumes from the stock optimizer's state, and the stock one from its, as stock resumes from stock", async () => {
    // Train 5 steps with one kind, move its state (getWeights → setWeights) into a new optimizer, train 5 more.
    // (tfjs's setWeights recomputes β₁ᵗ as a power, which differs in the last bit from the running
    // product, so a resumed run is compared with a resumed stock run, not with an uninterrupted one.)
    type Kind = 'stock' | 'fused';
    const run = async (first: Kind, second: Kind): Promise<Float32Array[]> => {
      const vs = variables(`resume-${first}-${second}`);
      const make = (kind: Kind): tf.Optimizer => (kind === 'stock' ? tf.train.adam(0.02, 0.5) : fusedAdam(0.02, 0.5));
      const a = make(first);
      for (let t = 0; t < 5; t++) a.minimize(() => loss(vs, t), false, vs);
      const b = make(second);
      await b.setWeights((await a.getWeights()).map((w) => ({ name: w.name, tensor: w.tensor.clone() })));
      for (let t = 5; t < 10; t++) b.minimize(() => loss(vs, t), false, vs);
      const out = values(vs);
      tf.dispose(vs);
      a.dispose();
      b.dispose();
      return out;
    };
    const reference = await run('stock', 'stock');
    for (const [first, second] of [['stock', 'fused'], ['fused', 'stock'], ['fused', 'fused']] as const) {
      const resumed = await run(first, second);
      resumed.forEach((r, i) => expect(Array.from(r)).toEqual(Array.from(reference[i]!)));
    }
  });

  it('leaks no tensors', () => {
    const vs = variables('leak');
    const fused = fusedAdam(0.01);
    fused.minimize(() => loss(vs, 0), false, vs);
    const n = tf.memory().numTensors;
    for (let t = 1; t < 4; t++) fused.minimize(() => loss(vs, t), false, vs);
    expect(tf.memory().numTensors).toBe(n);
    tf.dispose(vs);
    fused.dispose();
  });
});

describe('fusedAdam options', () => {
  it('names a bad argument', () => {
    expect(() => fusedAdam(-1)).toThrow(/fusedAdam: 'learningRate' must be a finite number ≥ 0, got -1/);
    expect(() => fusedAdam(0.1, Number.NaN)).toThrow(/'beta1'/);
    expect(() => fusedAdam(0.1, 1)).toThrow(/'beta1' and 'beta2' must be below 1/);
  });
});
