import * as tf from '@tensorflow/tfjs';

/** The serializable state of an {@link Rng}: plain JSON, saved in checkpoints. */
export interface RngState {
  readonly algorithm: 'xoshiro128**';
  readonly state: readonly [number, number, number, number];
}

const TWO_PI = 2 * Math.PI;
const INV_2_24 = 1 / 16777216;

/** SplitMix32 step, used only to expand a seed into xoshiro's 128-bit state. */
function splitMix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded, serializable random-number generator (xoshiro128**, Blackman &
 * Vigna 2018) that draws every random number a trainer uses — latent codes,
 * reparameterization noise, penalty interpolation — in JavaScript, so a run
 * is the same on every backend and resumes exactly from its saved state.
 */
export class Rng {
  private readonly s = new Uint32Array(4);

  private constructor() {}

  /** A generator for `seed` (an integer); different `stream`s give independent sequences. */
  static fromSeed(seed: number, stream = 0): Rng {
    const rng = new Rng();
    const mix = splitMix32((seed ^ Math.imul(stream + 1, 0x632be5ab)) >>> 0);
    for (let i = 0; i < 4; i++) rng.s[i] = mix();
    if (rng.s.every((v) => v === 0)) rng.s[0] = 1;
    return rng;
  }

  /** A generator continuing from a saved {@link RngState}. */
  static fromState(saved: RngState): Rng {
    if (saved?.algorithm !== 'xoshiro128**' || !Array.isArray(saved.state) || saved.state.length !== 4) {
      throw new Error(`Rng.fromState: not an xoshiro128** state: ${JSON.stringify(saved)}`);
    }
    const rng = new Rng();
    saved.state.forEach((v, i) => {
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`Rng.fromState: state word ${i} is not a uint32: ${v}`);
      rng.s[i] = v;
    });
    return rng;
  }

  /** The current state, to save. */
  getState(): RngState {
    return { algorithm: 'xoshiro128**', state: [this.s[0]!, this.s[1]!, this.s[2]!, this.s[3]!] };
  }

  /** The next uint32. */
  nextUint32(): number {
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
    return result;
  }

  /** Uniform in [0, 1) with 24 bits, so it is exactly representable in float32 (never rounds to 1). */
  nextFloat(): number {
    return (this.nextUint32() >>> 8) * INV_2_24;
  }

  /** `n` values uniform in [lo, hi). */
  uniformArray(n: number, lo = 0, hi = 1): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * this.nextFloat();
    return out;
  }

  /** `n` standard normal values (Box–Muller; both values of each pair are used). */
  normalArray(n: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i += 2) {
      const u1 = 1 - this.nextFloat(); // (0, 1]: log is finite
      const u2 = this.nextFloat();
      const r = Math.sqrt(-2 * Math.log(u1));
      out[i] = r * Math.cos(TWO_PI * u2);
      if (i + 1 < n) out[i + 1] = r * Math.sin(TWO_PI * u2);
    }
    return out;
  }

  /** A float32 tensor of `shape`, uniform in [lo, hi). */
  uniform(shape: number[], lo = 0, hi = 1): tf.Tensor {
    return tf.tensor(this.uniformArray(tf.util.sizeFromShape(shape), lo, hi), shape, 'float32');
  }

  /** A float32 tensor of `shape`, standard normal. */
  normal(shape: number[]): tf.Tensor {
    return tf.tensor(this.normalArray(tf.util.sizeFromShape(shape)), shape, 'float32');
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
