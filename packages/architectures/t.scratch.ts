import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import * as A from './src/index.js';
await initBackend({quiet:true});
for (const [n, o] of [['cycleGanGenerator', {}], ['unitNetworks', {}], ['patchGanDiscriminator', {}], ['dcganGenerator', {imageSize: 64, channels: 3}]] as const) {
  const t0 = performance.now(); const m = (A as any)[n](o); console.log(n, (performance.now()-t0).toFixed(0), 'ms', tf.memory().numTensors);
}
