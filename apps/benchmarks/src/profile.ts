import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { dcganDiscriminator, dcganGenerator, handDcganStep, handWganGpStep, mlp } from './workload.js';

await initBackend({ quiet: true });
const which = process.argv[2] ?? 'dcgan';
let run: () => void;
if (which === 'dcgan') {
  const step = handDcganStep(dcganGenerator(), dcganDiscriminator(), { g: tf.train.adam(2e-4, 0.5), d: tf.train.adam(2e-4, 0.5) });
  const real = tf.randomUniform([64, 28, 28, 1], -1, 1);
  run = () => void step(real);
} else {
  const step = handWganGpStep(mlp(2, 2, 1), mlp(2, 1, 11), { g: tf.train.adam(1e-4, 0, 0.9), d: tf.train.adam(1e-4, 0, 0.9) });
  const reals = Array.from({ length: 5 }, () => tf.randomNormal([256, 2]));
  run = () => void step(reals);
}
run();
const t0 = performance.now();
run();
console.log('unprofiled step ms', (performance.now() - t0).toFixed(1));
const info = await tf.profile(() => { run(); });
const byKernel = new Map<string, { ms: number; n: number }>();
// Only kernels registered on the backend: tf.profile also lists custom-gradient op scopes (`fusedConv2d__op`), whose time is their kernels'.
for (const k of info.kernels) {
  if (tf.getKernel(k.name, tf.getBackend()) == null) continue;
  const e = byKernel.get(k.name) ?? { ms: 0, n: 0 };
  e.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
  e.n += 1;
  byKernel.set(k.name, e);
}
const total = [...byKernel.values()].reduce((a, b) => a + b.ms, 0);
console.log('kernels', [...byKernel.values()].reduce((a, b) => a + b.n, 0), 'sum kernel ms', total.toFixed(1));
console.table([...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 18).map(([name, e]) => ({ name, ms: +e.ms.toFixed(1), calls: e.n })));
