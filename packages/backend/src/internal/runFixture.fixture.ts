/**
 * Test helper: runs a fixture script in a fresh Node process (the wasm backend
 * starts once per process, so thread counts need their own) and parses the
 * JSON object on its last line of output.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @param fixture - the script's path.
 * @param threads - GANKIT_WASM_THREADS for the child.
 * @throws with the child's stderr if it fails or times out (a timeout, signal
 *   SIGTERM, means a worker kept the process alive or never answered).
 */
export function runFixture<T>(fixture: string, threads: string): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=@gankit/source', fixture], {
    cwd: PACKAGE,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, GANKIT_WASM_THREADS: threads },
  });
  if (r.status !== 0) throw new Error(`${fixture} (threads ${threads}) failed: status ${r.status}, signal ${r.signal}\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}
