/**
 * `pnpm bench` (apps/benchmarks): one training step of each EVALUATION.md
 * workload, measured side by side in one run:
 *
 *   (a) gankit's GanTrainer on the default backend (wasm + gankit's kernels),
 *   (b) the same loop written by hand in plain tfjs on the same backend,
 *   (c) stock tfjs (no gankit import; a child process) on cpu — and on wasm,
 *       where stock tfjs cannot train a conv net at all.
 *
 * (a) and (b) alternate in rounds so machine noise hits both alike; each cell
 * is the median ms per step. The DCGAN step on stock cpu runs at batch 8 and is
 * scaled ×8 (cost is linear in the batch; a batch-64 step takes minutes)
 * unless BENCH_FULL=1. Data are random tensors of the right shape: speed does
 * not depend on their values.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { initBackend } from '@gankit/backend';
import { gradientPenalty, nonSaturatingLoss, wassersteinLoss } from '@gankit/losses';
import { GanTrainer } from '@gankit/trainers';
import { dcganDiscriminator, dcganGenerator, handDcganStep, handWganGpStep, mlp } from './workload.js';

const FULL = process.env['BENCH_FULL'] === '1';
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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
  stockCpu: number | string;
  stockWasm: number | string;
}

async function dcgan(): Promise<Row> {
  const batch = 64;
  const real = tf.randomUniform([batch, 28, 28, 1], -1, 1, 'float32', 1);
  const trainer = new GanTrainer({ generator: dcganGenerator(), discriminator: dcganDiscriminator(), loss: nonSaturatingLoss(), preset: 'dcgan', seed: 1 });
  const hand = handDcganStep(dcganGenerator(), dcganDiscriminator(), { g: tf.train.adam(2e-4, 0.5), d: tf.train.adam(2e-4, 0.5) });
  await trainer.step({ x: real });
  hand(real);
  const row: Row = { workload: 'DCGAN MNIST 28², batch 64 (1 D + 1 G update)', tensors: [tf.memory().numTensors, 0], trainer: [], hand: [], stockCpu: '', stockWasm: '' };
  for (let r = 0; r < ROUNDS; r++) {
    row.trainer.push(...(await timeSteps(3, () => trainer.step({ x: real }))));
    row.hand.push(...(await timeSteps(3, () => hand(real))));
  }
  row.tensors[1] = tf.memory().numTensors;
  const cpuBatch = FULL ? 64 : 8;
  const cpu = stock('dcgan', 'cpu', cpuBatch, 1);
  row.stockCpu = typeof cpu === 'number' ? cpu * (64 / cpuBatch) : cpu;
  row.stockWasm = stock('dcgan', 'wasm', 64, 1);
  trainer.dispose();
  real.dispose();
  return row;
}

async function wganGp(): Promise<Row> {
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
  await trainer.step(batches);
  hand(reals);
  const row: Row = { workload: '2-D WGAN-GP, MLPs 3×128, batch 256 (5 critic steps with GP + 1 G)', tensors: [tf.memory().numTensors, 0], trainer: [], hand: [], stockCpu: '', stockWasm: '' };
  for (let r = 0; r < ROUNDS; r++) {
    row.trainer.push(...(await timeSteps(5, () => trainer.step(batches))));
    row.hand.push(...(await timeSteps(5, () => hand(reals))));
  }
  row.tensors[1] = tf.memory().numTensors;
  row.stockCpu = stock('wgan-gp', 'cpu', batch, 5);
  row.stockWasm = stock('wgan-gp', 'wasm', batch, 5);
  trainer.dispose();
  tf.dispose(reals);
  return row;
}

async function main(): Promise<void> {
  const info = await initBackend({ quiet: true });
  console.log(`gankit step benchmark — backend ${info.backend} (SIMD ${info.simd}, ${info.threads} thread); rounds ${ROUNDS}; stock DCGAN on cpu at batch ${FULL ? 64 : '8 ×8'}`);
  const rows = [await dcgan(), await wganGp()];
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
        '(c) stock cpu ms': fmt(r.stockCpu),
        'c / a': typeof r.stockCpu === 'number' ? +(r.stockCpu / a).toFixed(0) : '—',
        'stock wasm ms': fmt(r.stockWasm),
        'numTensors (after warm-up → after)': `${r.tensors[0]} → ${r.tensors[1]}`,
      };
    }),
  );
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`peak RSS ${rssMb.toFixed(0)} MB (this process: (a) and (b)); stock runs are separate processes`);
}

await main();
