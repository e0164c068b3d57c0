/**
 * Argument checks that run before any tensor or file work. Each error names
 * the function, the argument, what it got and what is allowed.
 */

/** Throws if `options` has a key outside `allowed`, or is not a plain object. */
export function checkOptions(fn: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object with keys ${list(allowed)}, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${fn}: unknown option '${key}'; allowed options are ${list(allowed)}`);
    }
  }
}

/** Throws unless `value` is an integer ≥ `min` (1 by default). */
export function checkInt(fn: string, name: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${fn}: '${name}' must be an integer ≥ ${min}, got ${show(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number > 0 (or ≥ 0 with `allowZero`). */
export function checkPositive(fn: string, name: string, value: unknown, allowZero = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (allowZero ? value >= 0 : value > 0);
  if (!ok) {
    throw new RangeError(`${fn}: '${name}' must be a finite number ${allowZero ? '≥' : '>'} 0, got ${show(value)}`);
  }
  return value;
}

/** Throws unless `value` is an integer usable as a seed. */
export function checkSeed(fn: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${fn}: 'seed' must be an integer, got ${show(value)}`);
  }
  return value;
}

/** Throws unless `value` is one of `allowed`. */
export function checkOneOf<T extends string | number | boolean>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T)) {
    throw new RangeError(`${fn}: '${name}' must be one of ${list(allowed)}, got ${show(value)}`);
  }
  return value as T;
}

/** A value as it reads in an error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return Object.prototype.toString.call(value);
}

function list(values: readonly unknown[]): string {
  return values.map(show).join(', ');
}
