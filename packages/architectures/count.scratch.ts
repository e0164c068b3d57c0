import * as tf from '@tensorflow/tfjs';
import * as A from './src/index.js';
await tf.setBackend('cpu');
const [name, json] = [process.argv[2]!, process.argv[3] ?? '{}'];
const m = (A as any)[name](JSON.parse(json));
const ms = m instanceof tf.LayersModel ? { [name]: m } : m;
for (const [k, v] of Object.entries(ms)) if (v instanceof tf.LayersModel) console.log(name, json, k, v.countParams().toLocaleString('en-US'), JSON.stringify(v.outputs.map((o) => o.shape)));
