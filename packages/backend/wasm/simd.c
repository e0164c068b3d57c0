/*
 * gankit's SIMD kernels for tfjs's wasm backend: a matrix multiply C = A·B (+ bias, ReLU),
 * row-major, an Adam update, a sum of squares in float64 (a gradient norm),
 * column sums in float64 (Sum and Mean over leading axes), leaky ReLU and its
 * gradient, and instance normalization (forward and backward), on WebAssembly
 * SIMD128.
 *
 * Built by build.sh into simd.wasm (and simd-shared.wasm for tfjs's threaded
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

#define KC 256
#define MC 64

/*
 * A 4-row × 8-column tile of C over kc values of k. A's element (i, p) is
 * a[i·ars + p·acs]: (ars, acs) = (lda, 1) for A, (1, lda) for a stored Aᵀ,
 * whose 4 values at p are then adjacent: four splatting loads of one cache
 * line (1.10× as fast on (256×128)ᵀ·256×128 as one vector load and four
 * lane shuffles). B's (p, j) is b[p·ldb + j]. ta is always a literal, so
 * each call site compiles to its own loop.
 */
static inline __attribute__((always_inline)) void tile4x8_body(const float* a, size ars, size acs, int ta, const float* b, size ldb, float* c, size n, size k, const float* bias, int relu, int load) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  if (load) {
    c00 = wasm_v128_load(c); c01 = wasm_v128_load(c + 4);
    c10 = wasm_v128_load(c + n); c11 = wasm_v128_load(c + n + 4);
    c20 = wasm_v128_load(c + 2 * n); c21 = wasm_v128_load(c + 2 * n + 4);
    c30 = wasm_v128_load(c + 3 * n); c31 = wasm_v128_load(c + 3 * n + 4);
  }
  const float* a0 = a;
  const float* a1 = a + ars;
  const float* a2 = a + 2 * ars;
  const float* a3 = a + 3 * ars;
  for (size p = 0; p < k; p++) {
    const float* bp = b + p * ldb;
    v128_t b0 = wasm_v128_load(bp);
    v128_t b1 = wasm_v128_load(bp + 4);
    v128_t x0, x1, x2, x3;
    if (ta) {
      const float* v = a + p * acs;
      x0 = wasm_v128_load32_splat(v); x1 = wasm_v128_load32_splat(v + 1);
      x2 = wasm_v128_load32_splat(v + 2); x3 = wasm_v128_load32_splat(v + 3);
    } else {
      x0 = wasm_f32x4_splat(a0[p]); x1 = wasm_f32x4_splat(a1[p]); x2 = wasm_f32x4_splat(a2[p]); x3 = wasm_f32x4_splat(a3[p]);
    }
    c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(x0, b0)); c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(x0, b1));
    c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(x1, b0)); c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(x1, b1));
    c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(x2, b0)); c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(x2, b1));
    c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(x3, b0)); c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(x3, b1));
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

/*
 * The 4 × 8 tile as two functions of their own, one per layout of A, that
 * are never inlined. Inlined into gemm's body (as they were before
 * 2026-12-07), V8's code for the tile's loop was markedly slower: the same
 * loop in a small function ran 256×128·128×128 1.5× and 64×1024·(6272×1024)ᵀ
 * 1.8× as fast, bit-for-bit the same (side by side on one thread; the call
 * per tile is noise beside its kc-long loop).
 */
__attribute__((noinline)) static void tile4x8_a(const float* a, size ars, size acs, const float* b, size ldb, float* c, size n, size k, const float* bias, int relu, int load) {
  tile4x8_body(a, ars, acs, 0, b, ldb, c, n, k, bias, relu, load);
}
__attribute__((noinline)) static void tile4x8_at(const float* a, size ars, size acs, const float* b, size ldb, float* c, size n, size k, const float* bias, int relu, int load) {
  tile4x8_body(a, ars, acs, 1, b, ldb, c, n, k, bias, relu, load);
}
static inline __attribute__((always_inline)) void tile4x8(const float* a, size ars, size acs, int ta, const float* b, size ldb, float* c, size n, size k, const float* bias, int relu, int load) {
  if (ta) tile4x8_at(a, ars, acs, b, ldb, c, n, k, bias, relu, load);
  else tile4x8_a(a, ars, acs, b, ldb, c, n, k, bias, relu, load);
}

/* One row × 4 columns (row remainder, and column remainder of 4); A's values along k are acs apart. */
static inline void tile1x4(const float* a, size acs, const float* b, size ldb, float* c, size k, const float* bias, int relu, int load) {
  v128_t acc = load ? wasm_v128_load(c) : wasm_f32x4_splat(0);
  for (size p = 0; p < k; p++) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_f32x4_splat(a[p * acs]), wasm_v128_load(b + p * ldb)));
  if (bias) acc = wasm_f32x4_add(acc, wasm_v128_load(bias));
  if (relu) acc = wasm_f32x4_max(acc, wasm_f32x4_splat(0));
  wasm_v128_store(c, acc);
}

/*
 * Four rows × one column (the last < 4 columns: a critic's 1-unit output, a
 * 2-D generator's 2): the four sums side by side in one vector, each still
 * over k in ascending order, so each value is bit-for-bit tile1x1's. One
 * scalar sum is a chain of dependent adds; four independent ones ran
 * 256×128·128×1 about 3× as fast. A's four values at p: one load for a
 * stored Aᵀ (ta: they are adjacent), else gathered. Bias after the sum;
 * ReLU as tile1x1 does it (acc < 0 ? 0 : acc, so −0 and NaN stay).
 */
static inline __attribute__((always_inline)) void tile4x1_body(const float* a, size ars, size acs, int ta, const float* b, size ldb, float* c, size n, size k, const float* bias, int relu, int load) {
  v128_t acc = load ? wasm_f32x4_make(c[0], c[n], c[2 * n], c[3 * n]) : wasm_f32x4_splat(0);
  for (size p = 0; p < k; p++) {
    v128_t x = ta ? wasm_v128_load(a + p * acs) : wasm_f32x4_make(a[p * acs], a[ars + p * acs], a[2 * ars + p * acs], a[3 * ars + p * acs]);
    acc = wasm_f32x4_add(acc, wasm_f32x4_mul(x, wasm_v128_load32_splat(b + p * ldb)));
  }
  if (bias) acc = wasm_f32x4_add(acc, wasm_v128_load32_splat(bias));
  if (relu) {
    v128_t zero = wasm_f32x4_splat(0);
    acc = wasm_v128_bitselect(zero, acc, wasm_f32x4_lt(acc, zero));
  }
  c[0] = wasm_f32x4_extract_lane(acc, 0);
  c[n] = wasm_f32x4_extract_lane(acc, 1);
  c[2 * n] = wasm_f32x4_extract_lane(acc, 2);
  c[3 * n] = wasm_f32x4_extract_lane(acc, 3);
}
__attribute__((noinline)) static void tile4x1_a(const float* a, size ars, size acs, const float* b, size ldb, float* c, size n, size k, const float* bias, int relu, int load) {
  tile4x1_body(a, ars, acs, 0, b, ldb, c, n, k, bias, relu, load);
}
__attribute__((noinline)) static void tile4x1_at(const float* a, size ars, size acs, const float* b, size ldb, float* c, size n, size k, const float* bias, int relu, int load) {
  tile4x1_body(a, ars, acs, 1, b, ldb, c, n, k, bias, relu, load);
}

/* One output value (the last < 4 columns). */
static inline void tile1x1(const float* a, size acs, const float* b, size ldb, float* c, size k, const float* bias, int relu, int load) {
  float acc = load ? *c : 0;
  for (size p = 0; p < k; p++) acc += a[p * acs] * b[p * ldb];
  if (bias) acc += *bias;
  if (relu && acc < 0) acc = 0;
  *c = acc;
}

/*
 * Packs columns j … j + w − 1 (w ≤ 8) of B's rows p0 … p0 + kc − 1 from a
 * stored Bᵀ (n × k, row-major: B's column j is row j of bt) into
 * panel[p·8 + col]: the layout the tiles read with ldb = 8. Full panels move
 * as 4×4 blocks transposed in registers.
 */
static void pack_bt(const float* bt, size k, size j, size w, size p0, size kc, float* panel) {
  size p = 0;
  if (w == 8) {
    const float* r = bt + j * k + p0;
    for (; p + 4 <= kc; p += 4) {
      for (size h = 0; h < 8; h += 4) {
        v128_t r0 = wasm_v128_load(r + h * k + p), r1 = wasm_v128_load(r + (h + 1) * k + p);
        v128_t r2 = wasm_v128_load(r + (h + 2) * k + p), r3 = wasm_v128_load(r + (h + 3) * k + p);
        v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);
        v128_t t2 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7), t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
        float* o = panel + p * 8 + h;
        wasm_v128_store(o, wasm_i32x4_shuffle(t0, t1, 0, 1, 4, 5));
        wasm_v128_store(o + 8, wasm_i32x4_shuffle(t0, t1, 2, 3, 6, 7));
        wasm_v128_store(o + 16, wasm_i32x4_shuffle(t2, t3, 0, 1, 4, 5));
        wasm_v128_store(o + 24, wasm_i32x4_shuffle(t2, t3, 2, 3, 6, 7));
      }
    }
  }
  for (; p < kc; p++) {
    for (size col = 0; col < w; col++) panel[p * 8 + col] = bt[(j + col) * k + p0 + p];
  }
}

/* The rows i0 … i1 − 1 of one k block against one panel of w ≤ 8 columns of B (row stride ldb). */
static inline __attribute__((always_inline)) void panel_rows(const float* ab, size ars, size acs, int ta, const float* bp, size ldb, float* c, size n, size i0, size i1, size w, size kc, const float* z, int r, int load) {
  size i = i0;
  if (w == 8) {
    for (; i + 4 <= i1; i += 4) tile4x8(ab + i * ars, ars, acs, ta, bp, ldb, c + i * n, n, kc, z, r, load);
    for (; i < i1; i++) {
      tile1x4(ab + i * ars, acs, bp, ldb, c + i * n, kc, z, r, load);
      tile1x4(ab + i * ars, acs, bp + 4, ldb, c + i * n + 4, kc, z ? z + 4 : 0, r, load);
    }
    return;
  }
  size col = 0;
  if (w >= 4) {
    for (i = i0; i < i1; i++) tile1x4(ab + i * ars, acs, bp, ldb, c + i * n, kc, z, r, load);
    col = 4;
  }
  for (; col < w; col++) {
    for (i = i0; i + 4 <= i1; i += 4) {
      if (ta) tile4x1_at(ab + i * ars, ars, acs, bp + col, ldb, c + i * n + col, n, kc, z ? z + col : 0, r, load);
      else tile4x1_a(ab + i * ars, ars, acs, bp + col, ldb, c + i * n + col, n, kc, z ? z + col : 0, r, load);
    }
    for (; i < i1; i++) tile1x1(ab + i * ars, acs, bp + col, ldb, c + i * n + col, kc, z ? z + col : 0, r, load);
  }
}

/* The body of gemm for one layout of A (ta a literal). */
static inline __attribute__((always_inline)) void gemm_body(const float* a, size ars, size acs, int ta, const float* b, int tb, float* c, size m, size k, size n, const float* bias, int relu, float* panel) {
  size p0 = 0;
  do {
    const size kc = k - p0 < KC ? k - p0 : KC;
    const int load = p0 > 0;
    const int last = p0 + kc >= k;
    const float* ab = a + p0 * acs;
    const float* z = last ? bias : 0;
    const int r = last ? relu : 0;
    if (tb) {
      for (size j = 0; j < n; j += 8) {
        const size w = n - j < 8 ? n - j : 8;
        pack_bt(b, k, j, w, p0, kc, panel);
        panel_rows(ab, ars, acs, ta, panel, 8, c + j, n, 0, m, w, kc, z ? z + j : 0, r, load);
      }
    } else {
      const float* bb = b + p0 * n;
      for (size i0 = 0; i0 < m; i0 += MC) {
        const size i1 = m - i0 < MC ? m : i0 + MC;
        size j = 0;
        for (; j + 8 <= n; j += 8) panel_rows(ab, ars, acs, ta, bb + j, n, c + j, n, i0, i1, 8, kc, z ? z + j : 0, r, load);
        for (; j + 4 <= n; j += 4) panel_rows(ab, ars, acs, ta, bb + j, n, c + j, n, i0, i1, 4, kc, z ? z + j : 0, r, load);
        for (; j < n; j++) panel_rows(ab, ars, acs, ta, bb + j, n, c + j, n, i0, i1, 1, kc, z ? z + j : 0, r, load);
      }
    }
    p0 += kc;
  } while (p0 < k);
}

/*
 * C[m×n] = op(A) · op(B) (+ bias[n]) (then max(0, ·) if relu), row-major
 * float32 at byte offsets of the imported memory; bias = 0: none.
 * - ta = 0: A is m × k, row i at a + i·lda (lda = k for a whole matrix);
 *   ta = 1: A is given as Aᵀ, A's (i, p) at a[p·lda + i] (lda = the stored
 *   Aᵀ's row length, which may exceed m when the rows are a slice).
 * - tb = 0: B is k × n; tb = 1: B is given as Bᵀ (n × k), and `panel` is
 *   scratch of KC × 8 floats into which each panel of B is packed.
 *
 * k is taken in blocks of KC: for each block every tile of C is brought up
 * to date (its running sums stored in C between blocks, which float32 stores
 * exactly), so the rows of A in a block stay in cache across all the column
 * panels of B instead of being read again, in full, for each panel. Every
 * sum still runs over k in ascending order from 0, and the bias and ReLU come
 * after the last block, so the result is bit-for-bit the unblocked one — and
 * the same with either layout of A or B, since each product and each sum is
 * the same float32 operation in the same order.
 * Within a k block the rows are taken MC at a time (a multiple of the tile
 * height, so the tiles are the same), so a tall A's block (MC × KC, 64 KB)
 * stays in cache across the column panels: 3136×1600·1600×64 ran 1.21× and
 * 6272×64·64×1024 1.08× as fast as without, measured side by side.
 */
__attribute__((export_name("gemm"))) void gemm(float* a, float* b, float* c, size m, size k, size n, float* bias, int relu, int ta, size lda, int tb, float* panel) {
  if (ta) gemm_body(a, 1, lda, 1, b, tb, c, m, k, n, bias, relu, panel);
  else gemm_body(a, lda, 1, 0, b, tb, c, m, k, n, bias, relu, panel);
}

/*
 * Σ x[i]² over n float32 values, in float64: each square is exact in float64
 * (a 24-bit significand squared fits in 53 bits), and the sums run in four
 * streams, stream k over the values at i ≡ k (mod 4) in ascending order,
 * combined as ((s0 + s1) + s2) + s3, then the last n mod 4 values added in
 * order — the order @gankit/trainers' JavaScript GankitGlobalNorm follows, so
 * both give the same double. The squared global gradient norm of a trainer's
 * update, without a Square and a Sum launched per variable.
 */
__attribute__((export_name("sum_squares"))) double sum_squares(const float* x, size n) {
  v128_t a0 = wasm_f64x2_splat(0), a1 = a0;
  size i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t v = wasm_v128_load(x + i);
    const v128_t lo = wasm_f64x2_promote_low_f32x4(v);
    const v128_t hi = wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v, v, 2, 3, 2, 3));
    a0 = wasm_f64x2_add(a0, wasm_f64x2_mul(lo, lo));
    a1 = wasm_f64x2_add(a1, wasm_f64x2_mul(hi, hi));
  }
  double s = ((wasm_f64x2_extract_lane(a0, 0) + wasm_f64x2_extract_lane(a0, 1)) + wasm_f64x2_extract_lane(a1, 0)) + wasm_f64x2_extract_lane(a1, 1);
  for (; i < n; i++) s += (double)x[i] * (double)x[i];
  return s;
}

/*
 * One Adam step (Kingma & Ba 2015) of n values, for @gankit/trainers'
 * GankitFusedAdam kernel:
 *
 *   m' = β₁·m + (1 − β₁)·g,   v' = β₂·v + (1 − β₂)·g²
 *   θ' = θ + (−η) · ((m' / (1 − β₁ᵗ)) / (√(v' / (1 − β₂ᵗ)) + ε))
 *
 * b1 = β₁, c1 = 1 − β₁, b2, c2, o1 = 1 − β₁ᵗ, o2 = 1 − β₂ᵗ, eps, step = −η,
 * each already rounded to float32 by the caller. Every operation is an IEEE
 * float32 operation in the order of tfjs's AdamOptimizer kernels (built with
 * -ffp-contract=off; wasm has no fused multiply-add here anyway), so the
 * result is bit-for-bit tf.train.adam's.
 */
__attribute__((export_name("adam"))) void adam(const float* theta, const float* g, const float* m, const float* v, float* theta2, float* m2, float* v2, size n,
                                               float b1, float c1, float b2, float c2, float o1, float o2, float eps, float step) {
  const v128_t B1 = wasm_f32x4_splat(b1), C1 = wasm_f32x4_splat(c1), B2 = wasm_f32x4_splat(b2), C2 = wasm_f32x4_splat(c2);
  const v128_t O1 = wasm_f32x4_splat(o1), O2 = wasm_f32x4_splat(o2), E = wasm_f32x4_splat(eps), S = wasm_f32x4_splat(step);
  size i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t gk = wasm_v128_load(g + i);
    v128_t mk = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(m + i), B1), wasm_f32x4_mul(gk, C1));
    v128_t vk = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(v + i), B2), wasm_f32x4_mul(wasm_f32x4_mul(gk, gk), C2));
    v128_t denominator = wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_div(vk, O2)), E);
    v128_t t = wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_div(wasm_f32x4_div(mk, O1), denominator), S), wasm_v128_load(theta + i));
    wasm_v128_store(m2 + i, mk);
    wasm_v128_store(v2 + i, vk);
    wasm_v128_store(theta2 + i, t);
  }
  for (; i < n; i++) {
    float gk = g[i];
    float mk = m[i] * b1 + gk * c1;
    float vk = v[i] * b2 + (gk * gk) * c2;
    float denominator = __builtin_sqrtf(vk / o2) + eps;
    m2[i] = mk;
    v2[i] = vk;
    theta2[i] = ((mk / o1) / denominator) * step + theta[i];
  }
}

/*
 * Column sums of x viewed as [rows, inner] (a Sum or Mean over leading axes:
 * bias and batch-norm gradients), each in float64 in ascending row order:
 *
 *   y[j] = fl32(Σ_r x[r·inner + j])        (mean = 0)
 *   y[j] = fl32((Σ_r x[r·inner + j]) / rows)  (mean = 1)
 *
 * acc is scratch of inner doubles. One pass over x in memory order, each row
 * added into acc four values at a time (promoted to two f64x2), so the result
 * is bit-for-bit that of a scalar float64 loop over r; only the last step
 * rounds to float32.
 */
__attribute__((export_name("sum_rows"))) void sum_rows(const float* x, float* y, size rows, size inner, int mean, double* acc) {
  const v128_t zero = wasm_f64x2_splat(0);
  size j = 0;
  for (; j + 2 <= inner; j += 2) wasm_v128_store(acc + j, zero);
  for (; j < inner; j++) acc[j] = 0;
  for (size r = 0; r < rows; r++) {
    const float* xr = x + r * inner;
    j = 0;
    for (; j + 4 <= inner; j += 4) {
      v128_t v = wasm_v128_load(xr + j);
      v128_t lo = wasm_f64x2_promote_low_f32x4(v);
      v128_t hi = wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v, v, 2, 3, 2, 3));
      wasm_v128_store(acc + j, wasm_f64x2_add(wasm_v128_load(acc + j), lo));
      wasm_v128_store(acc + j + 2, wasm_f64x2_add(wasm_v128_load(acc + j + 2), hi));
    }
    for (; j < inner; j++) acc[j] += (double)xr[j];
  }
  const double count = (double)rows;
  for (j = 0; j < inner; j++) y[j] = (float)(mean ? acc[j] / count : acc[j]);
}

/*
 * Leaky ReLU, y = x > 0 ? x : α·x (a lane select, so NaN stays NaN and
 * 0·∞ is never formed for positive x), 4 values per instruction.
 */
__attribute__((export_name("leaky_relu"))) void leaky_relu(const float* x, float* y, size n, float alpha) {
  const v128_t a = wasm_f32x4_splat(alpha);
  size i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t v = wasm_v128_load(x + i);
    wasm_v128_store(y + i, wasm_v128_bitselect(v, wasm_f32x4_mul(v, a), wasm_f32x4_gt(v, wasm_f32x4_splat(0))));
  }
  for (; i < n; i++) y[i] = x[i] > 0 ? x[i] : alpha * x[i];
}

/*
 * The gradient of leaky ReLU (ReLU for α = 0) at x, times dy:
 * out = dy · m, m = m1 where x > 0, m0 where x ≤ 0, and x itself (NaN) where
 * x is NaN. With m1 = α + (1 − α) and m0 = α rounded as the caller computes
 * them, this is bit-for-bit dy ⊙ (α + (1 − α)·step(x)) as tfjs's kernels
 * evaluate it (step(x) = 1, 0 or NaN), −0 for a negative dy included.
 */
__attribute__((export_name("leaky_relu_grad"))) void leaky_relu_grad(const float* dy, const float* x, float* out, size n, float m1, float m0) {
  const v128_t one = wasm_f32x4_splat(m1), low = wasm_f32x4_splat(m0), zero = wasm_f32x4_splat(0);
  size i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t v = wasm_v128_load(x + i);
    const v128_t m = wasm_v128_bitselect(v, wasm_v128_bitselect(one, low, wasm_f32x4_gt(v, zero)), wasm_f32x4_ne(v, v));
    wasm_v128_store(out + i, wasm_f32x4_mul(wasm_v128_load(dy + i), m));
  }
  for (; i < n; i++) {
    const float v = x[i];
    out[i] = dy[i] * (v != v ? v : v > 0 ? m1 : m0);
  }
}

/*
 * Instance normalization of n samples of s positions × c channels (channels
 * last): per sample and channel, μ = mean, σ² = biased variance (two passes,
 * float32), r = 1/√(σ² + ε), and
 *
 *   instance_norm:      y  = (x − μ)·r
 *   instance_norm_grad: dx = r·(dy − mean(dy) − x̂·mean(dy·x̂)),  x̂ = (x − μ)·r
 *
 * Four channels per vector, each pass striding over the positions; the
 * channels past the last multiple of 4 go one at a time.
 */
#define STATS4(x, s, c, k, eps, mean, r)                                       \
  do {                                                                         \
    v128_t sum = wasm_f32x4_splat(0);                                          \
    for (size p = 0; p < s; p++) sum = wasm_f32x4_add(sum, wasm_v128_load(x + p * c + k)); \
    const v128_t S_ = wasm_f32x4_splat((float)s);                              \
    mean = wasm_f32x4_div(sum, S_);                                            \
    v128_t sq = wasm_f32x4_splat(0);                                           \
    for (size p = 0; p < s; p++) {                                             \
      v128_t d = wasm_f32x4_sub(wasm_v128_load(x + p * c + k), mean);          \
      sq = wasm_f32x4_add(sq, wasm_f32x4_mul(d, d));                           \
    }                                                                          \
    r = wasm_f32x4_div(wasm_f32x4_splat(1), wasm_f32x4_sqrt(wasm_f32x4_add(wasm_f32x4_div(sq, S_), wasm_f32x4_splat(eps)))); \
  } while (0)

#define STATS1(x, s, c, k, eps, mean, r)                                       \
  do {                                                                         \
    float sum = 0;                                                             \
    for (size p = 0; p < s; p++) sum += x[p * c + k];                          \
    mean = sum / (float)s;                                                     \
    float sq = 0;                                                              \
    for (size p = 0; p < s; p++) {                                             \
      float d = x[p * c + k] - mean;                                           \
      sq += d * d;                                                             \
    }                                                                          \
    r = 1.0f / __builtin_sqrtf(sq / (float)s + eps);                           \
  } while (0)

__attribute__((export_name("instance_norm"))) void instance_norm(const float* x, float* y, size n, size s, size c, float eps) {
  for (size b = 0; b < n; b++, x += s * c, y += s * c) {
    size k = 0;
    for (; k + 4 <= c; k += 4) {
      v128_t mean, r;
      STATS4(x, s, c, k, eps, mean, r);
      for (size p = 0; p < s; p++) wasm_v128_store(y + p * c + k, wasm_f32x4_mul(wasm_f32x4_sub(wasm_v128_load(x + p * c + k), mean), r));
    }
    for (; k < c; k++) {
      float mean, r;
      STATS1(x, s, c, k, eps, mean, r);
      for (size p = 0; p < s; p++) y[p * c + k] = (x[p * c + k] - mean) * r;
    }
  }
}

__attribute__((export_name("instance_norm_grad"))) void instance_norm_grad(const float* dy, const float* x, float* dx, size n, size s, size c, float eps) {
  for (size b = 0; b < n; b++, x += s * c, dy += s * c, dx += s * c) {
    size k = 0;
    for (; k + 4 <= c; k += 4) {
      v128_t mean, r;
      STATS4(x, s, c, k, eps, mean, r);
      v128_t a = wasm_f32x4_splat(0), m = a;
      for (size p = 0; p < s; p++) {
        v128_t g = wasm_v128_load(dy + p * c + k);
        a = wasm_f32x4_add(a, g);
        m = wasm_f32x4_add(m, wasm_f32x4_mul(g, wasm_f32x4_mul(wasm_f32x4_sub(wasm_v128_load(x + p * c + k), mean), r)));
      }
      const v128_t S = wasm_f32x4_splat((float)s);
      a = wasm_f32x4_div(a, S);
      m = wasm_f32x4_div(m, S);
      for (size p = 0; p < s; p++) {
        v128_t xh = wasm_f32x4_mul(wasm_f32x4_sub(wasm_v128_load(x + p * c + k), mean), r);
        v128_t g = wasm_f32x4_sub(wasm_f32x4_sub(wasm_v128_load(dy + p * c + k), a), wasm_f32x4_mul(xh, m));
        wasm_v128_store(dx + p * c + k, wasm_f32x4_mul(r, g));
      }
    }
    for (; k < c; k++) {
      float mean, r;
      STATS1(x, s, c, k, eps, mean, r);
      float a = 0, m = 0;
      for (size p = 0; p < s; p++) {
        a += dy[p * c + k];
        m += dy[p * c + k] * ((x[p * c + k] - mean) * r);
      }
      a /= (float)s;
      m /= (float)s;
      for (size p = 0; p < s; p++) dx[p * c + k] = r * ((dy[p * c + k] - a) - ((x[p * c + k] - mean) * r) * m);
    }
  }
}

/*
 * The column (im2col) view of a channels-last convolution with strides
 * (sh, sw), padding (pt, pl) before, a kh × kw window and no dilation:
 *
 *   cols[(b, i, j), (p, q, c)] = x[b, i·sh + p − pt, j·sw + q − pl, c]   (0 outside the image)
 *
 * for b < batch, i < oh, j < ow; x is [batch, h, w, ci]. With cols a convolution's
 * products are GEMMs: y = cols·W, ∂L/∂W = colsᵀ·dy, and dx = col2im(dy·Wᵀ).
 * Each tap row is a run of ci floats of x (kw·ci when sw = 1: the window's row
 * is contiguous in x), copied four at a time.
 */
static inline void copy_run(float* d, const float* s, size n) {
  size i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(d + i, wasm_v128_load(s + i));
  for (; i < n; i++) d[i] = s[i];
}

static inline void zero_run(float* d, size n) {
  const v128_t z = wasm_f32x4_splat(0);
  size i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(d + i, z);
  for (; i < n; i++) d[i] = 0;
}

static inline void add_run(float* d, const float* s, size n) {
  size i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(d + i, wasm_f32x4_add(wasm_v128_load(d + i), wasm_v128_load(s + i)));
  for (; i < n; i++) d[i] += s[i];
}

/* The window columns q in [q0, q1) of output column j that land inside the image (w columns). */
static inline void window_cols(long j, size sw, long pl, size kw, size w, long* q0, long* q1) {
  long first = pl - j * (long)sw;  /* q with column 0 */
  long end = first + (long)w;      /* q with column w */
  long a = first > 0 ? first : 0;
  long e = end < (long)kw ? end : (long)kw;
  if (a > (long)kw) a = (long)kw;
  *q0 = a;
  *q1 = e > a ? e : a; /* 0 ≤ q0 ≤ q1 ≤ kw */
}

__attribute__((export_name("im2col"))) void im2col(const float* x, float* cols, size batch, size h, size w, size ci, size kh, size kw, size sh, size sw, long pt, long pl, size oh, size ow) {
  const size taps = kh * kw * ci;
  float* row = cols;
  for (size b = 0; b < batch; b++) {
    for (size i = 0; i < oh; i++) {
      for (size j = 0; j < ow; j++, row += taps) {
        long q0, q1;
        window_cols((long)j, sw, pl, kw, w, &q0, &q1);
        for (size p = 0; p < kh; p++) {
          float* dst = row + p * kw * ci;
          const long hh = (long)(i * sh + p) - pt;
          if (hh < 0 || hh >= (long)h) {
            zero_run(dst, kw * ci);
            continue;
          }
          const float* src = x + ((b * h + (size)hh) * w) * ci;
          zero_run(dst, (size)q0 * ci);
          if (sw == 1) {
            if (q1 > q0) copy_run(dst + (size)q0 * ci, src + (size)((long)j + q0 - pl) * ci, (size)(q1 - q0) * ci);
          } else {
            for (long q = q0; q < q1; q++) copy_run(dst + (size)q * ci, src + (size)((long)(j * sw) + q - pl) * ci, ci);
          }
          zero_run(dst + (size)q1 * ci, (kw - (size)q1) * ci);
        }
      }
    }
  }
}

/*
 * Its adjoint (col2im): dx = 0, then for b, i, j, p, q in ascending order,
 *
 *   dx[b, i·sh + p − pt, j·sw + q − pl, c] += cols[(b, i, j), (p, q, c)]   (inside the image),
 *
 * so every dx value sums its contributions in that order (the order of the
 * scalar loop this replaces, bit-for-bit).
 */
__attribute__((export_name("col2im"))) void col2im(const float* cols, float* dx, size batch, size h, size w, size ci, size kh, size kw, size sh, size sw, long pt, long pl, size oh, size ow) {
  const size taps = kh * kw * ci;
  zero_run(dx, batch * h * w * ci);
  const float* row = cols;
  for (size b = 0; b < batch; b++) {
    for (size i = 0; i < oh; i++) {
      for (size j = 0; j < ow; j++, row += taps) {
        long q0, q1;
        window_cols((long)j, sw, pl, kw, w, &q0, &q1);
        if (q1 <= q0) continue;
        for (size p = 0; p < kh; p++) {
          const long hh = (long)(i * sh + p) - pt;
          if (hh < 0 || hh >= (long)h) continue;
          float* dst = dx + ((b * h + (size)hh) * w) * ci;
          const float* src = row + p * kw * ci;
          if (sw == 1) {
            add_run(dst + (size)((long)j + q0 - pl) * ci, src + (size)q0 * ci, (size)(q1 - q0) * ci);
          } else {
            for (long q = q0; q < q1; q++) add_run(dst + (size)((long)(j * sw) + q - pl) * ci, src + (size)q * ci, ci);
          }
        }
      }
    }
  }
}
