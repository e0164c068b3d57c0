import type { Json } from './checkpointFormat.js';
import { show } from './validate.js';

/** Lists where two JSON values differ, as `path: checkpoint A, this trainer B`. */
export function diffJson(stored: Json | undefined, current: Json | undefined, path: string, out: string[]): void {
  if (out.length >= 20) return;
  const isObj = (v: unknown): v is Record<string, Json> => v != null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(stored) && isObj(current)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(current)])];
    for (const key of keys) diffJson(stored[key], current[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  if (Array.isArray(stored) && Array.isArray(current) && stored.length === current.length) {
    stored.forEach((v, i) => diffJson(v, current[i], `${path}[${i}]`, out));
    return;
  }
  if (JSON.stringify(stored) !== JSON.stringify(current)) {
    out.push(`${path}: checkpoint ${stored === undefined ? '(absent)' : show(stored)}, this trainer ${current === undefined ? '(absent)' : show(current)}`);
  }
}
