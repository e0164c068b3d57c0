import * as tf from '@tensorflow/tfjs';
import { FUSED_ADAM, registerFusedAdam } from './internal/fusedAdamKernel.js';
import type { FusedAdamAttrs } from './internal/fusedAdamKernel.js';

/** The stock optimizer's private state, which the fused update reads and writes in place of its kernels. */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
}

/**
 * tfjs's `AdamOptimizer` with every variable of a step updated by one kernel.
 *
 * Stock `tf.train.adam` dispatches about 14 kernels per variable per step
 * (multiply, add, square, divide, sqrt, …); a 4-layer MLP's update is ~110
 * dispatches, and on small networks dispatch, not arithmetic, is most of a
 * training step. On the cpu and wasm backends this optimizer computes the
 * same update in one pass per variable inside a single kernel:
 *
 *   m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
 *   θ ← θ − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 *
 * rounding every operation to float32 in the stock optimizer's order, so the
 * weights it produces are bit-for-bit those of `tf.train.adam` — checkpoints,
 * `getWeights`/`setWeights` and resumed runs are interchangeable with it. On
 * other backends (webgl, webgpu) it is the stock optimizer. The trainers use
 * it wherever they build Adam; pass it as your own optimizer too.
 *
 * @example
 * ```ts
 * const optimizer = fusedAdam(2e-4, 0.5, 0.999);
 * optimizer.minimize(() => loss(model), false, model.trainableWeights.map((w) => w.read() as tf.Variable));
 * ```
 */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  constructor(learningRate: number, beta1: number, beta2: number, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon);
    registerFusedAdam();
  }

  /** Whether the active backend runs the fused kernel (cpu, wasm) rather than the stock update. */
  static fusedOnActiveBackend(): boolean {
    return tf.getKernel(FUSED_ADAM, tf.getBackend()) !== undefined;
  }

  override applyGradients(variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    if (!FusedAdamOptimizer.fusedOnActiveBackend()) {
      super.applyGradients(variableGradients);
      return;
    }
    const state = this as unknown as AdamState;
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const inputs: tf.NamedTensorMap = { accBeta1: state.accBeta1, accBeta2: state.accBeta2 };
    const targets: [tf.Variable, tf.Variable, tf.Variable][] = [];
    names.forEach((name, i) => {
      const value = tf.engine().registeredVariables[name];
      if (value === undefined) throw new Error(`FusedAdamOptimizer: no variable named '${name}'`);
      // The moments are created and named as the stock optimizer does, so its getWeights/setWeights apply unchanged.
      state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      const gradient = Array.isArray(variableGradients) ? variableGradients[i]!.tensor : variableGradients[name];
      if (gradient == null) return;
      const j = targets.length;
      const m = state.accumulatedFirstMoment[i].variable;
      const v = state.accumulatedSecondMoment[i].variable;
      inputs[`value${j}`] = value;
      inputs[`gradient${j}`] = gradient;
      inputs[`m${j}`] = m;
      inputs[`v${j}`] = v;
      targets.push([value, m, v]);
    });
    const attrs: FusedAdamAttrs = { count: targets.length, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, learningRate: this.learningRate };
    const out = tf.engine().runKernel(FUSED_ADAM, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
    state.accBeta1.assign(out[0]!);
    state.accBeta2.assign(out[1]!);
    targets.forEach(([value, m, v], j) => {
      value.assign(out[2 + 3 * j]!);
      m.assign(out[3 + 3 * j]!);
      v.assign(out[4 + 3 * j]!);
    });
    tf.dispose(out);
    this.incrementIterations();
  }
}

/**
 * Adam whose update is one kernel per step on the cpu and wasm backends,
 * bit-for-bit `tf.train.adam(learningRate, beta1, beta2, epsilon)`. See
 * {@link FusedAdamOptimizer}.
 *
 * @param learningRate - η (default 0.001, as tfjs).
 * @param beta1 - β₁ (default 0.9).
 * @param beta2 - β₂ (default 0.999).
 * @param epsilon - ε (default: the backend's epsilon, as tfjs).
 * @returns the optimizer.
 *
 * @example
 * ```ts
 * const trainer = new GanTrainer({ generator, discriminator, loss, optimizers: { generator: fusedAdam(2e-4, 0.5), discriminator: fusedAdam(2e-4, 0.5) } });
 * ```
 */
export function fusedAdam(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon?: number): FusedAdamOptimizer {
  for (const [name, value] of [['learningRate', learningRate], ['beta1', beta1], ['beta2', beta2], ['epsilon', epsilon ?? 0]] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`fusedAdam: '${name}' must be a finite number ≥ 0, got ${String(value)}`);
  }
  if (beta1 >= 1 || beta2 >= 1) throw new Error(`fusedAdam: 'beta1' and 'beta2' must be below 1, got ${beta1} and ${beta2}`);
  return new FusedAdamOptimizer(learningRate, beta1, beta2, epsilon);
}
