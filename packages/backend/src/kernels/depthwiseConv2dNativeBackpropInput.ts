import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { WASM, heapF32 } from '../internal/wasmKernels.js';

/**
 * `DepthwiseConv2dNativeBackpropInput` for the wasm backend (missing there).
 *
 * Scatters each output gradient back through the taps that produced it:
 *   ∂L/∂x[b, i·s_h + p·d_h − p_t, j·s_w + r·d_w − p_l, c] += Σ_q dy[b,i,j,c·m+q] · W[p,r,c,q].
 *
 * A direct loop on the wasm heap (see the filter gradient for why).
 */
function depthwiseConv2dNativeBackpropInput(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const dy = inputs['dy'] as tf.TensorInfo;
  const filter = inputs['filter'] as tf.TensorInfo;
  const { strides, dilations, pad, dimRoundingMode, inputShape } =
    attrs as unknown as tf.DepthwiseConv2dNativeBackpropInputAttrs;
  const filterShape = filter.shape as [number, number, number, number];
  const ci = tf.backend_util.computeConv2DInfo(
    inputShape,
    filterShape,
    strides,
    dilations,
    pad,
    dimRoundingMode,
    true,
  );
  const [kh, kw, inC, mult] = filterShape;
  const out = backend.makeOutput(inputShape, 'float32');
  const dx = heapF32(backend, out);
  dx.fill(0);
  const dyv = heapF32(backend, dy);
  const wv = heapF32(backend, filter);
  const { batchSize, inHeight, inWidth, outHeight, outWidth, strideHeight, strideWidth } = ci;
  const { dilationHeight, dilationWidth } = ci;
  const outC = inC * mult;
  for (let b = 0; b < batchSize; b++) {
    for (let i = 0; i < outHeight; i++) {
      for (let p = 0; p < kh; p++) {
        const hIn = i * strideHeight + p * dilationHeight - ci.padInfo.top;
        if (hIn < 0 || hIn >= inHeight) continue;
        for (let j = 0; j < outWidth; j++) {
          const dyBase = ((b * outHeight + i) * outWidth + j) * outC;
          for (let r = 0; r < kw; r++) {
            const wIn = j * strideWidth + r * dilationWidth - ci.padInfo.left;
            if (wIn < 0 || wIn >= inWidth) continue;
            const xBase = ((b * inHeight + hIn) * inWidth + wIn) * inC;
            const wBase = (p * kw + r) * inC * mult;
            for (let c = 0; c < inC; c++) {
              let acc = 0;
              for (let q = 0; q < mult; q++) acc += dyv[dyBase + c * mult + q]! * wv[wBase + c * mult + q]!;
              dx[xBase + c]! += acc;
            }
          }
        }
      }
    }
  }
  return out;
}

/** Kernel registration for {@link depthwiseConv2dNativeBackpropInput} on wasm. */
export const depthwiseConv2dNativeBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropInput,
  backendName: WASM,
  kernelFunc: depthwiseConv2dNativeBackpropInput as unknown as tf.KernelFunc,
};
