/**
 * Steps the playground's setups take to reach the coverage goal, over seeds,
 * in Node (no page): for each variant and seed, trains a Session and scores
 * its view samples every `--every` steps exactly as the page's readout does
 * (`scoreCoverage`, 2,500 samples), recording the first step with every mode
 * covered and the first with every mode covered and ≥ 80 % high quality.
 *
 * At the steps/s the page reaches (`pnpm --filter @gankit/playground bench`:
 * about 30 on one wasm thread in Chromium here), the goal within 60 s means
 * within about 1,800 steps, on every seed. Steps, not seconds, are what this
 * measures, so other load on the machine does not change its numbers.
 *
 * Usage: pnpm --filter @gankit/playground exec tsx --conditions=@gankit/source bench/coverageSweep.ts
 *        [--variants default,name,…] [--seeds 0,1,2,3,4] [--max 2000] [--every 50] [--trace]
 * (`--trace` prints the coverage at every scoring).
 * Writes test-artifacts/coverage-sweep.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initBackend } from '@gankit/backend';
import { Session } from '../src/session.js';
import { defaultSettings } from '../src/settings.js';
import type { Settings } from '../src/settings.js';
import { scoreCoverage } from '../src/views/coverageReadout.js';
import { ARTIFACTS_DIR } from '../test/harness.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    variants: { type: 'string', default: 'default' },
    seeds: { type: 'string', default: '0,1,2,3,4' },
    max: { type: 'string', default: '2000' },
    every: { type: 'string', default: '50' },
    trace: { type: 'boolean', default: false },
  },
});
const HIGH_QUALITY_TARGET = 0.8;

/** The main job's setup (mixture generator + PacGAN4) on its grid: what the page's default was until 2026-12-06. */
const MIXTURE = defaultSettings('mixture-pacgan');

/** Settings changed from the default (the non-saturating GAN on the ring), by name. */
const VARIANTS: Readonly<Record<string, Partial<Settings>>> = {
  default: {},
  /** The mixture setup on the grid, and schedules tried on it. */
  mixture: MIXTURE,
  /** D at 5e-3 instead of 2e-3. */
  'mixture-d5e-3': { ...MIXTURE, discriminatorLearningRate: 5e-3 },
  /** The full rates for 1,000 steps, then decaying to 0 by step 1,800. */
  'mixture-decay-1000-1800': { ...MIXTURE, decayStart: 1000, decaySteps: 800 },
  /** Decaying from step 300 to 0 at step 1,800. */
  'mixture-decay-300-1800': { ...MIXTURE, decayStart: 300, decaySteps: 1500 },
  /** Decaying from the start to 0 at step 1,800. */
  'mixture-decay-0-1800': { ...MIXTURE, decayStart: 0, decaySteps: 1800 },
  /** G at 2.5e-3 until step 1,200, then decaying to 0 by step 1,800. */
  'mixture-g2.5e-3-decay-1200-1800': { ...MIXTURE, generatorLearningRate: 2.5e-3, decayStart: 1200, decaySteps: 600 },
  /** Batch 1,024 instead of 256. */
  'mixture-b1024': { ...MIXTURE, batchSize: 1024 },
  /** The mixture setup on the ring of 8. */
  'mixture-ring': { ...MIXTURE, distribution: 'ring' },
  /** The non-saturating GAN on the ring at DCGAN's preset rate, 2e-4 (the default's 1e-3 is the CLI's toy2d-gan rate). */
  'lr2e-4': { generatorLearningRate: 2e-4, discriminatorLearningRate: 2e-4 },
};

const names = values.variants.split(',');
const seeds = values.seeds.split(',').map(Number);
const maxSteps = Number(values.max);
const every = Number(values.every);
const info = await initBackend();
console.log(`backend ${info.backend}, ${info.threads} thread(s); max ${maxSteps} steps, scored every ${every}`);

interface Run {
  variant: string;
  seed: number;
  allModes?: number;
  allModesAndQuality?: number;
  last: { step: number; modes: number; highQuality: number };
}
const runs: Run[] = [];
for (const name of names) {
  const change = VARIANTS[name];
  if (change === undefined) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
  for (const seed of seeds) {
    const session = new Session({ ...defaultSettings(), ...change, seed });
    const mixture = session.distribution.mixture;
    if (mixture === undefined) throw new Error('the default distribution has no true modes');
    const run: Run = { variant: name, seed, last: { step: 0, modes: 0, highQuality: 0 } };
    try {
      while (session.step < maxSteps && run.allModesAndQuality === undefined) {
        for (let i = 0; i < every; i++) await session.trainStep();
        const c = scoreCoverage((await session.view()).fake, mixture);
        const all = c.modesCovered === mixture.centres.length;
        run.last = { step: session.step, modes: c.modesCovered, highQuality: c.highQualityFraction };
        if (all && run.allModes === undefined) run.allModes = session.step;
        if (all && c.highQualityFraction >= HIGH_QUALITY_TARGET) run.allModesAndQuality = session.step;
        if (values.trace) console.log(`  ${name} seed ${seed} step ${session.step}: ${c.modesCovered} modes, ${(100 * c.highQualityFraction).toFixed(1)} % HQ`);
      }
    } finally {
      session.dispose();
    }
    runs.push(run);
    console.log(`${name} seed ${seed}: all modes @ ${run.allModes ?? '—'}, + ≥ 80 % HQ @ ${run.allModesAndQuality ?? '—'}; last ${run.last.step}: ${run.last.modes} modes, ${(100 * run.last.highQuality).toFixed(1)} % HQ`);
  }
}
mkdirSync(ARTIFACTS_DIR, { recursive: true });
writeFileSync(join(ARTIFACTS_DIR, 'coverage-sweep.json'), `${JSON.stringify({ date: new Date().toISOString(), maxSteps, every, runs }, null, 2)}\n`);
