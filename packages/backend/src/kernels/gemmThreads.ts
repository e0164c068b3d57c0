import type { SimdKernels } from './simdModule.js';

/**
 * Slots of a helper's control block (an `Int32Array` on a `SharedArrayBuffer`):
 * the job's sequence number (written last by the caller), the number of the
 * last job the helper finished (negated if it failed), then `gemm`'s
 * twelve arguments.
 */
export const GEMM_CONTROL = { seq: 0, done: 1, args: 2, slots: 14 } as const;

/** Floats of packing scratch each thread needs for a product with B given transposed (simd.c: KC × 8). */
export const PANEL_FLOATS = 256 * 8;

/**
 * One product for `gemm` (byte offsets on the heap): C[m×n] = op(A)·op(B)
 * (+ bias) (then ReLU). `ta`: A given as Aᵀ, whose rows are `lda` floats
 * long; else A's rows are `lda` floats apart. `tb`: B given as Bᵀ (n × k),
 * with `panel` the scratch of {@link PANEL_FLOATS} floats per thread.
 */
export interface GemmCall {
  a: number;
  b: number;
  c: number;
  m: number;
  k: number;
  n: number;
  bias: number;
  relu: number;
  ta: number;
  lda: number;
  tb: number;
  panel: number;
}

/** A helper thread that runs `gemm` on the backend's (shared) memory when its control block says so. */
export interface GemmHelper {
  readonly control: Int32Array;
}

/**
 * Below this many multiply-adds (about 0.8 ms on one thread) a product runs on
 * the calling thread alone: handing rows to a helper and waking it cost about
 * 0.1–0.2 ms here, so 256×128·128×128 (4.2 × 10⁶) ran slower split and
 * 512×128·128×128 broke even.
 */
export const MIN_SPLIT_MACS = 1 << 24;

/** How long the caller waits for a helper before it gives up on it (a helper never takes this long for its rows). */
const HELPER_TIMEOUT_MS = 120_000;

/** How long the caller spins on a helper's answer before it sleeps. */
const SPIN_MS = 2;

const helpersByMemory = new WeakMap<WebAssembly.Memory, GemmHelper[]>();
/** Every registered list, for {@link dropHelper} (a WeakMap cannot be walked). */
const registered = new Set<GemmHelper[]>();
let enabled = true;
let lastSeq = 0;

/** Registers the helper threads for the backend whose memory is `memory` (Node entry: `internal/nodeGemmThreads.ts`). */
export function registerGemmHelpers(memory: WebAssembly.Memory, helpers: readonly GemmHelper[]): void {
  const previous = helpersByMemory.get(memory);
  if (previous !== undefined) registered.delete(previous);
  const list = [...helpers];
  helpersByMemory.set(memory, list);
  registered.add(list);
}

/** The helper threads registered for this memory (none: an empty list). */
export function gemmHelpers(memory: WebAssembly.Memory | undefined): readonly GemmHelper[] {
  return (memory !== undefined && enabled ? helpersByMemory.get(memory) : undefined) ?? [];
}

/** Turns the row split off or on again (benchmarks and tests compare one thread with several). */
export function setGemmThreadsEnabled(on: boolean): void {
  enabled = on;
}

/**
 * Where the rows of an m-row product split among `parts` threads: part p gets
 * rows [starts[p], starts[p + 1]). Every part but the last starts on a
 * multiple of 4 (the kernel's tile height), so each part tiles exactly as the
 * whole would; parts with no rows are dropped.
 */
export function splitRows(m: number, parts: number): number[] {
  const tiles = Math.ceil(m / 4);
  const used = Math.max(1, Math.min(parts, tiles));
  const starts: number[] = [];
  for (let p = 0; p < used; p++) starts.push(Math.min(m, Math.round((p * tiles) / used) * 4));
  starts.push(m);
  return starts;
}

/**
 * C[m×n] = op(A)·op(B) (+ bias) (then ReLU) with the rows of C split among
 * the calling thread and the helpers: the caller hands each helper its rows,
 * computes the first part itself, then waits for the helpers. Every output
 * element is the same sum in the same order as on one thread (each row's
 * result depends only on its row of A, all of B and the bias), so the result
 * is bit-for-bit the single-threaded one. Small products (under
 * {@link MIN_SPLIT_MACS} multiply-adds) and products of fewer than 8 rows run
 * on the calling thread alone. With `tb`, part p packs B into its own
 * scratch, `panel` + p × {@link PANEL_FLOATS} floats: the caller provides
 * (helpers + 1) of them.
 *
 * A helper that reports a failure is dropped for good, and its rows are
 * computed by the caller.
 */
export function runGemm(kernels: SimdKernels, helpers: readonly GemmHelper[], call: GemmCall): void {
  const { a, b, c, m, k, n, bias, relu, ta, lda, tb, panel } = call;
  if (helpers.length === 0 || m < 8 || m * k * n < MIN_SPLIT_MACS) {
    kernels.gemm(a, b, c, m, k, n, bias, relu, ta, lda, tb, panel);
    return;
  }
  // Part p's rows [from, to): A's rows start `from` rows (or, given as Aᵀ, columns) in.
  const aAt = (from: number): number => a + from * (ta ? 1 : lda) * 4;
  const panelAt = (part: number): number => (tb ? panel + part * PANEL_FLOATS * 4 : 0);
  const starts = splitRows(m, helpers.length + 1);
  const jobs: { helper: GemmHelper; seq: number; from: number; to: number; part: number }[] = [];
  for (let p = 1; p + 1 < starts.length; p++) {
    const helper = helpers[p - 1]!;
    const from = starts[p]!;
    const to = starts[p + 1]!;
    const ctl = helper.control;
    ctl.set([aAt(from), b, c + from * n * 4, to - from, k, n, bias, relu, ta, lda, tb, panelAt(p)], GEMM_CONTROL.args);
    lastSeq = lastSeq >= 0x3fffffff ? 1 : lastSeq + 1;
    Atomics.store(ctl, GEMM_CONTROL.seq, lastSeq);
    Atomics.notify(ctl, GEMM_CONTROL.seq);
    jobs.push({ helper, seq: lastSeq, from, to, part: p });
  }
  kernels.gemm(a, b, c, starts[1]!, k, n, bias, relu, ta, lda, tb, panelAt(0));
  for (const job of jobs) {
    const ctl = job.helper.control;
    // The parts are balanced, so the helper is usually about done: spin briefly before sleeping (a wake-up costs tens of µs).
    const spinUntil = performance.now() + SPIN_MS;
    let done = Atomics.load(ctl, GEMM_CONTROL.done);
    while (done !== job.seq && done !== -job.seq && performance.now() < spinUntil) done = Atomics.load(ctl, GEMM_CONTROL.done);
    const deadline = Date.now() + HELPER_TIMEOUT_MS;
    while (done !== job.seq && done !== -job.seq) {
      if (Date.now() > deadline) throw new Error(`@gankit/backend: a gemm helper thread did not answer within ${HELPER_TIMEOUT_MS / 1000} s`);
      Atomics.wait(ctl, GEMM_CONTROL.done, done, 50);
      done = Atomics.load(ctl, GEMM_CONTROL.done);
    }
    if (done === -job.seq) {
      dropHelper(job.helper);
      kernels.gemm(aAt(job.from), b, c + job.from * n * 4, job.to - job.from, k, n, bias, relu, ta, lda, tb, panelAt(job.part));
    }
  }
}

function dropHelper(helper: GemmHelper): void {
  // Helpers are few and registered per memory; remove this one wherever it is.
  for (const list of registered) {
    const i = list.indexOf(helper);
    if (i >= 0) list.splice(i, 1);
  }
}
