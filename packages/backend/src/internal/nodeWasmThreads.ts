/**
 * Multi-threaded wasm in Node (Node entry only).
 *
 * tfjs-backend-wasm ships a threaded SIMD build (XNNPACK with a pthreadpool,
 * Emscripten pthreads on worker_threads) but never uses it in Node, for three
 * reasons this module works around while the backend initialises, and undoes
 * right after:
 *
 * 1. the `WASM_HAS_MULTITHREAD_SUPPORT` flag is hard-wired to false in Node
 *    (tfjs issue 3830) — we set it;
 * 2. the pthread worker script and the main script reach the workers as Blob
 *    URLs, which Node's `Worker` cannot load — we record the Blobs' text as
 *    tfjs builds them, write both scripts to files (content-addressed, written
 *    atomically, in the OS temp directory) and hand the worker the file paths;
 * 3. the C++ side caps the pool at logical cores / 2 (it assumes
 *    hyper-threading) — `os.cpus()` reports each core twice while the module
 *    starts, so the cap is the real core count.
 *
 * The numbers are unchanged by the thread count: XNNPACK splits its GEMM and
 * convolution outputs into tiles, one thread per tile, and each output keeps
 * its single-threaded summation order (tested bit for bit).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/** The module-level names the threaded factory uses from its bundle (tfjs-backend-wasm 4.22 node bundle). */
const BUNDLE_REQUIRES: Readonly<Record<string, string>> = { require$$0: 'fs', require$$1: 'path', require$$3: 'perf_hooks', require$$4: 'os' };

/** How many threads to ask for: `threads` option, else GANKIT_WASM_THREADS, else every core (at most 8, tfjs's pool size). */
export function resolveThreads(option: number | 'auto' | undefined, env: string | undefined): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const auto = Math.max(1, Math.min(8, cores));
  const check = (value: unknown, source: string): number => {
    if (value === 'auto') return auto;
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 8) {
      throw new Error(`initBackend: ${source} must be 'auto' or an integer from 1 to 8; got ${typeof value === 'string' ? `'${value}'` : String(value)}`);
    }
    return n;
  };
  if (option !== undefined) return check(option, "option 'threads'");
  if (env !== undefined && env !== '') return check(env, 'GANKIT_WASM_THREADS');
  return auto;
}

/**
 * Prepares tfjs-backend-wasm to start its threaded build with `threads`
 * threads. Call before the wasm backend is first initialised; call the
 * returned function after (success or not) to undo the temporary hooks.
 */
export function enableNodeWasmThreads(threads: number): () => void {
  const texts: string[] = [];
  const OriginalBlob = globalThis.Blob;
  class RecordingBlob extends OriginalBlob {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      super(parts, options);
      texts.push((parts ?? []).map((p) => (typeof p === 'string' ? p : '')).join(''));
    }
  }
  const originalCreateObjectURL = URL.createObjectURL.bind(URL);
  const originalCpus = os.cpus;
  const dir = path.join(os.tmpdir(), 'gankit-wasm-threads');

  const writeScript = (name: string, text: string): string => {
    const file = path.join(dir, `${name}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.cjs`);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, text);
      fs.renameSync(temp, file);
    }
    return file;
  };

  URL.createObjectURL = (blob: Blob): string => {
    const workerText = texts[texts.length - 1];
    const mainText = texts.find((t) => t.startsWith('var WasmBackendModuleThreadedSimd'));
    if (!(blob instanceof RecordingBlob) || workerText === undefined || !workerText.includes('ENVIRONMENT_IS_PTHREAD') || mainText === undefined) {
      return originalCreateObjectURL(blob);
    }
    const used = [...new Set(mainText.match(/require\$\$\d+/g) ?? [])];
    const unknown = used.filter((u) => BUNDLE_REQUIRES[u] === undefined);
    if (unknown.length > 0) throw new Error(`@gankit/backend: unexpected tfjs-backend-wasm bundle (uses ${unknown.join(', ')}); start with threads: 1`);
    const mainFile = writeScript(
      'main',
      `var commonjsGlobal=globalThis;${used.map((u) => `var ${u}=require(${JSON.stringify(BUNDLE_REQUIRES[u])});`).join('')}\n${mainText}`,
    );
    // The worker is sent the main script as a Blob it cannot load; give it the file instead.
    const prelude =
      'const __gankitWt=require("worker_threads");const __gankitOn=__gankitWt.parentPort.on.bind(__gankitWt.parentPort);' +
      `__gankitWt.parentPort.on=(e,h)=>e!=="message"?__gankitOn(e,h):__gankitOn(e,(d)=>{if(d&&d.cmd==="load"&&typeof d.urlOrBlob!=="string")d.urlOrBlob=${JSON.stringify(mainFile)};h(d)});\n`;
    return writeScript('worker', prelude + workerText);
  };
  globalThis.Blob = RecordingBlob;
  os.cpus = () => {
    const cpus = originalCpus();
    return [...cpus, ...cpus];
  };
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  setThreadsCount(threads);
  return () => {
    globalThis.Blob = OriginalBlob;
    URL.createObjectURL = originalCreateObjectURL;
    os.cpus = originalCpus;
    // Only this start may use the threaded build (the hooks above are gone).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  };
}
