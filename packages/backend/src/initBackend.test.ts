import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { initBackend } from './index.node.js';

describe('initBackend in Node', () => {
  afterEach(() => {
    delete process.env['GANKIT_BACKEND'];
  });

  it('chooses wasm with SIMD, one thread, and reports the patches it registered', async () => {
    const info = await initBackend();
    expect(info).toMatchObject({ backend: 'wasm', platform: 'node', simd: true, threads: 1 });
    expect(tf.getBackend()).toBe('wasm');
    expect(info.patches.kernels).toEqual(
      expect.arrayContaining(['Conv2DBackpropFilter', 'UnsortedSegmentSum', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput']),
    );
    expect(info.patches.gradients).toEqual(expect.arrayContaining(['Tanh', 'Sigmoid', 'Exp', 'Elu', 'LeakyRelu', 'Relu6', 'Softmax', 'Greater', 'Less']));
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('refuses options that are not an object, naming the argument', async () => {
    await expect(initBackend(null as never)).rejects.toThrow(/initBackend: 'options' must be an object, got null/);
    await expect(initBackend('wasm' as never)).rejects.toThrow(/'options' must be an object, got wasm/);
  });

  it('is idempotent: a second call returns the same result', async () => {
    const a = await initBackend();
    const b = await initBackend();
    expect(b).toBe(a);
  });

  it('is forced to cpu by the option, and back to wasm by a later call', async () => {
    expect((await initBackend({ backend: 'cpu', quiet: true })).backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect((await initBackend()).backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('is forced by GANKIT_BACKEND', async () => {
    process.env['GANKIT_BACKEND'] = 'cpu';
    expect((await initBackend({ quiet: true })).backend).toBe('cpu');
  });

  it('refuses an unknown backend, naming where it came from and the allowed values', async () => {
    await expect(initBackend({ backend: 'gpu' as never })).rejects.toThrow(
      "initBackend: option 'backend' must be one of wasm, cpu, tensorflow, webgl, webgpu; got 'gpu'",
    );
    process.env['GANKIT_BACKEND'] = 'cuda';
    await expect(initBackend()).rejects.toThrow(/GANKIT_BACKEND must be one of .*got 'cuda'/);
  });

  it("explains that 'tensorflow' needs tfjs-node, which is not installed", async () => {
    await expect(initBackend({ backend: 'tensorflow' })).rejects.toThrow(/not registered \(install and import @tensorflow\/tfjs-node first\)/);
  });
});
