/**
 * Option checks shared by the builders. Every check runs before a layer is
 * created, so a bad option never leaves half-built weights behind, and every
 * message names the builder, the option, what is allowed and what was given.
 */

/** Formats a value for an error message. */
function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function fail(builder: string, name: string, allowed: string, value: unknown): never {
  throw new Error(`${builder}: option '${name}' must be ${allowed}; got ${show(value)}`);
}

/**
 * Rejects a non-object `options` and any key the builder does not know (a typo
 * such as `imagesize` would otherwise silently fall back to a default).
 */
export function checkOptions<T extends object>(builder: string, options: T | undefined, known: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${builder}: 'options' must be an object; got ${show(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new Error(`${builder}: unknown option '${key}'; known options are ${known.join(', ')}`);
    }
  }
  return options;
}

/** An integer ≥ `min` (default 1), or the default when undefined. */
export function intOption(builder: string, name: string, value: unknown, fallback: number, min = 1, hint = ''): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(builder, name, `an integer ≥ ${min}${hint}`, value);
  }
  return value;
}

/** A required integer ≥ `min`: undefined is an error, not a default. */
export function requiredIntOption(builder: string, name: string, value: unknown, min = 1, hint = ''): number {
  if (value === undefined) fail(builder, name, `an integer ≥ ${min}${hint} (required)`, value);
  return intOption(builder, name, value, Number.NaN, min, `${hint} (required)`);
}

/** An array (possibly empty) of integers ≥ `min`, or the default. */
export function intArrayOption(builder: string, name: string, value: unknown, fallback: readonly number[], min: number, hint = ''): number[] {
  if (value === undefined) return [...fallback];
  const ok = Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= min);
  if (!ok) fail(builder, name, `an array of integers ≥ ${min}${hint}`, value);
  return [...(value as number[])];
}

/** An array of positive integers (possibly empty when `allowEmpty`), or the default. */
export function widthsOption(builder: string, name: string, value: unknown, fallback: readonly number[], allowEmpty = true): number[] {
  if (value === undefined) return [...fallback];
  const ok =
    Array.isArray(value) &&
    (allowEmpty || value.length > 0) &&
    value.every((w) => typeof w === 'number' && Number.isInteger(w) && w >= 1);
  if (!ok) fail(builder, name, `an array of positive integers${allowEmpty ? '' : ' (at least one)'}`, value);
  return [...(value as number[])];
}

/** One of a fixed set of strings, or the default. */
export function enumOption<T extends string>(builder: string, name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(builder, name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  }
  return value as T;
}

/** A boolean, or the default. */
export function boolOption(builder: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(builder, name, 'true or false', value);
  return value;
}

/** A function, or undefined. */
export function fnOption<F extends (...args: never[]) => unknown>(builder: string, name: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') fail(builder, name, 'a function', value);
  return value as F;
}

/** A finite number > 0, or the default when undefined. */
export function positiveOption(builder: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(builder, name, 'a finite number > 0', value);
  return value;
}

/** An optional integer seed. */
export function seedOption(builder: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(builder, 'seed', 'an integer', value);
  return value;
}

/** Number of image channels: a positive integer. */
export function channelsOption(builder: string, name: string, value: unknown, fallback: number): number {
  return intOption(builder, name, value, fallback, 1, ' (1 for grayscale, 3 for RGB)');
}

/** Common image sizes, to give examples in messages. */
const COMMON_SIZES = [16, 28, 32, 64, 128, 256];

/**
 * An image size a stack of `doublings` stride-2 layers can reach exactly:
 * a multiple of 2^doublings.
 */
export function divisibleSizeOption(builder: string, name: string, value: unknown, fallback: number, doublings: number): number {
  const step = 2 ** doublings;
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < step || value % step !== 0) {
    const examples = COMMON_SIZES.filter((s) => s % step === 0).join(', ');
    fail(builder, name, `a positive multiple of ${step}, for ${doublings} stride-2 layers (e.g. ${examples})`, value);
  }
  return value;
}

/**
 * How a DCGAN reaches an image size: a base size (4…7) doubled `doublings`
 * (≥ 1) times. Halves while the size is even and the half is at least 4:
 * 28 = 7·2², 32 = 4·2³, 64 = 4·2⁴, 16 = 4·2², 48 = 6·2³.
 */
export function dcganSizeOption(builder: string, value: unknown, fallback: number): { imageSize: number; base: number; doublings: number } {
  const size = value === undefined ? fallback : value;
  if (typeof size === 'number' && Number.isInteger(size) && size > 0) {
    let base = size;
    let doublings = 0;
    while (base % 2 === 0 && base / 2 >= 4) {
      base /= 2;
      doublings++;
    }
    if (base <= 7 && doublings >= 1) return { imageSize: size, base, doublings };
  }
  return fail(
    builder,
    'imageSize',
    'a base size 4…7 doubled at least once: 28 (7·2²), 32 (4·2³), 64 (4·2⁴), or e.g. 16, 48, 56, 128',
    size,
  );
}
