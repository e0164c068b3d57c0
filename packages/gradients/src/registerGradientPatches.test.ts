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
    expect(gradients).toEqual(expect.arrayContaining(['Tanh', 'Sigmoid', 'Exp', 'Elu', 'LeakyRelu', 'Relu6', 'Relu', 'Softmax', 'MirrorPad', 'Greater', 'Less']));
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
