/** mulberry32: a small, fast, seeded PRNG with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `k` distinct indices from 0…n−1, uniformly without replacement (a partial
 * Fisher–Yates shuffle of `scratch`, which must hold 0…n−1 in some order).
 */
export function sampleWithoutReplacement(scratch: Int32Array, k: number, uniform: () => number): Int32Array {
  const n = scratch.length;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(uniform() * (n - i));
    const t = scratch[i]!;
    scratch[i] = scratch[j]!;
    scratch[j] = t;
  }
  return scratch.slice(0, k);
}
