/**
 * Multiply-adds of a training step, counted from the shapes of the kernels a
 * profiled step runs: what the bench's floor column (e) divides by the wasm
 * SIMD peak, and what `pnpm --filter @gankit/benchmarks macs` checks against
 * the DCGAN step's layer-by-layer count.
 */
import * as tf from '@tensorflow/tfjs';

const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * Multiply-adds of one kernel call, from its input and output shapes; 0 for
 * kernels without a product. A convolution's output (or, for its gradients,
 * dy) times kh · kw · C_in; a matrix product's (or a `GankitDense`
 * layer's) first operand times the output's last dimension (batch · m · k · n,
 * for 2-D and batched operands alike).
 *
 * @example
 * ```ts
 * kernelMacs('BatchMatMul', [[256, 128], [128, 128]], [[256, 128]]); // 256 · 128 · 128
 * ```
 */
export function kernelMacs(name: string, inputs: number[][], outputs: number[][]): number {
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
    case 'GankitDense': // @gankit/backend's dense layer: x [m, k] · W [k, n]
      return size(x!) * out[out.length - 1]!; // a holds batch · m · k values (in either order), each used for n outputs
    default:
      return 0;
  }
}

/** Multiply-adds of one call of `step`, per kernel name (calls and multiply-adds), from a `tf.profile` of it. */
export async function profiledMacs(step: () => Promise<unknown> | unknown): Promise<Map<string, { calls: number; macs: number }>> {
  const profile = await tf.profile(async () => {
    await step();
  });
  const byKernel = new Map<string, { calls: number; macs: number }>();
  for (const k of profile.kernels) {
    const m = kernelMacs(k.name, k.inputShapes as number[][], k.outputShapes as number[][]);
    if (m === 0) continue;
    const e = byKernel.get(k.name) ?? { calls: 0, macs: 0 };
    byKernel.set(k.name, { calls: e.calls + 1, macs: e.macs + m });
  }
  return byKernel;
}

/** The total of {@link profiledMacs}. */
export const totalMacs = (byKernel: Map<string, { macs: number }>): number => [...byKernel.values()].reduce((a, e) => a + e.macs, 0);
