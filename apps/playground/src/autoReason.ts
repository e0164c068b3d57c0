import type { BackendTrial } from './protocol.js';

function rate(v: number): string {
  return v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(1);
}

function name(t: BackendTrial): string {
  return `${t.backend}${t.detail ? ` (${t.detail})` : ''}`;
}

/**
 * The one line the page shows for an `auto` choice: the kept backend's
 * measured speed against every other one timed, then why the rest were not.
 *
 * @param chosen - the trial of the backend kept (undefined for the untimed cpu fallback).
 * @param trials - every backend looked at, the chosen one included.
 * @returns e.g. `chosen: 5.4 steps/s vs webgl 0.7 (SwiftShader, software); webgpu: no WebGPU adapter`.
 *
 * @example
 * ```ts
 * const wasm = { backend: 'wasm', stepsPerSecond: 5.4 };
 * autoReason(wasm, [wasm, { backend: 'webgl', stepsPerSecond: 0.68, detail: 'SwiftShader, software' }]);
 * // 'chosen: 5.4 steps/s vs webgl 0.7 (SwiftShader, software)'
 * ```
 */
export function autoReason(chosen: BackendTrial | undefined, trials: readonly BackendTrial[]): string {
  const others = trials.filter((t) => t !== chosen);
  const timed = others.filter((t) => t.stepsPerSecond !== undefined).map((t) => `${t.backend} ${rate(t.stepsPerSecond!)}${t.detail ? ` (${t.detail})` : ''}`);
  const skipped = others.filter((t) => t.stepsPerSecond === undefined).map((t) => `${name(t)}: ${t.skipped ?? 'not tried'}`);
  const head =
    chosen?.stepsPerSecond !== undefined
      ? `chosen: ${rate(chosen.stepsPerSecond)} steps/s${timed.length > 0 ? ` vs ${timed.join(', ')}` : ', the only one that ran'}`
      : 'the fallback: no other backend ran';
  return [head, ...skipped].join('; ');
}
