/**
 * `pnpm --filter @gankit/benchmarks macs`: counts the multiply-adds of one
 * GanTrainer DCGAN step (the bench's workload) from the shapes of the kernels
 * a profiled step runs, and compares the total with the layer-by-layer count
 * the bench's floor column uses ({@link DCGAN_STEP_MACS}).
 *
 * Per kernel: a convolution's output (or, for its gradients, dy) times
 * kh · kw · C_in; a matrix product's output times its inner dimension.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { nonSaturatingLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { DCGAN_STEP_MACS } from './simdPeak.js';
import { dcganDiscriminator, dcganGenerator } from './workload.js';

const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/** Multiply-adds of one kernel call, from its input and output shapes; 0 for kernels without a product. */
function macs(name: string, inputs: number[][], outputs: number[][]): number {
  const [x, w] = inputs;
  const out = outputs[0]!;
  switch (name) {
    case 'Conv2D':
    case 'FusedConv2D':
      return size(out) * w![0]! * w![1]! * w![2]!; // filter [kh, kw, C_in, C_out]
    case 'Conv2DBackpropInput':
      return size(x!) * w![0]! * w![1]! * w![2]!; // dy, filter [kh, kw, C_in, C_out]
    case 'Conv2DBackpropFilter':
      return size(w!) * out[0]! * out[1]! * out[2]!; // x, dy → filter gradient [kh, kw, C_in, C_out]
    case 'BatchMatMul':
    case '_FusedMatMul':
      return size(out) * (size(x!) / (out[0]! * out[1]!)); // a holds batch · m · k values, in either order
    default:
      return 0;
  }
}

await initBackend({ quiet: true });
const real = tf.randomUniform([64, 28, 28, 1], -1, 1, 'float32', 1);
const trainer = new GanTrainer({ generator: dcganGenerator(), discriminator: dcganDiscriminator(), loss: nonSaturatingLoss(), preset: 'dcgan', seed: 1 });
await trainer.step({ x: real });
const profile = await tf.profile(async () => {
  await trainer.step({ x: real });
});
const byKernel = new Map<string, { calls: number; macs: number }>();
for (const k of profile.kernels) {
  const m = macs(k.name, k.inputShapes as number[][], k.outputShapes as number[][]);
  if (m === 0) continue;
  const e = byKernel.get(k.name) ?? { calls: 0, macs: 0 };
  byKernel.set(k.name, { calls: e.calls + 1, macs: e.macs + m });
}
const total = [...byKernel.values()].reduce((a, e) => a + e.macs, 0);
console.table([...byKernel].map(([kernel, e]) => ({ kernel, calls: e.calls, 'multiply-adds (10⁹)': +(e.macs / 1e9).toFixed(4) })));
console.log(`profiled total ${(total / 1e9).toFixed(4)} × 10⁹; DCGAN_STEP_MACS ${(DCGAN_STEP_MACS / 1e9).toFixed(4)} × 10⁹${total === DCGAN_STEP_MACS ? ' (equal)' : ' — they differ: update simdPeak.ts'}`);
if (total !== DCGAN_STEP_MACS) process.exitCode = 1;
