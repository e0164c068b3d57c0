import type { BackendInfo } from '@gankit/backend';
import { startBackend, webGlRenderer } from './backend.js';
import type { BackendName } from './backend.js';
import { probeWebGpu } from './backendProbes.js';
import { autoReason } from './autoReason.js';
import type { BackendTrial } from './protocol.js';
import { Session } from './session.js';
import type { Settings } from './settings.js';

/** An untimed step first: the GPU backends compile their shaders, wasm fills its caches. */
const WARM_UP_STEPS = 1;
/** Timed steps: at least this many … */
const MIN_TIMED_STEPS = 2;
/** … and at least this long … */
const MIN_TIMED_MS = 600;
/** … unless, after one timed step, a backend runs at less than this fraction of the best so far: it is not timed further. */
const CLEARLY_SLOWER = 1 / 3;
/** While timed, the views are read back this often, as the page asks for them while training. */
const VIEW_INTERVAL_MS = 250;
/** A backend still warming up or stepping after this long (from its first step) is not waited for. */
const BUDGET_MS = 8_000;

/** What {@link chooseFastestBackend} decided. */
export interface AutoChoice {
  readonly info: BackendInfo;
  readonly trials: readonly BackendTrial[];
  /** One line, e.g. `chosen: 5.4 steps/s vs webgl 0.7 (SwiftShader, software)`. */
  readonly reason: string;
}

/**
 * Times training steps of a fresh session of `settings` on the current
 * backend as the page runs them, reading the views back every
 * {@link VIEW_INTERVAL_MS} (on a GPU backend that read-back costs as much as
 * several steps): {@link WARM_UP_STEPS} untimed (with a view, so its shaders
 * are compiled too), then at least {@link MIN_TIMED_STEPS} and
 * {@link MIN_TIMED_MS}, stopping early when clearly slower than `best`, and
 * giving up after {@link BUDGET_MS}.
 *
 * @param settings - the setup to time.
 * @param best - the best rate so far (steps/s), if any.
 * @returns steps per second, or undefined if the budget ran out before a timed step.
 */
async function timeSteps(settings: Settings, best: number | undefined): Promise<number | undefined> {
  const session = new Session(settings);
  try {
    const start = performance.now();
    for (let i = 0; i < WARM_UP_STEPS; i++) {
      await session.trainStep();
      await session.view();
      if (performance.now() - start > BUDGET_MS) return undefined;
    }
    const t0 = performance.now();
    let lastView = t0;
    let steps = 0;
    const rate = (): number => steps / ((performance.now() - t0) / 1000);
    while (steps < MIN_TIMED_STEPS || performance.now() - t0 < MIN_TIMED_MS) {
      await session.trainStep();
      steps++;
      if (performance.now() - lastView >= VIEW_INTERVAL_MS) {
        await session.view();
        lastView = performance.now();
      }
      if (performance.now() - start > BUDGET_MS) break;
      if (best !== undefined && rate() < best * CLEARLY_SLOWER) break;
    }
    return rate();
  } finally {
    session.dispose();
  }
}

/**
 * `auto`: starts every backend that can run here and times a few training
 * steps of the actual setup on each (wasm, then webgpu and webgl when they
 * have an adapter or a context), and keeps the fastest. cpu is only the
 * fallback when none of them starts. A software WebGL (SwiftShader,
 * llvmpipe) is timed like the rest; its renderer is named in the result.
 *
 * @param settings - the setup to time (a throw-away session per backend).
 * @param onProgress - called with a line like `measuring webgl…` before each backend.
 * @param only - look at these backends only (default: wasm, webgpu and webgl).
 * @returns the backend left running, every trial, and one line on why.
 *
 * @example
 * ```ts
 * const { info, reason } = await chooseFastestBackend(settings, (text) => console.log(text));
 * // info.backend 'wasm', reason 'chosen: 5.4 steps/s vs webgl 0.7 (SwiftShader, software); webgpu: no WebGPU adapter'
 * ```
 */
export async function chooseFastestBackend(settings: Settings, onProgress: (text: string) => void = () => {}, only?: readonly BackendName[]): Promise<AutoChoice> {
  const trials: BackendTrial[] = [];
  const gpu = await probeWebGpu();
  const gl = webGlRenderer();
  const candidates: Array<{ name: BackendName; unavailable?: string; detail?: string }> = [
    { name: 'wasm' },
    { name: 'webgpu', ...(gpu.available ? {} : { unavailable: gpu.summary }), ...(gpu.software ? { detail: gpu.summary } : {}) },
    { name: 'webgl', ...(gl.available ? { detail: gl.software ? gl.summary : gl.renderer ?? '' } : { unavailable: gl.summary }) },
  ];
  let best: { name: BackendName; stepsPerSecond: number } | undefined;
  for (const c of candidates.filter((c) => only === undefined || only.includes(c.name))) {
    let base: { backend: string; detail?: string } = { backend: c.name, ...(c.detail ? { detail: c.detail } : {}) };
    if (c.unavailable !== undefined) {
      trials.push({ ...base, skipped: c.unavailable });
      continue;
    }
    onProgress(`measuring ${c.name}…`);
    try {
      const info = await startBackend(c.name);
      if (c.name === 'wasm') base = { ...base, detail: `${info.threads} thread${info.threads === 1 ? '' : 's'}` };
      const stepsPerSecond = await timeSteps(settings, best?.stepsPerSecond);
      if (stepsPerSecond === undefined) {
        trials.push({ ...base, skipped: `still warming up after ${BUDGET_MS / 1000} s` });
        continue;
      }
      trials.push({ ...base, stepsPerSecond });
      if (best === undefined || stepsPerSecond > best.stepsPerSecond) best = { name: c.name, stepsPerSecond };
    } catch (err) {
      trials.push({ ...base, skipped: err instanceof Error ? err.message : String(err) });
    }
  }
  const chosen = best?.name ?? 'cpu';
  const info = await startBackend(chosen);
  return { info, trials, reason: autoReason(trials.find((t) => t.backend === chosen && t.stepsPerSecond !== undefined), trials) };
}
