import * as tf from '@tensorflow/tfjs';

/** The parts of tfjs's Engine the patch touches (internal API of tfjs-core 4.x). */
interface EngineInternals {
  runKernel(kernelName: string, inputs: tf.NamedTensorMap, attrs?: tf.NamedAttrMap): tf.Tensor | tf.Tensor[];
  addTapeNode(kernelName: string, inputs: tf.NamedTensorMap, outputs: tf.Tensor[], gradientsFunc: GradientsFunc | undefined, saved: tf.Tensor[], attrs: tf.NamedAttrMap): void;
}

type GradientsFunc = (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => Record<string, () => tf.Tensor>;

/** The scope names under which tfjs's fused ops record their `customGrad` tape nodes. */
const FUSED_CONV_SCOPE = 'fusedConv2d__op';
const FUSED_MATMUL_SCOPE = 'fusedMatMul__op';

const PATCHED = Symbol.for('@gankit/backend/lazyFusedGradients');

/** The attributes of the last fused kernel run, waiting for its tape node (recorded right after it, in the same `customGrad` call). */
let pending: { kernel: string; attrs: tf.NamedAttrMap; shape: number[] } | undefined;

/** How often each gradient of a fused op was computed and skipped since the patch (for tests and profiles). */
export const lazyFusedGradientCounts = { computed: 0, skipped: 0 };

function lazy(thunks: (() => tf.Tensor)[]): Record<string, () => tf.Tensor> {
  const map: Record<string, () => tf.Tensor> = {};
  thunks.forEach((thunk, i) => {
    map[String(i)] = () => {
      lazyFusedGradientCounts.computed++;
      return thunk();
    };
  });
  lazyFusedGradientCounts.skipped += thunks.length;
  return map;
}

/** ∂L/∂bias of `y = … + bias` (bias broadcast over dy): dy summed over the broadcast axes (tfjs's `getFusedBiasGradient`). */
function biasGradient(bias: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  const axes = tf.backend_util.getReductionAxes(bias.shape, dy.shape);
  return tf.reshape(axes.length > 0 ? tf.sum(dy, axes) : dy, bias.shape);
}

/**
 * The gradient of a recorded `tf.fused.conv2d` (always linear: tfjs fuses
 * nothing else while a tape records), as tfjs's own but lazily per input:
 * ∂L/∂x = conv2dTranspose(dy, W), ∂L/∂W = Conv2DBackpropFilter(x, dy),
 * ∂L/∂b = Σ dy over batch and space.
 */
function fusedConvGradient(attrs: tf.NamedAttrMap): GradientsFunc {
  // As tfjs's own gradient, without dimRoundingMode (it passes none to the backprop kernels either).
  const { strides, pad, dataFormat, dilations } = attrs as unknown as tf.FusedConv2DAttrs;
  return (dy, saved) => {
    if (dataFormat !== 'NHWC') throw new Error(`Error in gradient of fused conv2D: got dataFormat of ${dataFormat} but only NHWC is currently supported.`);
    if (!tf.backend_util.tupleValuesAreOne(dilations)) throw new Error(`Error in gradient of fused conv2D: dilation rates greater than 1 are not yet supported in gradients. Got dilations '${String(dilations)}'`);
    const [filter, x4D, , bias] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor, tf.Tensor | undefined];
    const dy4D = (dy as tf.Tensor).rank === 3 ? tf.reshape(dy as tf.Tensor, [1, ...(dy as tf.Tensor).shape]) : (dy as tf.Tensor4D);
    const thunks = [
      () => tf.conv2dTranspose(dy4D as tf.Tensor4D, filter, x4D.shape, strides, pad as 'valid' | 'same' | number),
      () => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: x4D, dy: dy4D }, { strides, pad, dataFormat: 'NHWC', filterShape: filter.shape } as unknown as tf.NamedAttrMap) as tf.Tensor,
    ];
    if (bias !== undefined) thunks.push(() => biasGradient(bias, dy as tf.Tensor));
    return lazy(thunks);
  };
}

/** The gradient of a recorded `tf.fused.matMul` (linear), as tfjs's own but lazily per input. */
function fusedMatMulGradient(attrs: tf.NamedAttrMap): GradientsFunc {
  const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
  return (dyIn, saved) => {
    const [a, b, y, bias] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D, tf.Tensor | undefined];
    const dy = tf.reshape(dyIn as tf.Tensor, y.shape) as tf.Tensor3D;
    let da: () => tf.Tensor;
    let db: () => tf.Tensor;
    if (!transposeA && !transposeB) {
      da = () => tf.matMul(dy, b, false, true);
      db = () => tf.matMul(a, dy, true, false);
    } else if (!transposeA && transposeB) {
      da = () => tf.matMul(dy, b, false, false);
      db = () => tf.matMul(dy, a, true, false);
    } else if (transposeA && !transposeB) {
      da = () => tf.matMul(b, dy, false, true);
      db = () => tf.matMul(a, dy, false, false);
    } else {
      da = () => tf.matMul(b, dy, true, true);
      db = () => tf.matMul(dy, a, true, true);
    }
    return lazy(bias !== undefined ? [da, db, () => biasGradient(bias, dy)] : [da, db]);
  };
}

/**
 * tfjs's fused ops (`tf.fused.conv2d`, `tf.fused.matMul`, which every
 * `tf.layers.conv2d` and linear `tf.layers.dense` runs while a tape records)
 * record a `customGrad` whose gradient computes ∂/∂x, ∂/∂W and ∂/∂b all at
 * once, eagerly — even when the tape needs only some of them. A training step
 * wastes two kinds of work this way:
 *
 * - the input gradient of every first layer, whose input is data: a critic's
 *   first convolution on real images (a naive 1- or 3-channel loop on wasm),
 *   a generator's first dense layer on the latent;
 * - every weight gradient inside a gradient penalty, whose inner pass needs
 *   only ∇ₓD(x̂).
 *
 * This gives those tape nodes the same gradient, computed by the same ops in
 * the same order, but one thunk per input, so the tape's pruning (only inputs
 * that depend on what is differentiated get a gradient) skips the rest.
 * Gradients of any order are bit-for-bit those of stock tfjs. Fused ops it
 * does not recognise keep tfjs's gradient. Idempotent.
 *
 * @returns whether this call patched the engine (false if it already was).
 */
export function patchLazyFusedGradients(): boolean {
  const engine = tf.engine() as unknown as EngineInternals & Record<symbol, unknown>;
  if (engine[PATCHED] === true) return false;
  const stockRunKernel = engine.runKernel;
  const stockAddTapeNode = engine.addTapeNode;
  engine.runKernel = function runKernel(this: EngineInternals, kernelName, inputs, attrs) {
    const out = stockRunKernel.call(this, kernelName, inputs, attrs);
    if ((kernelName === tf.FusedConv2D || kernelName === tf._FusedMatMul) && !Array.isArray(out)) {
      pending = { kernel: kernelName, attrs: attrs ?? {}, shape: out.shape };
    }
    return out;
  };
  engine.addTapeNode = function addTapeNode(this: EngineInternals, kernelName, inputs, outputs, gradientsFunc, saved, attrs) {
    let gradient = gradientsFunc;
    // The fused op's own node: inputs '0' (x or a), '1' (filter or b) and maybe '2' (bias), four or three saved
    // tensors (the clones of its saves record nodes under the same scope name first, with nothing saved).
    if ((kernelName === FUSED_CONV_SCOPE || kernelName === FUSED_MATMUL_SCOPE) && pending !== undefined && saved.length >= 3 && '0' in inputs && '1' in inputs) {
      const wanted = kernelName === FUSED_CONV_SCOPE ? tf.FusedConv2D : tf._FusedMatMul;
      const { activation } = pending.attrs as { activation?: string };
      if (pending.kernel === wanted && (activation === undefined || activation === 'linear') && tf.util.arraysEqual(saved[2]!.shape, pending.shape)) {
        gradient = wanted === tf.FusedConv2D ? fusedConvGradient(pending.attrs) : fusedMatMulGradient(pending.attrs);
      }
      pending = undefined;
    }
    stockAddTapeNode.call(this, kernelName, inputs, outputs, gradient, saved, attrs);
  };
  engine[PATCHED] = true;
  return true;
}

/** Undoes {@link patchLazyFusedGradients} (for tests and benchmarks that compare with stock tfjs). */
export function unpatchLazyFusedGradients(): void {
  const engine = tf.engine() as unknown as Record<string | symbol, unknown>;
  if (engine[PATCHED] !== true) return;
  delete engine['runKernel'];
  delete engine['addTapeNode'];
  delete engine[PATCHED];
}
