/**
 * Seeded random numbers for every sampler and shuffle in the package. One
 * generator (mulberry32: 32-bit state, period 2^32, fast and well mixed for
 * data shuffling, not for cryptography) and a seed mixer, so each stream —
 * a sampler's draws, the permutation of epoch `e` — is a pure function of
 * the user's seed and its own salts.
 */

/** A generator of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with salts into a new 32-bit seed (murmur3's finaliser per step). */
export function mixSeed(seed: number, ...salts: number[]): number {
  let h = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  for (const salt of [Math.floor(seed / 4294967296), ...salts]) {
    h = Math.imul(h ^ (salt >>> 0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A generator seeded from `seed` and `salts`. */
export function seededUniform(seed: number, ...salts: number[]): Uniform {
  return mulberry32(mixSeed(seed, ...salts));
}

/** Standard normal draws from a uniform generator (Box–Muller, both values used). */
export function normalFrom(uniform: Uniform): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u = uniform();
    while (u === 0) u = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** An integer in [0, n) from a uniform generator. */
export function randomInt(uniform: Uniform, n: number): number {
  return Math.floor(uniform() * n);
}

/** A uniformly random permutation of 0…n−1 (Fisher–Yates), into `out` if given. */
export function permutation(n: number, uniform: Uniform, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
