import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { GRADIENT_PATCHES } from './gradientPatches.js';
import { PATCH_STATE_KEY } from './internal/patchState.js';
import { registerGradientPatches } from './registerGradientPatches.js';
import { tanhGradConfig } from './tanhGrad.js';

describe('registerGradientPatches', () => {
  it('registers every config in GRADIENT_PATCHES as the gradient of its kernel', () => {
    registerGradientPatches();
    for (const config of GRADIENT_PATCHES) expect(tf.getGradient(config.kernelName)).toBe(config);
  });

  it('reports the kernels it replaced, in GRADIENT_PATCHES order', () => {
    const { gradients } = registerGradientPatches();
    expect(gradients).toEqual(GRADIENT_PATCHES.map((g) => g.kernelName));
    expect(gradients).toEqual(expect.arrayContaining(['Tanh', 'Sigmoid', 'Exp', 'Elu', 'LeakyRelu', 'Relu6', 'Relu', 'Multiply', 'Square', 'Sqrt', 'Softmax', 'MirrorPad', 'Greater', 'Less']));
  });

  it("Relu's gradient launches no Cast (stock tfjs casts Step's float32 output to float32)", async () => {
    registerGradientPatches();
    const x = tf.tensor1d([-1, 2, -3, 4]);
    const info = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(tf.relu(t)))(x));
    const kernels = info.kernels.map((k) => k.name);
    expect(kernels).toContain('Step');
    expect(kernels).not.toContain('Cast');
    expect(Array.from((info.result as tf.Tensor).dataSync())).toEqual([0, 1, 0, 1]);
    tf.dispose([x, info.result as tf.Tensor]);
  });

  it("Multiply's, Square's and Sqrt's gradients launch no Cast for float32 operands, and give stock tfjs's values to second order", async () => {
    const { stock } = registerGradientPatches();
    const patched = [tf.Multiply, tf.Square, tf.Sqrt];
    // f(a, b) = Σ √((a ⊙ b)² + 1) with b broadcast over rows: ∂f/∂a = ab² / √((ab)² + 1).
    const a = tf.tensor2d([[0.5, -1.5, 2], [3, -0.25, 1]]);
    const b = tf.tensor1d([1.5, -2, 0.75]);
    const f = (x: tf.Tensor, y: tf.Tensor): tf.Scalar => tf.sum(tf.sqrt(tf.add(tf.square(tf.mul(x, y)), 1)));
    // Second order: ∂/∂b of ‖∂f/∂a‖² goes through the gradient's own products.
    const secondOrder = (): tf.Tensor => tf.grad((y: tf.Tensor) => tf.sum(tf.square(tf.grad((x: tf.Tensor) => f(x, y))(a))))(b);
    const info = await tf.profile(() => tf.grads(f)([a, b]));
    expect(info.kernels.map((k) => k.name)).not.toContain('Cast');
    const [da, db] = info.result as tf.Tensor[];
    const second = secondOrder();
    for (const k of patched) tf.registerGradient(stock.get(k)!);
    try {
      const [sa, sb] = tf.grads(f)([a, b]);
      expect(Array.from(da!.dataSync())).toEqual(Array.from(sa!.dataSync()));
      expect(Array.from(db!.dataSync())).toEqual(Array.from(sb!.dataSync()));
      expect(Array.from(second.dataSync())).toEqual(Array.from(secondOrder().dataSync()));
      // And the closed form.
      const expected = [[0.5, -1.5, 2], [3, -0.25, 1]].flatMap((row) => row.map((v, j) => (v * [1.5, -2, 0.75][j]! ** 2) / Math.sqrt((v * [1.5, -2, 0.75][j]!) ** 2 + 1)));
      Array.from(da!.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    } finally {
      for (const k of patched) tf.registerGradient(GRADIENT_PATCHES.find((g) => g.kernelName === k)!);
    }
    // An int32 operand is still cast, as stock tfjs does.
    const n = tf.tensor1d([1, 2, 3], 'int32');
    const dn = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(x, n)))(tf.tensor1d([1, 1, 1]));
    expect(Array.from(dn.dataSync())).toEqual([1, 2, 3]);
  });

  it("records tfjs's stock configs: Tanh's saves its output, the comparison ops had none", () => {
    const { stock } = registerGradientPatches();
    const tanh = stock.get(tf.Tanh);
    expect(tanh).toBeDefined();
    expect(tanh).not.toBe(tanhGradConfig);
    expect(tanh!.outputsToSave).toEqual([true]);
    expect(stock.has(tf.Greater)).toBe(true);
    expect(stock.get(tf.Greater)).toBeUndefined();
  });

  it('is idempotent: a second call registers nothing again and returns the same record', () => {
    const first = registerGradientPatches();
    // Put tfjs's own Tanh gradient back: a call that registered again would replace it.
    tf.registerGradient(first.stock.get(tf.Tanh)!);
    const second = registerGradientPatches();
    const after = tf.getGradient(tf.Tanh);
    tf.registerGradient(tanhGradConfig);
    expect(after).toBe(first.stock.get(tf.Tanh));
    expect(second.gradients).toEqual(first.gradients);
    expect([...second.stock]).toEqual([...first.stock]);
  });

  it("a second copy of the package shares the record, so it does not take gankit's configs for tfjs's", async () => {
    const first = registerGradientPatches();
    vi.resetModules();
    const copy = await import('./registerGradientPatches.js');
    expect(copy.registerGradientPatches).not.toBe(registerGradientPatches);
    const second = copy.registerGradientPatches();
    expect(second.stock.get(tf.Tanh)).toBe(first.stock.get(tf.Tanh));
    expect(second.gradients).toEqual(first.gradients);
    expect(tf.getGradient(tf.Tanh)).toBe(tanhGradConfig);
  });

  it('keeps the record on the global object under a Symbol.for key', () => {
    registerGradientPatches();
    const record = (globalThis as unknown as Record<symbol, { applied?: boolean } | undefined>)[Symbol.for('@gankit/gradients/patches')];
    expect(PATCH_STATE_KEY).toBe(Symbol.for('@gankit/gradients/patches'));
    expect(record?.applied).toBe(true);
  });
});
