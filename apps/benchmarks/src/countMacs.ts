/**
 * `pnpm --filter @gankit/benchmarks macs`: counts the multiply-adds of one
 * GanTrainer DCGAN step (the bench's workload) from the shapes of the kernels
 * a profiled step runs, and compares the total with the layer-by-layer count
 * the bench's floor column uses ({@link DCGAN_STEP_MACS}).
 *
 * Per kernel as `kernelMacs` (stepMacs.ts) counts it.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { nonSaturatingLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { DCGAN_STEP_MACS } from './simdPeak.js';
import { profiledMacs, totalMacs } from './stepMacs.js';
import { dcganDiscriminator, dcganGenerator } from './workload.js';

await initBackend({ quiet: true });
const real = tf.randomUniform([64, 28, 28, 1], -1, 1, 'float32', 1);
const trainer = new GanTrainer({ generator: dcganGenerator(), discriminator: dcganDiscriminator(), loss: nonSaturatingLoss(), preset: 'dcgan', seed: 1 });
await trainer.step({ x: real });
const byKernel = await profiledMacs(() => trainer.step({ x: real }));
const total = totalMacs(byKernel);
console.table([...byKernel].map(([kernel, e]) => ({ kernel, calls: e.calls, 'multiply-adds (10⁹)': +(e.macs / 1e9).toFixed(4) })));
console.log(`profiled total ${(total / 1e9).toFixed(4)} × 10⁹; DCGAN_STEP_MACS ${(DCGAN_STEP_MACS / 1e9).toFixed(4)} × 10⁹${total === DCGAN_STEP_MACS ? ' (equal)' : ' — they differ: update simdPeak.ts'}`);
if (total !== DCGAN_STEP_MACS) process.exitCode = 1;
