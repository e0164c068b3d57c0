/*
 * gankit's matrix multiply for tfjs's wasm backend: C = A·B (+ bias, ReLU),
 * row-major, on WebAssembly SIMD128.
 *
 * Built by build.sh into gemm.wasm (and gemm-shared.wasm for tfjs's threaded
 * build), which import tfjs's own memory: A, B, bias and C are tensors on
 * tfjs's heap, passed as byte offsets, so nothing is copied. The module has
 * no data, no stack use and no globals of its own (build.sh checks), so it
 * never writes anywhere but C.
 *
 * Why: tfjs-wasm multiplies through an XNNPACK fully-connected operator
 * cached on B's tensor id. In training B is nearly always a new tensor (a
 * weight after its update, a gradient, a transposed operand), so every call
 * packs B anew; for 256×128·128×128 that is about as long as the multiply.
 * This kernel reads B in place.
 *
 * Tiles of 4 rows × 8 columns keep 8 f32x4 accumulators in registers; for
 * each k, two vectors of B's row k are multiplied by four broadcast values
 * of A's column k. Row and column remainders use narrower tiles. Sums run
 * over k in ascending order in float32 (no FMA), one accumulator per output;
 * the bias is added after the sum, then ReLU (max, which keeps NaN).
 */
#include <wasm_simd128.h>

typedef unsigned long size;

static inline void tile4x8(const float* a, const float* b, float* c, size k, size n, const float* bias, int relu) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  const float* a0 = a;
  const float* a1 = a + k;
  const float* a2 = a + 2 * k;
  const float* a3 = a + 3 * k;
  for (size p = 0; p < k; p++) {
    const float* bp = b + p * n;
    v128_t b0 = wasm_v128_load(bp);
    v128_t b1 = wasm_v128_load(bp + 4);
    v128_t x;
    x = wasm_f32x4_splat(a0[p]); c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(x, b0)); c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a1[p]); c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(x, b0)); c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a2[p]); c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(x, b0)); c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a3[p]); c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(x, b0)); c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(x, b1));
  }
  if (bias) {
    v128_t z0 = wasm_v128_load(bias), z1 = wasm_v128_load(bias + 4);
    c00 = wasm_f32x4_add(c00, z0); c01 = wasm_f32x4_add(c01, z1);
    c10 = wasm_f32x4_add(c10, z0); c11 = wasm_f32x4_add(c11, z1);
    c20 = wasm_f32x4_add(c20, z0); c21 = wasm_f32x4_add(c21, z1);
    c30 = wasm_f32x4_add(c30, z0); c31 = wasm_f32x4_add(c31, z1);
  }
  if (relu) {
    v128_t zero = wasm_f32x4_splat(0);
    c00 = wasm_f32x4_max(c00, zero); c01 = wasm_f32x4_max(c01, zero);
    c10 = wasm_f32x4_max(c10, zero); c11 = wasm_f32x4_max(c11, zero);
    c20 = wasm_f32x4_max(c20, zero); c21 = wasm_f32x4_max(c21, zero);
    c30 = wasm_f32x4_max(c30, zero); c31 = wasm_f32x4_max(c31, zero);
  }
  wasm_v128_store(c, c00); wasm_v128_store(c + 4, c01);
  wasm_v128_store(c + n, c10); wasm_v128_store(c + n + 4, c11);
  wasm_v128_store(c + 2 * n, c20); wasm_v128_store(c + 2 * n + 4, c21);
  wasm_v128_store(c + 3 * n, c30); wasm_v128_store(c + 3 * n + 4, c31);
}

/* One row × 4 columns (row remainder, and column remainder of 4). */
static inline void tile1x4(const float* a, const float* b, float* c, size k, size n, const float* bias, int relu) {
  v128_t acc = wasm_f32x4_splat(0);
  for (size p = 0; p < k; p++) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_f32x4_splat(a[p]), wasm_v128_load(b + p * n)));
  if (bias) acc = wasm_f32x4_add(acc, wasm_v128_load(bias));
  if (relu) acc = wasm_f32x4_max(acc, wasm_f32x4_splat(0));
  wasm_v128_store(c, acc);
}

/* One output value (the last < 4 columns). */
static inline void tile1x1(const float* a, const float* b, float* c, size k, size n, const float* bias, int relu) {
  float acc = 0;
  for (size p = 0; p < k; p++) acc += a[p] * b[p * n];
  if (bias) acc += *bias;
  if (relu && acc < 0) acc = 0;
  *c = acc;
}

/*
 * C[m×n] = A[m×k] · B[k×n] (+ bias[n]) (then max(0, ·) if relu), all
 * row-major float32 at byte offsets of the imported memory. bias = 0: none.
 */
__attribute__((export_name("gemm"))) void gemm(float* a, float* b, float* c, size m, size k, size n, float* bias, int relu) {
  size j = 0;
  for (; j + 8 <= n; j += 8) {
    size i = 0;
    for (; i + 4 <= m; i += 4) tile4x8(a + i * k, b + j, c + i * n + j, k, n, bias ? bias + j : 0, relu);
    for (; i < m; i++) {
      tile1x4(a + i * k, b + j, c + i * n + j, k, n, bias ? bias + j : 0, relu);
      tile1x4(a + i * k, b + j + 4, c + i * n + j + 4, k, n, bias ? bias + j + 4 : 0, relu);
    }
  }
  for (; j + 4 <= n; j += 4) {
    for (size i = 0; i < m; i++) tile1x4(a + i * k, b + j, c + i * n + j, k, n, bias ? bias + j : 0, relu);
  }
  for (; j < n; j++) {
    for (size i = 0; i < m; i++) tile1x1(a + i * k, b + j, c + i * n + j, k, n, bias ? bias + j : 0, relu);
  }
}
