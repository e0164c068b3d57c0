/** A command-line usage error: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** How one flag is parsed and checked. */
export interface FlagSpec {
  type: 'int' | 'number' | 'string' | 'boolean';
  /** Allowed values (strings), listed in errors. */
  choices?: readonly string[];
  /** Smallest allowed value for numbers. */
  min?: number;
  description: string;
  /** Shown in help as the default. */
  default?: string | number | boolean;
}

export type FlagValues = Record<string, string | number | boolean | undefined>;

/**
 * Parses `--name value`, `--name=value` and boolean `--name` flags plus
 * positionals, checking every flag against its spec: unknown flags, missing
 * values, non-numbers, out-of-range numbers and values outside `choices` each
 * throw a {@link UsageError} that names the flag and what is allowed.
 */
export function parseArgs(argv: readonly string[], specs: Record<string, FlagSpec>): { flags: FlagValues; positionals: string[] } {
  const flags: FlagValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = specs[name];
    if (spec === undefined) {
      const known = Object.keys(specs).map((k) => `--${k}`);
      throw new UsageError(`unknown flag --${name}; expected one of ${known.join(', ')}`);
    }
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`flag --${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const raw = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (raw === undefined || (eq < 0 && raw.startsWith('--'))) throw new UsageError(`flag --${name} needs a value (${describe(spec)})`);
    flags[name] = convert(name, raw, spec);
  }
  return { flags, positionals };
}

function describe(spec: FlagSpec): string {
  if (spec.choices) return `one of ${spec.choices.join(', ')}`;
  if (spec.type === 'int') return `an integer${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}`;
  if (spec.type === 'number') return `a number${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}`;
  return 'a string';
}

function convert(name: string, raw: string, spec: FlagSpec): string | number {
  if (spec.type === 'string') {
    if (spec.choices && !spec.choices.includes(raw)) throw new UsageError(`flag --${name} must be ${describe(spec)}; got '${raw}'`);
    return raw;
  }
  const value = Number(raw);
  const ok = raw.trim() !== '' && Number.isFinite(value) && (spec.type !== 'int' || Number.isInteger(value)) && (spec.min === undefined || value >= spec.min);
  if (!ok) throw new UsageError(`flag --${name} must be ${describe(spec)}; got '${raw}'`);
  return value;
}

/** Help text for a command's flags. */
export function flagHelp(specs: Record<string, FlagSpec>): string {
  return Object.entries(specs)
    .map(([name, spec]) => {
      const value = spec.type === 'boolean' ? '' : ` <${spec.choices ? spec.choices.join('|') : spec.type}>`;
      const def = spec.default !== undefined ? ` (default: ${String(spec.default)})` : '';
      return `  --${name}${value}`.padEnd(34) + `${spec.description}${def}`;
    })
    .join('\n');
}
