import type * as tf from '@tensorflow/tfjs';
import { eluGradConfig } from './eluGrad.js';
import { expGradConfig } from './expGrad.js';
import { leakyReluGradConfig } from './leakyReluGrad.js';
import { mirrorPadGradConfig } from './mirrorPadGrad.js';
import { multiplyGradConfig } from './multiplyGrad.js';
import { relu6GradConfig } from './relu6Grad.js';
import { reluGradConfig } from './reluGrad.js';
import { sigmoidGradConfig } from './sigmoidGrad.js';
import { softmaxGradConfig } from './softmaxGrad.js';
import { sqrtGradConfig } from './sqrtGrad.js';
import { squareGradConfig } from './squareGrad.js';
import { tanhGradConfig } from './tanhGrad.js';
import { zeroGradientConfigs } from './zeroGradients.js';

/**
 * The gradient overrides gankit registers with `tf.registerGradient`, which
 * make gradients (MirrorPad) and second-order gradients correct on every
 * backend:
 *
 * - `Tanh`, `Sigmoid`, `Exp`, `Elu`, `Softmax`: stock tfjs computes them from
 *   the op's saved *output*, whose path to the weights the tape drops when the
 *   gradient is differentiated again (tfjs #3252), so ∂/∂θ of a gradient
 *   penalty silently loses the second-order term. These recompute from the
 *   saved input: tanh′ = 1 − tanh², σ′ = σ(1 − σ), exp′ = exp,
 *   elu′ = e^{min(x, 0)}, ∂softmax·dy = y ⊙ (dy − Σ dy ⊙ y).
 * - `LeakyRelu`, `Relu6`: masks built with `step` instead of comparison ops,
 *   so double backprop no longer throws.
 * - `Greater`, `GreaterEqual`, `Less`, `LessEqual`, `Equal`, `NotEqual` and the
 *   logical ops: zero gradients (tfjs has none), so the gradients of `Maximum`,
 *   `Minimum`, `ClipByValue`, … can be differentiated again.
 * - `MirrorPad`: stock tfjs 4.22 drops what flows through the mirrored border.
 * - `Relu`: the same dy ⊙ step(x) without stock tfjs's no-op `Cast` launch.
 * - `Multiply`, `Square`, `Sqrt`: stock tfjs's gradients without casting a
 *   float32 operand to float32 (a launch, and on wasm a copy, each time).
 * - In all three the mask is computed from `detach(x)`: its derivative
 *   is zero almost everywhere, and detached, a second-order gradient does not
 *   carry those zeros back through every earlier layer (a 2-D WGAN-GP step
 *   ran about 1.15× as fast). Second-order gradients are the same numbers.
 *
 * First-order gradients are unchanged. Register them with
 * `registerGradientPatches()` (or import `@gankit/gradients/register`).
 *
 * @example
 * ```ts
 * import { GRADIENT_PATCHES } from '@gankit/gradients';
 * console.log(GRADIENT_PATCHES.map((g) => g.kernelName)); // ['Tanh', 'Sigmoid', …]
 * ```
 */
export const GRADIENT_PATCHES: readonly tf.GradConfig[] = [
  tanhGradConfig,
  sigmoidGradConfig,
  expGradConfig,
  eluGradConfig,
  leakyReluGradConfig,
  relu6GradConfig,
  reluGradConfig,
  multiplyGradConfig,
  squareGradConfig,
  sqrtGradConfig,
  softmaxGradConfig,
  mirrorPadGradConfig,
  ...zeroGradientConfigs,
];
