import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { gradientPenalty, nonSaturatingLoss, wassersteinLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { dcganDiscriminator, dcganGenerator, handDcganStep, handWganGpStep, mlp } from './workload.js';

await initBackend({ quiet: true });
const which = process.argv[2] ?? 'dcgan';
const summarize = async (label: string, f: () => Promise<void> | void): Promise<void> => {
  await f();
  const info = await tf.profile(async () => { await f(); });
  const by = new Map<string, number>();
  for (const k of info.kernels) by.set(k.name, (by.get(k.name) ?? 0) + 1);
  const ms = info.kernels.reduce((a, k) => a + (typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0), 0);
  const t0 = performance.now(); await f(); const wall = performance.now() - t0;
  console.log(`${label}: ${info.kernels.length} kernels, kernel ms ${ms.toFixed(0)}, wall ms ${wall.toFixed(0)}`);
  console.log('   calls:', [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, n]) => `${k}:${n}`).join(' '));
  const time = new Map<string, [number, number]>();
  for (const k of info.kernels) {
    const key = `${k.name} ${k.inputShapes.map((s) => `[${s?.join(',')}]`).join('')}`;
    const [t, n] = time.get(key) ?? [0, 0];
    time.set(key, [t + (typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0), n + 1]);
  }
  console.log('   kernel ms (calls) by name and input shapes:');
  for (const [k, [t, n]] of [...time.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, Number(process.env["PROFILE_TOP"] ?? 16))) console.log(`     ${t.toFixed(2).padStart(7)} (${n})  ${k}`);
};
if (which === 'dcgan') {
  const real = tf.randomUniform([64, 28, 28, 1], -1, 1);
  const trainer = new GanTrainer({ generator: dcganGenerator(), discriminator: dcganDiscriminator(), loss: nonSaturatingLoss(), preset: 'dcgan', seed: 1 });
  const hand = handDcganStep(dcganGenerator(), dcganDiscriminator(), { g: tf.train.adam(2e-4, 0.5), d: tf.train.adam(2e-4, 0.5) });
  await summarize('trainer', async () => { await trainer.step({ x: real }); });
  await summarize('hand', () => { hand(real); });
} else {
  const reals = Array.from({ length: 5 }, () => tf.randomNormal([256, 2]));
  const trainer = new GanTrainer({ generator: mlp(2, 2, 1), discriminator: mlp(2, 1, 11), loss: wassersteinLoss(), penalties: [gradientPenalty()], preset: 'wgan-gp', latentDim: 2, seed: 1 });
  const hand = handWganGpStep(mlp(2, 2, 1), mlp(2, 1, 11), { g: tf.train.adam(1e-4, 0, 0.9), d: tf.train.adam(1e-4, 0, 0.9) });
  await summarize('trainer', async () => { await trainer.step(reals.map((x) => ({ x }))); });
  await summarize('hand', () => { hand(reals); });
}
