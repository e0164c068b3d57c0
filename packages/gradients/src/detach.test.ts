/**
 * `detach` and the detached activation masks. The masks' derivative is zero
 * almost everywhere, so detaching them must leave every second-order gradient
 * the same numbers while the tape computes less: checked exactly (=== per
 * element, so only the sign of a zero may differ) against the same gradient
 * with the mask left on the tape, for MLP and conv critics on cpu and wasm.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, seededUniform } from '@gankit/test-utils';
import { detach } from './detach.js';
import { GRADIENT_PATCHES } from './gradientPatches.js';
import { useBackend } from './testing/backends.js';

for (const backend of NODE_BACKENDS) {
  describe(`detach on ${backend}`, () => {
    it('is x, on the same data, with no gradient path: d/dv [v · detach(v)] = v', async () => {
      await useBackend(backend);
      const x = tf.tensor([3, -2, 0.5]);
      const before = tf.memory().numTensors;
      const held = detach(x);
      expect(held.dataId).toBe(x.dataId);
      expect(Array.from(held.dataSync())).toEqual([3, -2, 0.5]);
      const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(v, detach(v))))(x);
      expect(Array.from(g.dataSync())).toEqual([3, -2, 0.5]);
      held.dispose();
      g.dispose();
      // Disposing the detached tensor drops its own reference only.
      expect(tf.memory().numTensors).toBe(before);
      expect(Array.from(x.dataSync())).toEqual([3, -2, 0.5]);
      // A function of x only through detach is not a function of x, for tfjs's tape.
      expect(() => tf.grad((v: tf.Tensor) => tf.sum(detach(v)))(x)).toThrow(/Cannot compute gradient/);
      x.dispose();
      expect(() => detach(x)).toThrow(/disposed/);
    });
  });
}

/** The three masks as they were before they were detached: on the tape, with Step's zero gradient. */
const ATTACHED: tf.GradConfig[] = [
  { kernelName: tf.Relu, inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy as tf.Tensor, tf.step(x!)) }) },
  {
    kernelName: tf.LeakyRelu,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => {
      const alpha = (attrs as unknown as tf.LeakyReluAttrs).alpha;
      return { x: () => tf.mul(dy as tf.Tensor, tf.add(alpha, tf.mul(1 - alpha, tf.step(x!)))) };
    },
  },
  { kernelName: tf.Relu6, inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy as tf.Tensor, tf.sub(tf.step(x!), tf.step(tf.sub(x!, 6)))) }) },
];

const restore = (): void => {
  for (const config of GRADIENT_PATCHES) if (ATTACHED.some((a) => a.kernelName === config.kernelName)) tf.registerGradient(config);
};

/** ∂/∂θ of the WGAN-GP penalty mean (‖∇ₓD(x)‖ − 1)² and the kernels its computation ran. */
async function penaltyGradient(critic: (x: tf.Tensor, vars: tf.Variable[]) => tf.Tensor, vars: tf.Variable[], x: tf.Tensor): Promise<{ grads: Float32Array[]; kernels: number }> {
  let grads: Float32Array[] = [];
  const info = await tf.profile(() => {
    grads = tf.tidy(() => {
      const { grads: g } = tf.variableGrads(() => {
        const gx = tf.grad((v: tf.Tensor) => tf.sum(critic(v, vars)))(x);
        const axes = gx.shape.slice(1).map((_, i) => i + 1);
        return tf.mean(tf.square(tf.sub(tf.sqrt(tf.add(tf.sum(tf.square(gx), axes), 1e-12)), 1)));
      }, vars);
      // Detached, the biases of a ReLU MLP reach the penalty only through masks: no gradient at all, where tfjs computed zeros.
      return vars.map((v) => (g[v.name]?.dataSync() as Float32Array | undefined) ?? new Float32Array(v.size));
    });
  });
  return { grads, kernels: info.kernels.length };
}

const ACTS: [string, (x: tf.Tensor) => tf.Tensor][] = [
  ['relu', (x) => tf.relu(x)],
  ['leakyRelu', (x) => tf.leakyRelu(x, 0.2)],
  ['relu6', (x) => tf.relu6(tf.mul(x, 4))],
];

for (const backend of NODE_BACKENDS) {
  describe(`detached masks on ${backend}: ∂/∂θ of a gradient penalty is unchanged, with fewer kernels`, () => {
    afterAll(restore);
    for (const [name, act] of ACTS) {
      for (const kind of ['MLP', 'conv'] as const) {
        it(`${kind} critic with ${name}`, async () => {
          await useBackend(backend);
          const v = (shape: number[], seed: number, scale: number): tf.Variable => tf.variable(tf.tensor(seededUniform(tf.util.sizeFromShape(shape), seed, -scale, scale), shape));
          const vars =
            kind === 'MLP'
              ? [v([4, 6], 1, 0.8), v([6], 2, 0.3), v([6, 5], 3, 0.8), v([5], 4, 0.3), v([5, 1], 5, 0.8)]
              : [v([3, 3, 2, 3], 1, 0.6), v([3], 2, 0.2), v([3, 3, 3, 2], 3, 0.6), v([2], 4, 0.2), v([18, 1], 5, 0.6)];
          const critic = (x: tf.Tensor, [a, b, c, d, e]: tf.Variable[]): tf.Tensor =>
            kind === 'MLP'
              ? tf.matMul(act(tf.add(tf.matMul(act(tf.add(tf.matMul(x as tf.Tensor2D, a!), b!)) as tf.Tensor2D, c!), d!)) as tf.Tensor2D, e!)
              : tf.matMul(tf.reshape(act(tf.add(tf.conv2d(act(tf.add(tf.conv2d(x as tf.Tensor4D, a as tf.Tensor4D, 2, 'same'), b!)) as tf.Tensor4D, c as tf.Tensor4D, 1, 'same'), d!)), [-1, 18]) as tf.Tensor2D, e!);
          const x = kind === 'MLP' ? tf.tensor2d(seededUniform(5 * 4, 9, -1.5, 1.5), [5, 4]) : tf.tensor4d(seededUniform(3 * 6 * 6 * 2, 9), [3, 6, 6, 2]);
          restore();
          const detached = await penaltyGradient(critic, vars, x);
          ATTACHED.forEach((config) => tf.registerGradient(config));
          const attached = await penaltyGradient(critic, vars, x);
          restore();
          detached.grads.forEach((g, i) => {
            const a = attached.grads[i]!;
            expect(g.length).toBe(a.length);
            expect(Array.from(g).filter((value, j) => value !== a[j]).length).toBe(0);
          });
          // Something is learned at all (not every gradient zero), and the zeros' backward passes are gone.
          expect(detached.grads.some((g) => g.some((value) => value !== 0))).toBe(true);
          expect(detached.kernels).toBeLessThan(attached.kernels);
          tf.dispose([...vars, x]);
        });
      }
    }
  });
}
