import { describe, expect, it } from 'vitest';
import { renderResults } from './render.js';
import { VARIANTS_BY_WORKTREE } from './tasks.js';

describe('docs/results.md rendering', () => {
  const md = renderResults({
    results: {
      'toy2d-wgan-gp': {
        recipe: 'toy2d-wgan-gp',
        steps: 2000,
        batchSize: 256,
        backend: 'wasm (SIMD)',
        machine: '2 × test cpu',
        date: '2026-11-22',
        runs: [
          { seed: 0, seconds: 60, metrics: { modesCovered: 25, highQualityPercent: 90, reverseKl: 0.01 } },
          { seed: 1, seconds: 120, metrics: { modesCovered: 24, highQualityPercent: 70, reverseKl: 0.03 } },
        ],
      },
      'toy2d-mixture-pacgan': {
        recipe: 'toy2d-mixture-pacgan',
        steps: 25_000,
        batchSize: 256,
        backend: 'wasm (SIMD)',
        machine: '2 × test cpu',
        date: '2026-12-03',
        runs: [
          { seed: 1, seconds: 60, metrics: { modesCovered: 25, highQualityPercent: 90, reverseKl: 0.01 } },
          { seed: 2, seconds: 60, metrics: { modesCovered: 25, highQualityPercent: 90, reverseKl: 0.01 } },
          { seed: 3, seconds: 60, metrics: { modesCovered: 23, highQualityPercent: 90, reverseKl: 0.01 } },
          { seed: 4, seconds: 60, metrics: { modesCovered: 25, highQualityPercent: 90, reverseKl: 0.01 } },
          { seed: 5, seconds: 60, metrics: { modesCovered: 25, highQualityPercent: 90, reverseKl: 0.01 } },
        ],
      },
    },
  });
  const row = md.split('\n').find((l) => l.startsWith('| toy2d-wgan-gp'))!;

  it('reports mean ± sample std over seeds', () => {
    expect(row).toContain('| 24.5 ± 0.7 | 80.0 ± 14.1 | 0.020 ± 0.014 |');
  });
  it('states each target as met or missed from the means', () => {
    expect(row).toContain('WGAN-GP’s published grid: ≥ 24.2 modes: **met**; ≥ 28.7% high quality (GDPP Table 1): **met**');
  });
  it('misses a target that asks every seed for a minimum when one seed falls short, whatever the mean', () => {
    // Mean 24.6 ≥ 24.5, but seed 3 covers 23 < 24.
    const discrete = md.split('\n').find((l) => l.startsWith('| toy2d-mixture-pacgan'))!;
    expect(discrete).toContain('| 24.6 ± 0.9 |');
    expect(discrete).toContain('grid: ≥ 24.5 of 25 modes, every seed ≥ 24: missed; grid: ≥ 80% high quality: **met**');
  });
  it('lists the seeds, budget, checkpoint, backend and mean wall time', () => {
    expect(row).toMatch(/^\| toy2d-wgan-gp \| 0, 1 \| 2000 × 256 \| last \|/);
    expect(row).toContain('1.5 min');
  });
  it('lists recipes not yet measured instead of leaving them out', () => {
    expect(md).toContain('| mnist-vae | — | 9360 | — | not yet measured');
  });
  it('says what the measured recipes took in total', () => {
    expect(md).toContain('the 2 of 14 recipes measured so far trained for 0.13 h in total');
  });
  it('keeps the published anchors', () => {
    expect(md).toContain('| PacGAN4 | ring 7.8 / 95.9 · grid 24.8 / 93.6 | PacGAN Table 1 |');
  });

  it('renders the variants tried under their task, one row per measured step', () => {
    const withSweeps = renderResults({
      results: {},
      sweeps: [
        {
          variant: 'pacgan4',
          description: 'grid, packing 4',
          seed: 0,
          task: '2-D mixtures (mode collapse)',
          points: [
            { step: 1000, seconds: 30, metrics: { modesCovered: 20, highQualityPercent: 1.9, reverseKl: 0.46 } },
            { step: 2000, seconds: 90, metrics: { modesCovered: 15, highQualityPercent: 2, reverseKl: 0.815 } },
          ],
        },
      ],
    });
    const section = withSweeps.slice(withSweeps.indexOf('## 2-D'), withSweeps.indexOf('## MNIST unconditional'));
    expect(section).toContain('| pacgan4 | grid, packing 4 | 0 | 1000 | 20.0 | 1.9 | 0.460 | 0.5 min |');
    expect(section).toContain('| pacgan4 | grid, packing 4 | 0 | 2000 | 15.0 | 2.0 | 0.815 | 1.5 min |');
    expect(md).not.toContain('Variants tried');
  });

  it('says how each task’s variants are run: pnpm sweep for the 2-D task, a worktree run of the recipe for the others', () => {
    const point = { step: 2000, seconds: 60, metrics: { qTestAccuracy: 0.5 } };
    const out = renderResults({
      results: {},
      sweeps: [
        { variant: 'grid-v', description: 'd', seed: 0, task: '2-D mixtures (mode collapse)', points: [point] },
        { variant: 'info-v', description: 'd', seed: 0, task: 'InfoGAN on MNIST', points: [point] },
      ],
    });
    const heads = out.split('\n').filter((l) => l.startsWith('Variants tried'));
    expect(heads).toHaveLength(2);
    expect(heads[0]).toContain('`pnpm sweep <variant> [seed]`');
    expect(heads[1]).toBe(`Variants tried (${VARIANTS_BY_WORKTREE}):`);
    expect(heads[1]).not.toContain('pnpm sweep');
  });

  it('shows a long trace at every 5,000th step and its last', () => {
    const points = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000, 12000].map((step) => ({ step, seconds: step / 100, metrics: { modesCovered: step / 1000 } }));
    const out = renderResults({ results: {}, sweeps: [{ variant: 'trace', description: 'd', seed: 1, task: '2-D mixtures (mode collapse)', points }] });
    const steps = out.split('\n').filter((l) => l.startsWith('| trace |')).map((l) => Number(l.split(' | ')[3]));
    expect(steps).toEqual([5000, 10000, 12000]);
  });

  it('adds rows for other budgets measured with --steps, after the task budget', () => {
    const run = { seed: 0, seconds: 600, metrics: { labelPreservationAtoB: 0.5, labelPreservationBtoA: 0.95 } };
    const base = { recipe: 'digits-cyclegan', steps: 1000, batchSize: 8, backend: 'wasm', machine: 'm', date: 'd', runs: [run] };
    const out = renderResults({
      results: {
        'digits-cyclegan@3000': { ...base, recipe: 'digits-cyclegan@3000', steps: 3000, runs: [{ ...run, metrics: { labelPreservationAtoB: 0.92, labelPreservationBtoA: 0.91 } }] },
        'digits-cyclegan': base,
      },
    });
    const lines = out.split('\n').filter((l) => l.startsWith('| digits-cyclegan'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\| digits-cyclegan \| 0 \| 1000 × 8 \| last \| 0\.5000 \| 0\.9500 \|.*≥ 90% both ways: missed/);
    expect(lines[1]).toMatch(/^\| digits-cyclegan \(`--steps 3000`\) \| 0 \| 3000 × 8 \| last \| 0\.9200 \| 0\.9100 \|.*≥ 90% both ways: \*\*met\*\*/);
  });

  it('lists every seed of a row measured on several', () => {
    expect(md).toContain('- toy2d-wgan-gp: seed 0: 25.0 / 90.0 / 0.010; seed 1: 24.0 / 70.0 / 0.030');
  });

  it('names the checkpoint each row scored, with the selected step of every seed', () => {
    const r = {
      recipe: 'toy2d-mixture-pacgan', steps: 15000, batchSize: 256, backend: 'wasm', machine: 'm', date: 'd', checkpoint: 'best by density (max) every 500 steps',
      runs: [{ seed: 1, seconds: 60, metrics: {}, checkpointStep: 12000 }, { seed: 2, seconds: 60, metrics: {}, checkpointStep: 14500 }],
    };
    const line = renderResults({ results: { 'toy2d-mixture-pacgan': r } }).split('\n').find((l) => l.startsWith('| toy2d-mixture-pacgan'))!;
    expect(line).toContain('| 15000 × 256 | best by density (max) every 500 steps (steps 12000, 14500) |');
    expect(renderResults({ results: { 'toy2d-mixture-pacgan': r } })).toContain('- toy2d-mixture-pacgan: seed 1: — / — / — @ 12000; seed 2: — / — / — @ 14500');
  });

  it('links the committed sample pictures of the recipes that have one', () => {
    const r = { recipe: 'mnist-dcgan', steps: 2000, batchSize: 64, backend: 'wasm', machine: 'm', date: 'd', runs: [{ seed: 0, seconds: 60, metrics: {} }], picture: true };
    expect(renderResults({ results: { 'mnist-dcgan': r } })).toContain('Samples (first seed): [mnist-dcgan](results/mnist-dcgan.png)');
    expect(md).not.toContain('Samples (first seed)');
  });

  it('puts the real-data floor first in its task table', () => {
    const out = renderResults({
      results: {},
      floors: { 'Conditional GAN on MNIST': { what: '10,000 real training digits', date: '2026-11-22', metrics: { conditionalAccuracy: 0.9967 } } },
    });
    const table = out.slice(out.indexOf('## Conditional GAN'), out.indexOf('## VAE'));
    const rows = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| recipe') && !l.startsWith('| ---'));
    expect(rows[0]).toBe('| floor: 10,000 real training digits | — | — | — | 0.9967 | — | — | — | 2026-11-22 | — |');
    expect(rows[1]).toMatch(/^\| mnist-cgan \| — \| 2000 \| — \| not yet measured/);
    expect(rows[2]).toMatch(/^\| mnist-acgan \| — \| 3000 \| — \| not yet measured/);
  });
  it('shows a note beside a row kept from an earlier version of its recipe', () => {
    const run = { seed: 0, seconds: 60, metrics: { labelPreservationAtoB: 0.5, labelPreservationBtoA: 0.6, cycleL1ABA: 0.1, cycleL1BAB: 0.2 } };
    const base = { steps: 1000, batchSize: 8, backend: 'wasm', machine: 'm', date: 'd', runs: [run] };
    const out = renderResults({ results: { 'digits-cyclegan@1000': { ...base, recipe: 'digits-cyclegan@1000', note: 'previous recipe (constant rate)' } } });
    expect(out).toContain('| digits-cyclegan (`--steps 1000`) — previous recipe (constant rate) | 0 | 1000 × 8 | last |');
  });
  it('names a row kept under a word (`recipe@previous`) by its recipe and note, without a --steps flag', () => {
    const run = { seed: 0, seconds: 60, metrics: { codeAccuracy: 0.45, qTestAccuracy: 0.36 } };
    const out = renderResults({
      results: { 'mnist-infogan@previous': { recipe: 'mnist-infogan', steps: 2000, batchSize: 64, backend: 'wasm', machine: 'm', date: 'd', runs: [run], note: 'previous recipe: G at 2e-4' } },
    });
    expect(out).toContain('| mnist-infogan — previous recipe: G at 2e-4 | 0 | 2000 × 64 | last | 0.4500 | 0.3600 |');
  });
});
