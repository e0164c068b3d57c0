/** A value for an error message: short, and clear about its type. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/** Throws if `options` is not a plain object or has a key not in `allowed` (a typo would otherwise be ignored). */
export function checkOptions(fn: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: 'options' must be an object, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${fn}: unknown option '${key}' (expected one of ${allowed.map((k) => `'${k}'`).join(', ')})`);
    }
  }
}

/** Returns `value` if it is an integer ≥ `min`, else throws naming the argument. */
export function checkInt(fn: string, name: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${fn}: '${name}' must be an integer ≥ ${min}, got ${show(value)}`);
  }
  return value;
}

/** Returns `value` if it is a finite number > 0, else throws naming the argument. */
export function checkPositive(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${fn}: '${name}' must be a finite number > 0, got ${show(value)}`);
  }
  return value;
}

/** Returns `value` if it is one of `allowed`, else throws naming the argument. */
export function checkOneOf<T>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new RangeError(`${fn}: '${name}' must be one of ${allowed.map(show).join(', ')}, got ${show(value)}`);
  }
  return value as T;
}
