import { describe, expect, it } from 'vitest';
import { AUTO_CACHE_PREFIX, autoCacheKey, forgetAutoChoices, readAutoChoice, writeAutoChoice } from '../src/autoCache.js';
import type { AutoCacheStorage, CachedAutoChoice } from '../src/autoCache.js';
import { defaultSettings } from '../src/settings.js';

/** The Web Storage API's semantics over a Map (Node has no localStorage); the browser test runs the real one. */
class MapStorage implements AutoCacheStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, String(v));
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

const env = { userAgent: 'Chromium/156', cores: 2, crossOriginIsolated: true };
const choice: CachedAutoChoice = { backend: 'wasm', threads: 1, reason: 'chosen: 30.8 steps/s vs webgl 0.7 (SwiftShader, software)', date: '2026-12-03T18:00:00.000Z' };

describe('the stored auto choice', () => {
  it('is keyed by the browser and what a step costs, not by the data, seed or learning rates', () => {
    const base = autoCacheKey(defaultSettings(), env);
    expect(base.startsWith(AUTO_CACHE_PREFIX)).toBe(true);
    expect(autoCacheKey({ ...defaultSettings(), seed: 3, distribution: 'ring', generatorLearningRate: 0.01 }, env)).toBe(base);
    for (const other of [
      autoCacheKey({ ...defaultSettings(), discriminatorWidth: 256 }, env),
      autoCacheKey({ ...defaultSettings(), batchSize: 64 }, env),
      autoCacheKey({ ...defaultSettings(), criticSteps: 5 }, env),
      autoCacheKey(defaultSettings('wgan-gp'), env),
      autoCacheKey(defaultSettings(), { ...env, cores: 8 }),
      autoCacheKey(defaultSettings(), { ...env, crossOriginIsolated: false }),
      autoCacheKey(defaultSettings(), { ...env, userAgent: 'Firefox/140' }),
    ])
      expect(other).not.toBe(base);
  });

  it('reads back what was written, and nothing for another key', () => {
    const storage = new MapStorage();
    const key = autoCacheKey(defaultSettings(), env);
    expect(readAutoChoice(storage, key)).toBeUndefined();
    writeAutoChoice(storage, key, choice);
    expect(readAutoChoice(storage, key)).toEqual(choice);
    expect(readAutoChoice(storage, autoCacheKey(defaultSettings('hinge'), env))).toBeUndefined();
  });

  it('reads a malformed entry as no choice, so the page measures again', () => {
    const storage = new MapStorage();
    const key = autoCacheKey(defaultSettings(), env);
    for (const bad of ['{', 'null', '"wasm"', JSON.stringify({ ...choice, backend: 'auto' }), JSON.stringify({ ...choice, backend: 'tpu' }), JSON.stringify({ ...choice, threads: 0 }), JSON.stringify({ ...choice, threads: 1.5 }), JSON.stringify({ ...choice, date: 'yesterday' }), JSON.stringify({ backend: 'wasm' })]) {
      storage.setItem(key, bad);
      expect(readAutoChoice(storage, key), bad).toBeUndefined();
    }
  });

  it('without storage, or with storage that throws, stores nothing and reads nothing', () => {
    const key = autoCacheKey(defaultSettings(), env);
    expect(readAutoChoice(undefined, key)).toBeUndefined();
    writeAutoChoice(undefined, key, choice);
    const blocked = new MapStorage();
    blocked.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    blocked.getItem = () => {
      throw new Error('SecurityError');
    };
    expect(() => writeAutoChoice(blocked, key, choice)).not.toThrow();
    expect(readAutoChoice(blocked, key)).toBeUndefined();
    expect(forgetAutoChoices(undefined)).toBe(0);
  });

  it('"measure again" forgets every stored choice and leaves other keys alone', () => {
    const storage = new MapStorage();
    writeAutoChoice(storage, autoCacheKey(defaultSettings(), env), choice);
    writeAutoChoice(storage, autoCacheKey(defaultSettings('wgan-gp'), env), { ...choice, backend: 'webgl' });
    storage.setItem('unrelated', 'kept');
    expect(forgetAutoChoices(storage)).toBe(2);
    expect(storage.length).toBe(1);
    expect(storage.getItem('unrelated')).toBe('kept');
  });
});
