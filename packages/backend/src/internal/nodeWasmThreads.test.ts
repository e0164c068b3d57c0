import * as os from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveThreads } from './nodeWasmThreads.js';
import { runFixture } from './runFixture.fixture.js';

const CHILD = fileURLToPath(new URL('./threadsChild.fixture.ts', import.meta.url));
/** Runs the fixture with `threads` wasm threads. */
const runChild = (threads: string): { threads: number; digest: string } => runFixture(CHILD, threads);

describe('multi-threaded wasm in Node', () => {
  it('runs on 2 threads, gives bit-identical training to 1 thread, and lets the process exit', () => {
    const one = runChild('1');
    const two = runChild('2');
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(two.digest).toBe(one.digest);
  });

  it('resolves the thread count from the option, then GANKIT_WASM_THREADS, then the cores', () => {
    const cores = Math.min(8, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
    expect(resolveThreads(undefined, undefined)).toBe(cores);
    expect(resolveThreads('auto', '1')).toBe(cores);
    expect(resolveThreads(undefined, '3')).toBe(3);
    expect(resolveThreads(2, '3')).toBe(2);
    expect(resolveThreads(undefined, '')).toBe(cores);
  });

  it('refuses bad thread counts, naming the option or the variable', () => {
    expect(() => resolveThreads(0, undefined)).toThrow(/option 'threads' must be 'auto' or an integer from 1 to 8; got 0/);
    expect(() => resolveThreads(2.5, undefined)).toThrow(/option 'threads'/);
    expect(() => resolveThreads(undefined, 'many')).toThrow(/GANKIT_WASM_THREADS must be 'auto' or an integer from 1 to 8; got 'many'/);
    expect(() => resolveThreads(undefined, '9')).toThrow(/GANKIT_WASM_THREADS/);
  });
});
