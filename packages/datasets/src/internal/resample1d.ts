/**
 * Weights of a 1-D resampling from `inSize` to `outSize` samples: output `i`
 * is Σₖ weight[offset[i]+k] · input[index[offset[i]+k]] for k < offset[i+1]−offset[i].
 */
export interface Resample1d {
  readonly offset: Int32Array;
  readonly index: Int32Array;
  readonly weight: Float32Array;
}

/**
 * Area (box) weights when shrinking — each output averages the input interval
 * it covers, with fractional weights at the ends, as OpenCV's INTER_AREA and
 * tf.image.resizeArea — and linear interpolation with half-pixel centres
 * when enlarging or keeping the size (as PIL's and tf.image.resizeBilinear
 * with halfPixelCenters).
 */
export function resample1d(inSize: number, outSize: number): Resample1d {
  const offsets = new Int32Array(outSize + 1);
  const index: number[] = [];
  const weight: number[] = [];
  const scale = inSize / outSize;
  for (let i = 0; i < outSize; i++) {
    offsets[i] = index.length;
    if (scale > 1) {
      const lo = i * scale;
      const hi = (i + 1) * scale;
      for (let j = Math.floor(lo); j < Math.min(Math.ceil(hi), inSize); j++) {
        const overlap = Math.min(hi, j + 1) - Math.max(lo, j);
        if (overlap > 1e-9) {
          index.push(j);
          weight.push(overlap / scale);
        }
      }
    } else {
      const s = Math.min(Math.max((i + 0.5) * scale - 0.5, 0), inSize - 1);
      const j0 = Math.floor(s);
      const j1 = Math.min(j0 + 1, inSize - 1);
      const t = s - j0;
      index.push(j0);
      weight.push(1 - t);
      if (j1 !== j0 && t > 0) {
        index.push(j1);
        weight.push(t);
      }
    }
  }
  offsets[outSize] = index.length;
  return { offset: offsets, index: Int32Array.from(index), weight: Float32Array.from(weight) };
}
