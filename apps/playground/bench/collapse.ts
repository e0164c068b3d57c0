/**
 * Does a playground configuration collapse? Trains the page's own Session in
 * Node (wasm, as the page's wasm backend) for each URL query and seed, and
 * scores mode coverage at checkpoints on exactly what the page scores: the
 * 2,500 generated points of the samples view (fixed latent codes), with
 * `modeCoverage` of @gankit/metrics (a mode is covered when at least one of
 * them is high quality — within 3 std of that centre, nearer to it than to any
 * other). To tell a collapse (mass on few modes) from a spread (mass between
 * them), it also reports where all 2,500 points sit: how many have each mode
 * as their nearest centre, and the median distance to it in std.
 *
 * Usage:
 *   pnpm --filter @gankit/playground exec tsx --conditions=@gankit/source bench/collapse.ts \
 *     --query '?dist=ring&loss=minimax' --seeds 0,1,2 --steps 2000 --every 250
 * `--query` may be repeated; a `seed` in the query is overridden by `--seeds`.
 * Prints one table row per run and writes test-artifacts/collapse.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { initBackend } from '@gankit/backend';
import { modeCoverage } from '@gankit/metrics';
import { Session } from '../src/session.js';
import { parseSettings, settingsToSearch } from '../src/settings.js';

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS_DIR = join(APP_DIR, 'test-artifacts');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    query: { type: 'string', multiple: true, default: ['?dist=ring&loss=minimax'] },
    seeds: { type: 'string', default: '0' },
    steps: { type: 'string', default: '2000' },
    every: { type: 'string', default: '250' },
    out: { type: 'string', default: 'collapse.json' },
  },
});
const steps = Number(values.steps);
const every = Number(values.every);
const seeds = values.seeds.split(',').map(Number);

/** Coverage of the page's 2,500 view samples at one step. */
interface Checkpoint {
  readonly step: number;
  readonly modes: number;
  readonly numModes: number;
  readonly highQuality: number;
  readonly reverseKl: number;
  /** High-quality samples per mode. */
  readonly modeCounts: number[];
  /** All samples per nearest mode, high quality or not. */
  readonly nearestCounts: number[];
  /** Median distance of the samples to their nearest centre, in std. */
  readonly medianStd: number;
}

/** Every point's nearest centre (lower index on ties) and its distance in std. */
function nearest(fake: Float32Array, centres: ReadonlyArray<ArrayLike<number>>, std: number): { counts: number[]; medianStd: number } {
  const counts = new Array<number>(centres.length).fill(0);
  const dists: number[] = [];
  for (let i = 0; i + 1 < fake.length; i += 2) {
    let best = 0;
    let bestD = Infinity;
    centres.forEach((c, k) => {
      const d = Math.hypot(fake[i]! - c[0]!, fake[i + 1]! - c[1]!);
      if (d < bestD) [best, bestD] = [k, d];
    });
    counts[best]!++;
    dists.push(bestD / std);
  }
  dists.sort((a, b) => a - b);
  return { counts, medianStd: dists[Math.floor(dists.length / 2)] ?? Number.NaN };
}

interface Run {
  readonly query: string;
  readonly seed: number;
  readonly checkpoints: Checkpoint[];
  readonly minutes: number;
  readonly load: number;
}

async function score(session: Session): Promise<Checkpoint> {
  const mixture = session.distribution.mixture;
  if (mixture === undefined) throw new Error(`${session.settings.distribution} has no true modes to cover`);
  const { fake } = await session.view();
  const c = modeCoverage({ x: fake, count: fake.length / 2, shape: [2] }, mixture);
  const n = nearest(fake, mixture.centres, mixture.std);
  return {
    step: session.step,
    modes: c.modesCovered,
    numModes: c.numModes,
    highQuality: c.highQualityFraction,
    reverseKl: c.reverseKl,
    modeCounts: Array.from(c.modeCounts),
    nearestCounts: n.counts,
    medianStd: n.medianStd,
  };
}

const info = await initBackend({ backend: 'wasm', quiet: true });
console.log(`backend ${info.backend}${info.simd ? ' (SIMD)' : ''}; ${steps} steps, coverage every ${every}; seeds ${seeds.join(', ')}\n`);
const runs: Run[] = [];
for (const query of values.query) {
  const { settings: base, problems } = parseSettings(query);
  if (problems.length > 0) throw new Error(`bad query ${query}: ${problems.join('; ')}`);
  for (const seed of seeds) {
    const settings = { ...base, seed, backend: 'wasm' as const };
    const session = new Session(settings);
    const started = performance.now();
    const checkpoints: Checkpoint[] = [await score(session)];
    try {
      while (session.step < steps) {
        const logs = await session.trainStep();
        if (!Number.isFinite(logs.discriminatorLoss) || !Number.isFinite(logs.generatorLoss)) throw new Error(`diverged at step ${logs.step}`);
        if (session.step % every === 0 || session.step === steps) checkpoints.push(await score(session));
      }
    } finally {
      session.dispose();
    }
    const run: Run = { query: settingsToSearch(settings), seed, checkpoints, minutes: (performance.now() - started) / 60_000, load: loadavg()[0]! };
    runs.push(run);
    const modes = checkpoints.map((c) => `${c.step}: ${c.modes}/${c.numModes}`).join(', ');
    const last = checkpoints[checkpoints.length - 1]!;
    console.log(`${query} seed ${seed} — modes ${modes}; at ${last.step}: ${(100 * last.highQuality).toFixed(1)} % HQ, reverse KL ${last.reverseKl.toFixed(3)}, high-quality per mode [${last.modeCounts.join(' ')}], all samples by nearest mode [${last.nearestCounts.join(' ')}], median ${last.medianStd.toFixed(1)} std from it (${run.minutes.toFixed(1)} min, load ${run.load.toFixed(1)})`);
  }
}
mkdirSync(ARTIFACTS_DIR, { recursive: true });
const out = join(ARTIFACTS_DIR, values.out);
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), backend: info.backend, simd: info.simd, steps, every, runs }, null, 2)}\n`);
console.log(`\nwrote ${out.slice(APP_DIR.length + 1)}`);
