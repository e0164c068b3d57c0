import { BACKEND_CHOICES } from './settings.js';
import type { BackendChoice, Settings } from './settings.js';

/** What an earlier `auto` measurement chose, as the page keeps it in `localStorage`. */
export interface CachedAutoChoice {
  /** The backend it chose (never `auto`). */
  readonly backend: Exclude<BackendChoice, 'auto'>;
  /** The threads wasm ran on when it was measured (1 for the other backends). */
  readonly threads: number;
  /** The measurement's one-line summary, e.g. `chosen: 30.8 steps/s vs webgl 0.7 (SwiftShader, software)`. */
  readonly reason: string;
  /** When it was measured (ISO 8601). */
  readonly date: string;
}

/** The part of the browser a cache key describes: a different browser, core count or isolation measures anew. */
export interface AutoCacheEnvironment {
  readonly userAgent: string;
  readonly cores: number;
  readonly crossOriginIsolated: boolean;
}

/** The `localStorage` calls the cache makes (the browser's `Storage` has them). */
export type AutoCacheStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Every key the cache writes starts with this. */
export const AUTO_CACHE_PREFIX = 'gankit-playground:auto:';

/**
 * The cache key of an `auto` measurement: the browser and machine it ran on
 * and what sets a step's cost (the setup, the network sizes, the batch and
 * the critic steps). The data, the seed and the learning rates do not change
 * the speed, so they share a measurement.
 *
 * @param settings - the setup measured.
 * @param env - the browser.
 * @returns a `localStorage` key starting with {@link AUTO_CACHE_PREFIX}.
 *
 * @example
 * ```ts
 * autoCacheKey(defaultSettings(), { userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency, crossOriginIsolated });
 * ```
 */
export function autoCacheKey(settings: Settings, env: AutoCacheEnvironment): string {
  const cost = [settings.loss, settings.generatorWidth, settings.generatorDepth, settings.discriminatorWidth, settings.discriminatorDepth, settings.latentDim, settings.batchSize, settings.criticSteps];
  return `${AUTO_CACHE_PREFIX}${JSON.stringify([env.userAgent, env.cores, env.crossOriginIsolated, ...cost])}`;
}

/**
 * The choice stored under `key`, if there is a well-formed one. Anything else
 * there (an older format, a hand edit) reads as no choice, so the page
 * measures again.
 *
 * @param storage - `localStorage`, or undefined where the page has none (then: no choice).
 * @param key - from {@link autoCacheKey}.
 * @returns the stored choice, or undefined.
 */
export function readAutoChoice(storage: AutoCacheStorage | undefined, key: string): CachedAutoChoice | undefined {
  let raw: string | null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return undefined; // storage blocked (e.g. third-party context): measure.
  }
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const backend = v['backend'];
  const ok =
    typeof backend === 'string' &&
    backend !== 'auto' &&
    (BACKEND_CHOICES as readonly string[]).includes(backend) &&
    Number.isInteger(v['threads']) &&
    (v['threads'] as number) >= 1 &&
    (v['threads'] as number) <= 8 &&
    typeof v['reason'] === 'string' &&
    typeof v['date'] === 'string' &&
    !Number.isNaN(Date.parse(v['date']));
  return ok ? { backend: backend as CachedAutoChoice['backend'], threads: v['threads'] as number, reason: v['reason'] as string, date: v['date'] as string } : undefined;
}

/**
 * Stores an `auto` choice under `key`; quietly does nothing where storage is
 * missing, full or blocked (the page then measures again next time).
 *
 * @param storage - `localStorage`, or undefined.
 * @param key - from {@link autoCacheKey}.
 * @param choice - what was chosen.
 */
export function writeAutoChoice(storage: AutoCacheStorage | undefined, key: string, choice: CachedAutoChoice): void {
  try {
    storage?.setItem(key, JSON.stringify(choice));
  } catch {
    // Full or blocked: the next load measures again.
  }
}

/**
 * Forgets every stored `auto` choice (the page's "measure again"), leaving
 * other keys alone.
 *
 * @param storage - `localStorage`, or undefined.
 * @returns how many choices were removed.
 */
export function forgetAutoChoices(storage: AutoCacheStorage | undefined): number {
  if (storage === undefined) return 0;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(AUTO_CACHE_PREFIX) === true) keys.push(k);
    }
    for (const k of keys) storage.removeItem(k);
    return keys.length;
  } catch {
    return 0;
  }
}
