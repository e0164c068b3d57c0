import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { progressCallback } from '../index.node.js';
import type { ProgressEvent } from '../index.node.js';
import { gaussian1d, stream, tinyGan } from '../testing/fixtures.js';

beforeAll(async () => {
  await initBackend({ quiet: true });
});

describe('progressCallback', () => {
  it('reports begin, every n-th step with fraction and ETA, and the end with its reason', async () => {
    const events: ProgressEvent[] = [];
    const trainer = tinyGan();
    await trainer.fit(stream(gaussian1d(0, 1), 8, 1), { steps: 4, callbacks: [progressCallback((e) => void events.push(e), { every: 2 })] });
    expect(events.map((e) => [e.phase, e.step, e.fraction])).toEqual([
      ['begin', 0, 0],
      ['step', 2, 0.5],
      ['step', 4, 1],
      ['end', 4, 1],
    ]);
    expect(events[1]!.etaSeconds).toBeGreaterThan(0);
    expect(events[1]!.logs?.step).toBe(2);
    expect(events[3]!.stopReason).toBe('completed');
  });

  it("refuses an 'every' below 1", () => {
    expect(() => progressCallback(() => {}, { every: 0 })).toThrow(/option 'every' must be an integer ≥ 1/);
  });
});
