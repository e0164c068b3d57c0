import { describe, expect, it } from 'vitest';
import { renderResults } from './render.js';

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
    },
  });
  const row = md.split('\n').find((l) => l.startsWith('| toy2d-wgan-gp'))!;

  it('reports mean ± sample std over seeds', () => {
    expect(row).toContain('| 24.5 ± 0.7 | 80.0 ± 14.1 | 0.020 ± 0.014 |');
  });
  it('states each target as met or missed from the means', () => {
    expect(row).toContain('grid: ≥ 24.5 of 25 modes: **met**; grid: ≥ 80% high quality: **met**');
  });
  it('lists the seeds, budget, backend and mean wall time', () => {
    expect(row).toMatch(/^\| toy2d-wgan-gp \| 0, 1 \| 2000 × 256 \|/);
    expect(row).toContain('1.5 min');
  });
  it('lists recipes not yet measured instead of leaving them out', () => {
    expect(md).toContain('| mnist-vae | — | 9360 | not yet measured');
  });
  it('keeps the published anchors', () => {
    expect(md).toContain('| PacGAN4 | ring 7.8 / 95.9 · grid 24.8 / 93.6 | PacGAN Table 1 |');
  });
});
