/**
 * Test fixture, run as its own Node process by secondOrderWithoutBackend.test.ts.
 * It imports tfjs, the wasm backend and `@gankit/losses` — never
 * `@gankit/backend` — and prints one JSON line: for small dense critics
 * (3 → 8 → 1) with each activation, on cpu and wasm, ∂GP/∂θ and ∂R1/∂θ with
 * respect to the critic's weights, analytic (`tf.variableGrads`, double
 * backprop) and by central finite differences of the penalty's value.
 *
 *   argv[2] = 'patched' (default): as imported.
 *   argv[2] = 'stock': first re-register the gradients tfjs had before
 *     `@gankit/losses` replaced them (recorded by `@gankit/gradients` on the
 *     global object), then compute the tanh cases only — the control.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { gradientPenalty, r1Penalty } from '@gankit/losses';
import type { Penalty } from '@gankit/losses';

const mode = process.argv[2] ?? 'patched';
if (mode !== 'patched' && mode !== 'stock') throw new Error(`fixture: unknown mode '${mode}'`);

/** The record `@gankit/gradients` keeps on the global object. */
const record = (globalThis as unknown as Record<symbol, { gradients: string[]; stock: Map<string, tf.GradConfig | undefined> } | undefined>)[
  Symbol.for('@gankit/gradients/patches')
];
const backendLoaded = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('@gankit/backend/patches')] !== undefined;
const patched = record?.gradients.slice() ?? [];
const restored: string[] = [];
if (mode === 'stock') {
  if (record === undefined) throw new Error('fixture: no @gankit/gradients record on the global object');
  for (const [kernel, config] of record.stock) {
    if (config === undefined) continue;
    tf.registerGradient(config);
    restored.push(kernel);
  }
}

const BACKENDS = ['cpu', 'wasm'] as const;
const ACTIVATIONS = ['tanh', 'sigmoid', 'softplus', 'elu', 'leakyReLU'] as const;
const PENALTIES: Record<string, Penalty> = { gp: gradientPenalty({ lambda: 10 }), r1: r1Penalty({ gamma: 10 }) };
const BATCH = 4;
const H = 5e-3;

/** mulberry32: `n` values uniform in [lo, hi), deterministic in `seed`. */
function uniform(n: number, seed: number, lo: number, hi: number): number[] {
  let a = seed >>> 0;
  return Array.from({ length: n }, () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  });
}

function critic(activation: (typeof ACTIVATIONS)[number], seed: number): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [3], units: 8 }),
      activation === 'leakyReLU' ? tf.layers.leakyReLU({ alpha: 0.2 }) : tf.layers.activation({ activation }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  const scales = [1, 0.5, 1, 0.3];
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(uniform(w.size, seed + i, -scales[i]!, scales[i]!), w.shape)));
  return model;
}

/** One penalty's gradient on one backend and critic, as the test reads it. */
export interface Case {
  backend: string;
  activation: string;
  penalty: string;
  value: number;
  /** ∂P/∂θ by double backprop, all weights flattened in layer order. */
  analytic: number[];
  /** Central differences; null where the one-sided differences disagree (P jumps at a kink within ±h). */
  numeric: (number | null)[];
}

function measure(backend: string, activation: (typeof ACTIVATIONS)[number], name: string): Case {
  const model = critic(activation, 7);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const real = tf.tensor2d(uniform(BATCH * 3, 101, -1.5, 1.5), [BATCH, 3]);
  const fake = tf.tensor2d(uniform(BATCH * 3, 102, -1.5, 1.5), [BATCH, 3]);
  const alpha = uniform(BATCH, 103, 0, 1);
  // A fixed interpolation ε makes the penalty a deterministic function of θ.
  const context = { uniform: (shape: number[]) => tf.tensor(alpha, shape) };
  const penalty = PENALTIES[name]!;
  const f = (): tf.Scalar => penalty(model, real, fake, context);
  const value = (): number => tf.tidy(() => f().dataSync()[0]!);

  const analytic = tf.tidy(() => {
    const { grads } = tf.variableGrads(f, vars);
    // The output bias does not change ∇ₓD, so it gets no gradient.
    return vars.flatMap((v) => Array.from(grads[v.name]?.dataSync() ?? new Float32Array(v.size)));
  });
  const f0 = value();
  const numeric: (number | null)[] = [];
  for (const v of vars) {
    const base = v.dataSync().slice();
    for (let k = 0; k < base.length; k++) {
      const at = (delta: number): number => {
        const moved = base.slice();
        moved[k] = base[k]! + delta;
        tf.tidy(() => v.assign(tf.tensor(moved, v.shape)));
        return value();
      };
      const plus = at(H);
      const minus = at(-H);
      const forward = (plus - f0) / H;
      const backward = (f0 - minus) / H;
      const kink = Math.abs(forward - backward) > 0.5 * Math.max(Math.abs(forward), Math.abs(backward)) + 1e-2;
      numeric.push(kink ? null : (plus - minus) / (2 * H));
    }
    tf.tidy(() => v.assign(tf.tensor(base, v.shape)));
  }
  tf.dispose([real, fake]);
  model.dispose();
  return { backend, activation, penalty: name, value: f0, analytic, numeric };
}

const cases: Case[] = [];
const errors: { backend: string; activation: string; penalty: string; error: string }[] = [];
for (const backend of BACKENDS) {
  if (!(await tf.setBackend(backend))) throw new Error(`fixture: backend '${backend}' failed to initialise`);
  await tf.ready();
  for (const activation of mode === 'stock' ? (['tanh'] as const) : ACTIVATIONS) {
    for (const name of Object.keys(PENALTIES)) {
      try {
        cases.push(measure(backend, activation, name));
      } catch (err) {
        errors.push({ backend, activation, penalty: name, error: (err as Error).message });
      }
    }
  }
}
console.log(JSON.stringify({ mode, backendLoaded, patched, restored, cases, errors }));
