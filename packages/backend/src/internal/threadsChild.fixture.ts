/**
 * Test fixture (run as its own Node process by nodeWasmThreads.test.ts): trains
 * a conv + conv-transpose + dense model three Adam steps — XNNPACK conv and
 * matmul, gankit's filter-gradient kernel, a dense layer big enough for the
 * SIMD gemm to split its rows over the threads (16×6,272·6,272×256), wasm
 * memory grown past 250 MB —
 * and prints the thread count and a digest of the final weights' bits.
 */
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { initBackend } from '../index.node.js';

const info = await initBackend({ quiet: true });
const x = tf.randomNormal<tf.Rank.R4>([16, 28, 28, 1], 0, 1, 'float32', 1);
const big = tf.zeros([64, 1024, 1024]);
big.dataSync();
big.dispose();
const f1 = tf.variable(tf.randomNormal<tf.Rank.R4>([5, 5, 1, 32], 0, 0.1, 'float32', 2));
const f2 = tf.variable(tf.randomNormal<tf.Rank.R4>([5, 5, 1, 32], 0, 0.1, 'float32', 3));
const w = tf.variable(tf.randomNormal<tf.Rank.R2>([14 * 14 * 32, 256], 0, 0.02, 'float32', 4));
const opt = tf.train.adam(1e-2);
for (let i = 0; i < 3; i++) {
  opt.minimize(
    () => {
      const h = tf.leakyRelu(tf.conv2d(x, f1, 2, 'same'), 0.2);
      const y = tf.conv2dTranspose(h, f2, [16, 28, 28, 1], 2, 'same');
      const z = tf.matMul(tf.reshape(h, [16, -1]), w);
      return tf.add(tf.mean(tf.square(tf.sub(y, x))), tf.mean(tf.square(z)));
    },
    false,
    [f1, f2, w],
  );
}
const digest = createHash('sha256');
for (const v of [f1, f2, w]) digest.update(Buffer.from((v.dataSync() as Float32Array).buffer));
console.log(JSON.stringify({ threads: info.threads, digest: digest.digest('hex') }));
