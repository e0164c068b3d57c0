/*
 * How many multiply-adds per second WebAssembly SIMD (128-bit) reaches here,
 * as the fastest of two register-bound loops — Node 20 has no fused
 * multiply-add (relaxed SIMD), so every 4 multiply-adds are one `f32x4.mul`
 * and one `f32x4.add`:
 *
 * - `chains`: 32 independent chains c ← c · b + a (the multiply takes the
 *   accumulator, so the compiler cannot hoist it), no memory traffic;
 * - `tile`: a GEMM micro-kernel's 4 × 12 register tile, as XNNPACK's wasm SIMD
 *   kernels: per k, 4 splatted values of A times 3 vectors of B, from
 *   L1-resident 16 KB and 48 KB panels.
 *
 * A real kernel also moves data between cache levels, so it does not beat the
 * faster of the two; (multiply-adds of a step) / (that rate) is a floor under
 * any wasm step that does those multiply-adds. Built by build.sh; each returns
 * a checksum so its loop cannot be dropped.
 */
#include <wasm_simd128.h>

#define CHAINS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15) \
  X(16) X(17) X(18) X(19) X(20) X(21) X(22) X(23) X(24) X(25) X(26) X(27) X(28) X(29) X(30) X(31)
#define START(i) v128_t c##i = wasm_f32x4_splat(1.0f + 0.01f * (i));
#define STEP(i) c##i = wasm_f32x4_add(wasm_f32x4_mul(c##i, b), a);
#define SUM(i) t = wasm_f32x4_add(t, c##i);

/* 32 × 4 multiply-adds per iteration. */
float chains(int iterations, float s) {
  const v128_t b = wasm_f32x4_splat(s), a = wasm_f32x4_splat(1.0f);
  CHAINS(START)
  for (int i = 0; i < iterations; i++) { CHAINS(STEP) }
  v128_t t = wasm_f32x4_splat(0.0f);
  CHAINS(SUM)
  return wasm_f32x4_extract_lane(t, 0) + wasm_f32x4_extract_lane(t, 3);
}

#define K 1024
static float A[K * 4];
static float B[K * 12];

/* 1,024 × 48 multiply-adds per repetition. */
float tile(int repetitions, float s) {
  for (int i = 0; i < K * 4; i++) A[i] = s;
  for (int i = 0; i < K * 12; i++) B[i] = s;
  v128_t c00 = wasm_f32x4_splat(0.0f), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
  v128_t c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
  for (int r = 0; r < repetitions; r++) {
    const float *pa = A, *pb = B;
    for (int k = 0; k < K; k++, pa += 4, pb += 12) {
      const v128_t b0 = wasm_v128_load(pb), b1 = wasm_v128_load(pb + 4), b2 = wasm_v128_load(pb + 8);
      const v128_t a0 = wasm_v128_load32_splat(pa), a1 = wasm_v128_load32_splat(pa + 1);
      const v128_t a2 = wasm_v128_load32_splat(pa + 2), a3 = wasm_v128_load32_splat(pa + 3);
      c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(a0, b0)); c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(a0, b1)); c02 = wasm_f32x4_add(c02, wasm_f32x4_mul(a0, b2));
      c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(a1, b0)); c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(a1, b1)); c12 = wasm_f32x4_add(c12, wasm_f32x4_mul(a1, b2));
      c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(a2, b0)); c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(a2, b1)); c22 = wasm_f32x4_add(c22, wasm_f32x4_mul(a2, b2));
      c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(a3, b0)); c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(a3, b1)); c32 = wasm_f32x4_add(c32, wasm_f32x4_mul(a3, b2));
    }
  }
  v128_t t = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_add(c00, c01), wasm_f32x4_add(c02, c10)), wasm_f32x4_add(wasm_f32x4_add(c11, c12), wasm_f32x4_add(c20, c21)));
  t = wasm_f32x4_add(t, wasm_f32x4_add(wasm_f32x4_add(c22, c30), wasm_f32x4_add(c31, c32)));
  return wasm_f32x4_extract_lane(t, 0);
}
