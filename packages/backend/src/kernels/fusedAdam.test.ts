import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { FUSED_ADAM } from './fusedAdam.js';

describe('GankitFusedAdam on wasm (SIMD)', () => {
  beforeAll(async () => {
    const info = await initBackend({ quiet: true });
    expect(info.patches.kernels).toContain('GankitFusedAdam (SIMD)');
    await useBackend('wasm');
  });

  it('is the SIMD kernel', () => {
    expect((tf.getKernel(FUSED_ADAM, 'wasm') as { gankitSimd?: boolean } | undefined)?.gankitSimd).toBe(true);
  });

  it('updates variables of 1, 3, 4, 7 and 1000 values bit-for-bit as tf.train.adam does, over 5 steps', () => {
    const sizes = [1, 3, 4, 7, 1000];
    const make = (tag: string): tf.Variable[] => sizes.map((n, i) => tf.variable(tf.tensor1d(seededUniform(n, 10 + i)), true, `${tag}${i}`));
    const stockVars = make('stock');
    const fusedVars = make('fused');
    const stock = tf.train.adam(0.01, 0.5, 0.999, 1e-8);
    // The kernel's state, as @gankit/trainers' FusedAdamOptimizer keeps it.
    let acc: tf.Tensor[] = [tf.scalar(0.5), tf.scalar(0.999)];
    let moments = sizes.map((n) => [tf.zeros([n]), tf.zeros([n])]);
    for (let step = 0; step < 5; step++) {
      const grads = sizes.map((n, i) => tf.tensor1d(seededUniform(n, 100 * step + i).map((v) => v * 10 ** ((i % 3) - 1))));
      stock.applyGradients(stockVars.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
      const inputs: tf.NamedTensorMap = { accBeta1: acc[0]!, accBeta2: acc[1]! };
      fusedVars.forEach((v, i) => {
        inputs[`value${i}`] = v;
        inputs[`gradient${i}`] = grads[i]!;
        inputs[`m${i}`] = moments[i]![0]!;
        inputs[`v${i}`] = moments[i]![1]!;
      });
      const out = tf.engine().runKernel(FUSED_ADAM, inputs, { count: sizes.length, beta1: 0.5, beta2: 0.999, epsilon: 1e-8, learningRate: 0.01 } as unknown as tf.NamedAttrMap) as tf.Tensor[];
      tf.dispose([...acc, ...moments.flat(), ...grads]);
      acc = [out[0]!, out[1]!];
      fusedVars.forEach((v, i) => v.assign(out[2 + 3 * i]!));
      moments = sizes.map((_, i) => [out[3 + 3 * i]!, out[4 + 3 * i]!]);
      tf.dispose(sizes.map((_, i) => out[2 + 3 * i]!));
    }
    fusedVars.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(stockVars[i]!.dataSync())));
    expect(Array.from(fusedVars[4]!.dataSync())).not.toEqual(Array.from(seededUniform(1000, 14)));
    tf.dispose([...stockVars, ...fusedVars, ...acc, ...moments.flat()]);
    stock.dispose();
  });
});
