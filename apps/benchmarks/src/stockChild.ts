/**
 * Child process: the hand-written loops on STOCK tfjs — no gankit import, so
 * none of its kernels or gradient patches. argv: workload backend batch steps.
 * Prints one JSON line: { msPerStep } or { error }.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { dcganDiscriminator, dcganGenerator, handDcganStep, handWganGpStep, mlp } from './workload.js';

const [workload, backend, batchArg, stepsArg] = process.argv.slice(2);
const batch = Number(batchArg);
const steps = Number(stepsArg);
await tf.setBackend(backend!);
await tf.ready();
try {
  const times: number[] = [];
  if (workload === 'dcgan') {
    const step = handDcganStep(dcganGenerator(), dcganDiscriminator(), { g: tf.train.adam(2e-4, 0.5), d: tf.train.adam(2e-4, 0.5) });
    const real = tf.randomUniform([batch, 28, 28, 1], -1, 1);
    for (let i = 0; i <= steps; i++) {
      const t0 = performance.now();
      step(real);
      if (i > 0) times.push(performance.now() - t0); // step 0 is the warm-up
    }
  } else {
    const step = handWganGpStep(mlp(2, 2, 1), mlp(2, 1, 11), { g: tf.train.adam(1e-4, 0, 0.9), d: tf.train.adam(1e-4, 0, 0.9) });
    const reals = Array.from({ length: 5 }, () => tf.randomNormal([batch, 2]));
    for (let i = 0; i <= steps; i++) {
      const t0 = performance.now();
      step(reals);
      if (i > 0) times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ msPerStep: times[Math.floor(times.length / 2)] }));
} catch (err) {
  console.log(JSON.stringify({ error: (err as Error).message.split('\n')[0] }));
}
