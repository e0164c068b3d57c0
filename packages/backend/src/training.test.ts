import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, useBackend } from '@gankit/test-utils';
import { initBackend } from './index.node.js';

/** A conv2d + conv2dTranspose autoencoder, the layers stock tfjs cannot train on wasm. */
function autoencoder(): tf.LayersModel {
  const init = tf.initializers.glorotUniform({ seed: 7 });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: init }),
      tf.layers.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: init }),
    ],
  });
}

describe('a conv + conv-transpose model trains after initBackend()', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });
  for (const backend of NODE_BACKENDS) {
    it(`on ${backend}: 40 Adam steps halve the loss, and no tensor leaks`, async () => {
      await useBackend(backend);
      const model = autoencoder();
      const x = tf.randomUniform([8, 8, 8, 1], -1, 1, 'float32', 3);
      const opt = tf.train.adam(0.02);
      const loss = (): tf.Scalar => tf.losses.meanSquaredError(x, model.apply(x) as tf.Tensor) as tf.Scalar;
      const losses: number[] = [];
      let tensorsAfterFirst = 0;
      for (let i = 0; i < 40; i++) {
        const cost = opt.minimize(loss, true, model.trainableWeights.map((w) => w.read() as tf.Variable))!;
        losses.push(cost.dataSync()[0]!);
        cost.dispose();
        if (i === 0) tensorsAfterFirst = tf.memory().numTensors;
      }
      expect(tf.memory().numTensors).toBe(tensorsAfterFirst);
      expect(losses[39]!).toBeLessThan(0.5 * losses[0]!);
      x.dispose();
      opt.dispose();
      model.dispose();
    });
  }
});
