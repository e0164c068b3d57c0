import * as path from 'node:path';

/** Where a path is resolved and where the user is, for {@link displayPath}. */
export interface DisplayPathContext {
  /** The directory relative paths given to the command are resolved against. Default `process.cwd()`. */
  cwd?: string;
  /** The process environment, read for `TURBO_INVOCATION_DIR` and `INIT_CWD`. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Leading `..` steps a printed relative path may take before an absolute path
 * is printed instead. Two lets a package directory of this monorepo name the
 * root's `runs/` (`cd apps/cli && pnpm start` prints `../../runs/…`); a longer
 * climb (e.g. out to a temporary directory) is harder to read than the
 * absolute path.
 */
const MAX_CLIMB = 2;

/**
 * The directory the user typed the command in. pnpm and npm run a script in
 * the package's directory but set `INIT_CWD` to where they were invoked;
 * turbo (`pnpm start` at the root runs `turbo run start`, which runs each
 * package's script through pnpm again) leaves `INIT_CWD` as the package
 * directory and sets `TURBO_INVOCATION_DIR` to where turbo was invoked. So:
 * turbo's directory, then pnpm's, then the process's own.
 */
export function userDirectory(context: DisplayPathContext = {}): string {
  const env = context.env ?? process.env;
  const cwd = context.cwd ?? process.cwd();
  return path.resolve(cwd, env['TURBO_INVOCATION_DIR'] || env['INIT_CWD'] || cwd);
}

/**
 * A path the command wrote or read, as the user can type it from the
 * directory they ran the command in ({@link userDirectory}): relative to it
 * when that takes at most two `..` steps, otherwise absolute.
 *
 * @param target - The path as the command uses it (relative to `cwd`, or absolute).
 * @param context - The command's working directory and environment (defaults: this process's).
 * @returns The path relative to the user's directory (`'.'` for the directory itself), or absolute.
 * @example
 * ```ts
 * // `pnpm start` at /repo runs apps/cli's `--out ../../runs/toy2d-mixture-pacgan` with cwd /repo/apps/cli:
 * displayPath('../../runs/toy2d-mixture-pacgan', { cwd: '/repo/apps/cli', env: { INIT_CWD: '/repo' } }); // "runs/toy2d-mixture-pacgan"
 * ```
 */
export function displayPath(target: string, context: DisplayPathContext = {}): string {
  const absolute = path.resolve(context.cwd ?? process.cwd(), target);
  const relative = path.relative(userDirectory(context), absolute);
  if (relative === '') return '.';
  // On Windows, a path on another drive has no relative form: path.relative returns it absolute.
  if (path.isAbsolute(relative)) return absolute;
  const climb = relative.split(path.sep).filter((part) => part === '..').length;
  return climb > MAX_CLIMB ? absolute : relative;
}
