/**
 * JSON has no Infinity or NaN (`JSON.stringify` writes them as null). Metrics
 * can legitimately be +∞ (e.g. the reverse KL with no high-quality sample), so
 * non-finite numbers are written as the strings "Infinity", "-Infinity", "NaN".
 */
export function jsonNumbers(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? String(v) : v]));
}
