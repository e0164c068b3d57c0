/** A configuration error naming the trainer and the option: `GanTrainer: option 'criticSteps' must be …`. */
export function optionError(owner: string, option: string, message: string): Error {
  return new Error(`${owner}: option '${option}' ${message}`);
}

/** Shows a value in an error message. */
export function show(value: unknown): string {
  if (typeof value === 'function') return `a function`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Throws if `options` is not an object or has keys not in `known` (catches typos before training). */
export function checkOptionKeys(owner: string, options: unknown, known: readonly string[]): void {
  if (options == null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${owner}: expected an options object, got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new Error(`${owner}: unknown option '${key}'; known options are ${known.join(', ')}`);
    }
  }
}

/** Rejects keys of a nested option object (`option`) that are not in `known`, naming them and the known ones. */
export function checkKeys(owner: string, option: string, value: object, known: readonly string[]): void {
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw optionError(owner, option, `has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}; known: ${known.join(', ')}`);
}

/** An integer ≥ `min`, or the default. */
export function checkInteger(owner: string, option: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw optionError(owner, option, `must be an integer ≥ ${min}, got ${show(value)}`);
  }
  return value;
}

/** A finite number in an open/closed range, or the default. */
export function checkNumber(
  owner: string,
  option: string,
  value: unknown,
  fallback: number | undefined,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } = {},
): number | undefined {
  if (value === undefined) return fallback;
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minExclusive ? value > min : value >= min) &&
    (maxExclusive ? value < max : value <= max);
  if (!ok) {
    const lo = Number.isFinite(min) ? `${min} ${minExclusive ? '<' : '≤'} ` : '';
    const hi = Number.isFinite(max) ? ` ${maxExclusive ? '<' : '≤'} ${max}` : '';
    throw optionError(owner, option, `must be a finite number ${lo}x${hi}, got ${show(value)}`);
  }
  return value;
}
