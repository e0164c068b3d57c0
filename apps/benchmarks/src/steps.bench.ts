/**
 * `pnpm bench` (apps/benchmarks): one training step of each EVALUATION.md
 * workload, measured side by side in one run:
 *
 *   (a) gankit's GanTrainer on the default backend (wasm + gankit's kernels),
 *   (b) the same loop written by hand in plain tfjs on the same backend,
 *   (c) stock tfjs (no gankit import; a child process) on cpu — and on wasm,
 *       where stock tfjs cannot train a conv net at all,
 *   (d) the same workload in PyTorch (torchTwin.py, a long-lived child of
 *       /usr/bin/python3 on as many threads as (a) uses), when that Python
 *       has torch; otherwise the table says the column is missing and how to
 *       get it,
 *   (e) a floor: the step's multiply-adds at the fastest rate WebAssembly
 *       SIMD reaches here on as many threads (simdPeak.ts: a register-only
 *       mul + add loop, measured in each round). The DCGAN step's are counted
 *       layer by layer (DCGAN_STEP_MACS), the others' from the kernel shapes
 *       of a profiled step (stepMacs.ts). No wasm step that does the work
 *       PyTorch does can beat it, so floor / (d) is the best ratio reachable
 *       without doing fewer multiply-adds.
 *
 * (a), (b) and (d) alternate in rounds so machine noise hits them alike; each
 * cell is the median ms per step, and a / d is the median of the per-round
 * ratios (the best round is printed beside it). The conv WGAN-GP step (the
 * mnist-wgan-gp recipe's) has no stock columns: stock cpu takes many minutes
 * per step and stock wasm cannot train a conv net. The DCGAN step on stock cpu runs at batch 8 and is
 * scaled ×8 (cost is linear in the batch; a batch-64 step takes minutes)
 * unless BENCH_FULL=1. Data are random tensors of the right shape: speed does
 * not depend on their values.
 */
import * as tf from '@tensorflow/tfjs';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { initBackend } from '@gankit/backend';
import { gradientPenalty, nonSaturatingLoss, wassersteinLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { DCGAN_STEP_MACS, simdPeakGmacs } from './simdPeak.js';
import { profiledMacs, totalMacs } from './stepMacs.js';
import { dcganDiscriminator, dcganGenerator, handDcganStep, handWganGpStep, mlp } from './workload.js';

const FULL = process.env['BENCH_FULL'] === '1';
/** BENCH_STOCK=0 skips the stock-tfjs child processes (c), which take minutes. */
const STOCK = process.env['BENCH_STOCK'] !== '0';
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const PYTHON = process.env['BENCH_PYTHON'] ?? '/usr/bin/python3';
const TORCH_HINT = `no PyTorch: ${PYTHON} cannot import torch (apt-get install -y python3-torch libopenblas0-pthread)`;

/** The PyTorch twin (torchTwin.py): one command per line in, one JSON line out. */
interface Torch {
  readonly version: string;
  readonly blas: string;
  /** Runs `steps` steps of a workload; resolves to ms per step. */
  run(workload: 'dcgan' | 'wgan-gp' | 'wgan-gp-conv', steps: number): Promise<number[]>;
  close(): void;
}

/** Starts the PyTorch twin on `threads` threads, or says why it cannot. */
async function startTorch(threads: number): Promise<Torch | string> {
  if (!existsSync(PYTHON)) return TORCH_HINT;
  const script = fileURLToPath(new URL('./torchTwin.py', import.meta.url));
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads) };
  // EVALUATION.md: these two make Debian's OpenBLAS pick a slow path here; unset for PyTorch only.
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  const child: ChildProcessWithoutNullStreams = spawn(PYTHON, [script, String(threads)], { env });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const r = await lines.next();
    if (r.done === true) throw new Error('the PyTorch twin exited');
    return JSON.parse(r.value) as Record<string, unknown>;
  };
  const hello: Record<string, unknown> = await next().catch((err: Error) => ({ error: err.message }));
  if (hello['ready'] !== true) {
    child.kill();
    return String(hello['error']).startsWith('cannot import torch') ? TORCH_HINT : `PyTorch twin failed: ${String(hello['error'])}`;
  }
  const blas = String(hello['blas']);
  return {
    version: String(hello['torch']),
    blas: /openblas/i.test(blas) ? 'OpenBLAS' : blas,
    async run(workload, steps) {
      child.stdin.write(`${workload} ${steps}\n`);
      const r = await next();
      if (!Array.isArray(r['ms'])) throw new Error(`PyTorch twin: ${String(r['error'])}`);
      return r['ms'] as number[];
    },
    close: () => void child.stdin.end(),
  };
}

async function timeSteps(n: number, step: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await step();
    out.push(performance.now() - t0);
  }
  return out;
}

function stock(workload: 'dcgan' | 'wgan-gp', backend: 'cpu' | 'wasm', batch: number, steps: number): number | string {
  const child = fileURLToPath(new URL('./stockChild.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, workload, backend, String(batch), String(steps)], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (line === undefined) return `failed: ${r.stderr.trim().split('\n').pop() ?? r.status}`;
  const parsed = JSON.parse(line) as { msPerStep?: number; error?: string };
  return parsed.msPerStep ?? `cannot train: ${parsed.error}`;
}

interface Row {
  workload: string;
  /** tf.memory().numTensors after the warm-up steps and after all timed steps. */
  tensors: [number, number];
  trainer: number[];
  hand: number[];
  /** PyTorch ms per step, or why there are none. */
  torch: number[] | string;
  /** Per round: median (a) / median (d) of that round. */
  ratios: number[];
  /** The step's multiply-adds. */
  macs: number;
  /** Per round: those multiply-adds at the round's wasm SIMD peak, ms (e). */
  floor: number[];
  /** Per round: (e) / median (d) of that round. */
  floorRatios: number[];
  stockCpu: number | string;
  stockWasm: number | string;
}

/** Threads of the wasm backend (and of PyTorch, and of the SIMD peak), set once the backend is up. */
let threads = 1;

/**
 * Times (a), (b) and (d) in alternating rounds of `perRound` steps each, after
 * one warm-up step of each, and the floor (e) in each round: `macs` (a step's
 * multiply-adds), or else those of one profiled trainer step.
 */
async function alternate(row: Row, perRound: number, trainerStep: () => Promise<unknown>, handStep: () => unknown, torch: Torch | string, workload: 'dcgan' | 'wgan-gp' | 'wgan-gp-conv', macs?: number): Promise<void> {
  await trainerStep();
  handStep();
  row.macs = macs ?? totalMacs(await profiledMacs(trainerStep));
  row.tensors[0] = tf.memory().numTensors;
  const torchMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const a = await timeSteps(perRound, trainerStep);
    row.trainer.push(...a);
    row.hand.push(...(await timeSteps(perRound, handStep)));
    if (typeof torch !== 'string') {
      const d = await torch.run(workload, perRound);
      torchMs.push(...d);
      row.ratios.push(median(a) / median(d));
    }
    const floor = (row.macs / (await simdPeakGmacs(threads))) * 1e-6;
    row.floor.push(floor);
    if (typeof torch !== 'string') row.floorRatios.push(floor / median(torchMs.slice(-perRound)));
  }
  row.tensors[1] = tf.memory().numTensors;
  row.torch = typeof torch === 'string' ? torch : torchMs;
}

const emptyRow = (workload: string): Row => ({ workload, tensors: [0, 0], trainer: [], hand: [], torch: [], ratios: [], macs: 0, floor: [], floorRatios: [], stockCpu: '', stockWasm: '' });

async function dcgan(torch: Torch | string): Promise<Row> {
  const batch = 64;
  const real = tf.randomUniform([batch, 28, 28, 1], -1, 1, 'float32', 1);
  const trainer = new GanTrainer({ generator: dcganGenerator(), discriminator: dcganDiscriminator(), loss: nonSaturatingLoss(), preset: 'dcgan', seed: 1 });
  const hand = handDcganStep(dcganGenerator(), dcganDiscriminator(), { g: tf.train.adam(2e-4, 0.5), d: tf.train.adam(2e-4, 0.5) });
  const row = emptyRow('DCGAN MNIST 28², batch 64 (1 D + 1 G update)');
  await alternate(row, 3, () => trainer.step({ x: real }), () => hand(real), torch, 'dcgan', DCGAN_STEP_MACS);
  const cpuBatch = FULL ? 64 : 8;
  const cpu = STOCK ? stock('dcgan', 'cpu', cpuBatch, 1) : 'skipped';
  row.stockCpu = typeof cpu === 'number' ? cpu * (64 / cpuBatch) : cpu;
  row.stockWasm = STOCK ? stock('dcgan', 'wasm', 64, 1) : 'skipped';
  trainer.dispose();
  real.dispose();
  return row;
}

async function wganGp(torch: Torch | string): Promise<Row> {
  const batch = 256;
  const reals = Array.from({ length: 5 }, (_, i) => tf.randomNormal([batch, 2], 0, 1, 'float32', i + 1));
  const trainer = new GanTrainer({
    generator: mlp(2, 2, 1),
    discriminator: mlp(2, 1, 11),
    loss: wassersteinLoss(),
    penalties: [gradientPenalty({ lambda: 10 })],
    preset: 'wgan-gp',
    latentDim: 2,
    seed: 1,
  });
  const hand = handWganGpStep(mlp(2, 2, 1), mlp(2, 1, 11), { g: tf.train.adam(1e-4, 0, 0.9), d: tf.train.adam(1e-4, 0, 0.9) });
  const batches = reals.map((x) => ({ x }));
  const row = emptyRow('2-D WGAN-GP, MLPs 3×128, batch 256 (5 critic steps with GP + 1 G)');
  await alternate(row, 5, () => trainer.step(batches), () => hand(reals), torch, 'wgan-gp');
  row.stockCpu = STOCK ? stock('wgan-gp', 'cpu', batch, 5) : 'skipped';
  row.stockWasm = STOCK ? stock('wgan-gp', 'wasm', batch, 5) : 'skipped';
  trainer.dispose();
  tf.dispose(reals);
  return row;
}

/** The mnist-wgan-gp recipe's step: DCGAN networks (critic without normalization), batch 64, 5 critic steps with GP + 1 G. */
async function convWganGp(torch: Torch | string): Promise<Row> {
  const reals = Array.from({ length: 5 }, (_, i) => tf.randomUniform([64, 28, 28, 1], -1, 1, 'float32', i + 1));
  const trainer = new GanTrainer({
    generator: dcganGenerator(),
    discriminator: dcganDiscriminator(),
    loss: wassersteinLoss(),
    penalties: [gradientPenalty({ lambda: 10 })],
    preset: 'wgan-gp',
    seed: 1,
  });
  const hand = handWganGpStep(dcganGenerator(), dcganDiscriminator(), { g: tf.train.adam(1e-4, 0, 0.9), d: tf.train.adam(1e-4, 0, 0.9) }, 100);
  const batches = reals.map((x) => ({ x }));
  const row = emptyRow('conv WGAN-GP MNIST 28², batch 64 (5 critic steps with GP + 1 G)');
  await alternate(row, 1, () => trainer.step(batches), () => hand(reals), torch, 'wgan-gp-conv');
  row.stockCpu = 'minutes per step';
  row.stockWasm = 'cannot train conv';
  trainer.dispose();
  tf.dispose(reals);
  return row;
}

async function main(): Promise<void> {
  const info = await initBackend({ quiet: true });
  threads = info.threads;
  const torch = await startTorch(info.threads);
  const torchNote = typeof torch === 'string' ? torch : `PyTorch ${torch.version} (${torch.blas}, ${info.threads} thread${info.threads === 1 ? '' : 's'})`;
  console.log(`gankit step benchmark — backend ${info.backend} (SIMD ${info.simd}, ${info.threads} thread); ${torchNote}; rounds ${ROUNDS}; stock DCGAN on cpu at batch ${FULL ? 64 : '8 ×8'}`);
  const only = process.env['BENCH_ONLY']?.split(',');
  const workloads = { dcgan, 'wgan-gp': wganGp, 'wgan-gp-conv': convWganGp };
  const rows: Row[] = [];
  for (const [name, run] of Object.entries(workloads)) if (only === undefined || only.includes(name)) rows.push(await run(torch));
  if (typeof torch !== 'string') torch.close();
  const fmt = (v: number | string): number | string => (typeof v === 'number' ? +v.toFixed(1) : v);
  console.table(
    rows.map((r) => {
      const a = median(r.trainer);
      const b = median(r.hand);
      return {
        workload: r.workload,
        '(a) gankit trainer ms': +a.toFixed(1),
        '(b) hand loop ms': +b.toFixed(1),
        'a / b': +(a / b).toFixed(3),
        '(d) PyTorch ms': typeof r.torch === 'string' ? 'missing (see above)' : +median(r.torch).toFixed(1),
        'a / d (best round)': r.ratios.length === 0 ? '—' : `${median(r.ratios).toFixed(2)} (${Math.min(...r.ratios).toFixed(2)})`,
        '(e) floor ms': r.floor.length === 0 ? '—' : +median(r.floor).toFixed(1),
        'e / d (best round)': r.floorRatios.length === 0 ? '—' : `${median(r.floorRatios).toFixed(2)} (${Math.min(...r.floorRatios).toFixed(2)})`,
        '(c) stock cpu ms': fmt(r.stockCpu),
        'c / a': typeof r.stockCpu === 'number' ? +(r.stockCpu / a).toFixed(0) : '—',
        'stock wasm ms': fmt(r.stockWasm),
        'numTensors (after warm-up → after)': `${r.tensors[0]} → ${r.tensors[1]}`,
      };
    }),
  );
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`peak RSS ${rssMb.toFixed(0)} MB (this process: (a) and (b)); stock and PyTorch runs are separate processes`);
  for (const r of rows) {
    console.log(
      `(e) ${r.workload}: ${(r.macs / 1e9).toFixed(3)} × 10⁹ multiply-adds per step${r.macs === DCGAN_STEP_MACS ? ' (counted layer by layer)' : ' (from a profiled step)'} at the wasm SIMD peak of each round (median ${((r.macs / median(r.floor)) * 1e-6).toFixed(1)} × 10⁹ per second on ${threads} thread${threads === 1 ? '' : 's'}): no wasm step doing PyTorch's arithmetic can be faster`,
    );
  }
}

await main();
