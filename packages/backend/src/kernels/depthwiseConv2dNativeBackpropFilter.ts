import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { WASM, heapF32 } from '../internal/wasmKernels.js';

/**
 * `DepthwiseConv2dNativeBackpropFilter` for the wasm backend (missing there).
 *
 * With channel multiplier m, the forward op is
 *   y[b,i,j,c·m+q] = Σ_{p,r} x[b, i·s_h + p·d_h − p_t, j·s_w + r·d_w − p_l, c] · W[p,r,c,q]
 * so
 *   ∂L/∂W[p,r,c,q] = Σ_{b,i,j} x[b, i·s_h + p·d_h − p_t, j·s_w + r·d_w − p_l, c] · dy[b,i,j,c·m+q].
 *
 * A direct loop on the wasm heap: depthwise layers are rare in GANs, so this is
 * correct and simple rather than fast.
 */
function depthwiseConv2dNativeBackpropFilter(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: BackendWasm;
  attrs: tf.NamedAttrMap;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs['x'] as tf.TensorInfo;
  const dy = inputs['dy'] as tf.TensorInfo;
  const { strides, dilations, pad, dimRoundingMode, filterShape } =
    attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  const ci = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    dilations,
    pad,
    dimRoundingMode,
    true,
  );
  const [kh, kw, inC, mult] = filterShape;
  const out = backend.makeOutput(filterShape, 'float32');
  const dw = heapF32(backend, out);
  dw.fill(0);
  const xv = heapF32(backend, x);
  const dyv = heapF32(backend, dy);
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
              const xval = xv[xBase + c]!;
              for (let q = 0; q < mult; q++) dw[wBase + c * mult + q]! += xval * dyv[dyBase + c * mult + q]!;
            }
          }
        }
      }
    }
  }
  return out;
}

/** Kernel registration for {@link depthwiseConv2dNativeBackpropFilter} on wasm. */
export const depthwiseConv2dNativeBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
  backendName: WASM,
  kernelFunc: depthwiseConv2dNativeBackpropFilter as unknown as tf.KernelFunc,
};
