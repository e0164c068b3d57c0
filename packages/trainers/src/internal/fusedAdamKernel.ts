import * as tf from '@tensorflow/tfjs';
import { hostOf } from './kernelHost.js';
import type { CpuBackend, WasmBackend } from './kernelHost.js';

/** The kernel's name in tfjs's registry. */
export const FUSED_ADAM = 'GankitFusedAdam';

/** Backends whose tensors live in CPU memory, where one pass in JavaScript beats ~14 dispatched kernels per variable. */
export const FUSED_ADAM_BACKENDS = ['cpu', 'wasm'] as const;

/** Attributes of {@link FUSED_ADAM}. */
export interface FusedAdamAttrs {
  /** How many variables: inputs `value{i}`, `gradient{i}`, `m{i}`, `v{i}` for i < count. */
  count: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  learningRate: number;
}

const f = Math.fround;

/**
 * One Adam update (Kingma & Ba 2015) of every variable of an optimizer step,
 * as a single kernel. Inputs `accBeta1` = β₁ᵗ and `accBeta2` = β₂ᵗ (scalars) and,
 * per variable i, `value{i}` θ, `gradient{i}` g, `m{i}` and `v{i}`; outputs
 * `[β₁ᵗ⁺¹, β₂ᵗ⁺¹, θ'₀, m'₀, v'₀, θ'₁, …]`:
 *
 *   m' = β₁·m + (1 − β₁)·g
 *   v' = β₂·v + (1 − β₂)·g²
 *   θ' = θ − η · (m' / (1 − β₁ᵗ)) / (√(v' / (1 − β₂ᵗ)) + ε)
 *
 * Every operation is rounded to float32 in the order tfjs's `AdamOptimizer`
 * applies its kernels (each constant rounded as tfjs makes it a float32
 * scalar), so the result is bit-for-bit the stock optimizer's: IEEE float32
 * +, −, ×, ÷ and √ equal the double-precision result rounded once.
 */
function fusedAdam(args: { inputs: tf.NamedTensorInfoMap; backend: CpuBackend | WasmBackend; attrs: tf.NamedAttrMap }): tf.TensorInfo[] {
  const { inputs } = args;
  const host = hostOf(args.backend);
  const { count, beta1, beta2, epsilon, learningRate } = args.attrs as unknown as FusedAdamAttrs;
  const input = (name: string): tf.TensorInfo => {
    const t = inputs[name];
    if (t === undefined || t.dtype !== 'float32') throw new Error(`${FUSED_ADAM}: input '${name}' must be a float32 tensor, got ${t === undefined ? 'none' : t.dtype}`);
    return t;
  };
  const b1 = f(beta1);
  const c1 = f(1 - beta1);
  const b2 = f(beta2);
  const c2 = f(1 - beta2);
  const eps = f(epsilon);
  const step = f(-learningRate);
  const acc = [host.alloc([]), host.alloc([])] as const;
  const acc1 = host.view(input('accBeta1'))[0]!;
  const acc2 = host.view(input('accBeta2'))[0]!;
  host.view(acc[0])[0] = acc1 * b1;
  host.view(acc[1])[0] = acc2 * b2;
  const o1 = f(1 - acc1);
  const o2 = f(1 - acc2);
  const out: tf.TensorInfo[] = [...acc];
  for (let i = 0; i < count; i++) {
    const shape = input(`value${i}`).shape;
    const outputs = [host.alloc(shape), host.alloc(shape), host.alloc(shape)] as const;
    out.push(...outputs);
    // Views only after this variable's allocations (an allocation may move the wasm heap).
    const theta = host.view(input(`value${i}`));
    const g = host.view(input(`gradient${i}`));
    const m = host.view(input(`m${i}`));
    const v = host.view(input(`v${i}`));
    const [theta2, m2, v2] = outputs.map((o) => host.view(o)) as [Float32Array, Float32Array, Float32Array];
    const n = theta.length;
    if (g.length !== n || m.length !== n || v.length !== n) throw new Error(`${FUSED_ADAM}: variable ${i} has ${n} values but its gradient, m and v have ${g.length}, ${m.length}, ${v.length}`);
    for (let k = 0; k < n; k++) {
      const gk = g[k]!;
      const mk = f(f(m[k]! * b1) + f(gk * c1));
      const vk = f(f(v[k]! * b2) + f(f(gk * gk) * c2));
      const denominator = f(f(Math.sqrt(f(vk / o2))) + eps);
      theta2[k] = f(f(f(f(mk / o1) / denominator) * step) + theta[k]!);
      m2[k] = mk;
      v2[k] = vk;
    }
  }
  return out;
}

/** Registers {@link FUSED_ADAM} for the cpu and wasm backends (once). */
export function registerFusedAdam(): void {
  for (const backendName of FUSED_ADAM_BACKENDS) {
    if (tf.getKernel(FUSED_ADAM, backendName) === undefined) {
      tf.registerKernel({ kernelName: FUSED_ADAM, backendName, kernelFunc: fusedAdam as unknown as tf.KernelFunc });
    }
  }
}
