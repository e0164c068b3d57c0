import { ringOfGaussians } from '@gankit/datasets';
import { modeCoverage } from '@gankit/metrics';
import { describe, expect, it } from 'vitest';
import { HIGH_QUALITY_STD, coverageDefinition, coveragePoint, coverageReadout, scoreCoverage, viewCoverage } from '../src/views/coverageReadout.js';

describe('the mode-coverage read-out', () => {
  const ring = ringOfGaussians();
  // 4 samples at mode 0, 1 at mode 3, 1 far from everything.
  const c0 = ring.centres[0]!;
  const c3 = ring.centres[3]!;
  const fake = new Float32Array([c0[0], c0[1], c0[0] + 0.01, c0[1], c0[0], c0[1] - 0.02, c0[0], c0[1], c3[0], c3[1] + 0.025, 9, 9]);

  it('scores a view only against true modes and finite samples, and charts modes and % high quality', () => {
    expect(viewCoverage(fake, undefined)).toBe('no-modes');
    expect(viewCoverage(new Float32Array([0, Number.NaN]), ring)).toBe('non-finite');
    const state = viewCoverage(fake, ring);
    expect(state).toEqual({ coverage: scoreCoverage(fake, ring) });
    if (typeof state !== 'object') throw new Error('scored');
    // 5 of the 6 samples are high quality, at modes 0 and 3.
    const point = coveragePoint(12, state.coverage);
    expect(point).toMatchObject({ step: 12, modes: 2 });
    expect(point.highQuality).toBeCloseTo((100 * 5) / 6, 10);
  });

  it('scores with @gankit/metrics’ modeCoverage at the stated threshold of 3 std', () => {
    expect(HIGH_QUALITY_STD).toBe(3);
    const c = scoreCoverage(fake, ring);
    expect(c).toEqual(modeCoverage({ x: fake, count: 6, shape: [2] }, ring, { threshold: 3 }));
    expect(c.modesCovered).toBe(2);
    expect(c.highQualityCount).toBe(5);
    // 0.035 from the centre is beyond 3 × 0.01: not high quality, so mode 3 would not be covered.
    const beyond = new Float32Array([c3[0], c3[1] + 0.035]);
    expect(scoreCoverage(beyond, ring).modesCovered).toBe(0);
  });

  it('says "step 0: not yet trained" instead of scoring the untrained generator', () => {
    const r = coverageReadout(0, { coverage: scoreCoverage(fake, ring) });
    expect(r).toEqual({ modes: '–', highQuality: '–', reverseKl: '–', status: 'step 0: not yet trained', trained: false });
  });

  it('reports the numbers with their step, sample count and the thinnest covered mode', () => {
    const r = coverageReadout(1500, { coverage: scoreCoverage(fake, ring) });
    expect(r.modes).toBe('2 / 8');
    expect(r.highQuality).toBe('83.3 %');
    expect(r.status).toBe('step 1,500 · 6 samples · fewest at a covered mode: 1');
    expect(r.trained).toBe(true);
    expect(Number(r.reverseKl)).toBeCloseTo((4 / 5) * Math.log(8 * (4 / 5)) + (1 / 5) * Math.log(8 * (1 / 5)), 3);
  });

  it('says n/a without true modes or with non-finite samples', () => {
    expect(coverageReadout(10, 'no-modes')).toMatchObject({ modes: 'n/a', status: 'no true modes for this distribution' });
    expect(coverageReadout(10, 'non-finite')).toMatchObject({ modes: 'n/a', status: 'step 10: some samples are not finite' });
  });

  it('defines the metrics with the mixture’s numbers', () => {
    const d = coverageDefinition(ring, 2500);
    expect(d.highQuality).toBe('High quality: a generated sample within 3 std (3 × 0.01 = 0.03, Euclidean) of the nearest of the 8 true centres.');
    expect(d.covered).toContain('at least one high-quality sample among the 2,500');
    expect(d.reverseKl).toContain('ln 8 = 2.08');
  });
});
