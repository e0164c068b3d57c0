import { seededUniform } from './random.js';
import type { Uniform } from './random.js';

/** A bank of square RGB textures with values in [0, 1], `count × size × size × 3`. */
export interface TextureBank {
  readonly count: number;
  readonly size: number;
  readonly pixels: Float32Array;
}

/**
 * Procedural coloured textures standing in for the BSDS500 photo patches of
 * MNIST-M: each texture is fractal value noise (4 octaves, smoothstep
 * interpolation of a random lattice, amplitude halving per octave) mapped
 * between two random colours, plus a fainter independent colour noise field,
 * so the bank has smooth regions, edges of several scales and varied hues.
 */
export function textureBank(count: number, size: number, seed: number): TextureBank {
  const pixels = new Float32Array(count * size * size * 3);
  const plane = new Float32Array(size * size);
  for (let t = 0; t < count; t++) {
    const uniform = seededUniform(seed, 0x7e, t);
    const c1 = [uniform(), uniform(), uniform()];
    const c2 = [uniform(), uniform(), uniform()];
    const shape = fractalNoise(plane, size, uniform, 2 + Math.floor(uniform() * 3));
    const base = t * size * size * 3;
    for (let ch = 0; ch < 3; ch++) {
      const colour = fractalNoise(new Float32Array(size * size), size, uniform, 3);
      const a = c1[ch]!;
      const b = c2[ch]!;
      for (let p = 0; p < size * size; p++) {
        pixels[base + 3 * p + ch] = 0.75 * (a + (b - a) * shape[p]!) + 0.25 * colour[p]!;
      }
    }
  }
  return { count, size, pixels };
}

/** Fills `out` with 4-octave value noise normalised to [0, 1]; the first octave has `cells` lattice cells per side. */
function fractalNoise(out: Float32Array, size: number, uniform: Uniform, cells: number): Float32Array {
  out.fill(0);
  let amplitude = 1;
  for (let octave = 0; octave < 4; octave++, cells *= 2, amplitude /= 2) {
    const lattice = new Float32Array((cells + 1) * (cells + 1));
    for (let i = 0; i < lattice.length; i++) lattice[i] = uniform();
    const step = cells / size;
    for (let y = 0; y < size; y++) {
      const fy = y * step;
      const y0 = Math.floor(fy);
      const ty = smooth(fy - y0);
      for (let x = 0; x < size; x++) {
        const fx = x * step;
        const x0 = Math.floor(fx);
        const tx = smooth(fx - x0);
        const i = y0 * (cells + 1) + x0;
        const top = lattice[i]! + (lattice[i + 1]! - lattice[i]!) * tx;
        const bottom = lattice[i + cells + 1]! + (lattice[i + cells + 2]! - lattice[i + cells + 1]!) * tx;
        out[y * size + x]! += amplitude * (top + (bottom - top) * ty);
      }
    }
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of out) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min || 1;
  for (let i = 0; i < out.length; i++) out[i] = (out[i]! - min) / span;
  return out;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}
