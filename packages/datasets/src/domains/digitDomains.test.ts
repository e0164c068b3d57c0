import { describe, expect, it } from 'vitest';
import { loadMnist } from '../mnist/loadMnist.js';
import { digitDomains } from './digitDomains.js';

describe('digitDomains', () => {
  it('builds both full domains from the real MNIST files', async () => {
    const { a, b } = await digitDomains({ seed: 0 });
    expect([a.train.count, a.test.count, b.train.count, b.test.count]).toEqual([60_000, 10_000, 60_000, 10_000]);
    expect([a.train.shape, b.train.shape]).toEqual([[28, 28, 1], [28, 28, 3]]);
    expect(b.test.labels).toEqual(a.test.labels);
  });

  it('gives domain A three channels on request, the grey value repeated', async () => {
    const { a } = await digitDomains({ channelsA: 3, limit: 10 });
    expect(a.train.shape).toEqual([28, 28, 3]);
    const grey = await loadMnist({ limit: 10 });
    for (let i = 0; i < grey.x.length; i++) expect(a.train.x[3 * i + 2]).toBe(grey.x[i]);
  });

  it('keeps the labels in both domains for evaluation', async () => {
    const { a, b } = await digitDomains({ limit: 100 });
    const mnist = await loadMnist({ limit: 100 });
    expect(a.train.labels).toEqual(mnist.labels);
    expect(b.train.labels).toEqual(mnist.labels);
  });

  it('splits the training digits between the domains with disjoint: true', async () => {
    const { a, b } = await digitDomains({ disjoint: true, limit: 101 });
    const mnist = await loadMnist({ limit: 101 });
    expect([a.train.count, b.train.count, a.test.count]).toEqual([51, 50, 101]);
    expect(Array.from(a.train.labels!)).toEqual(Array.from(mnist.labels!).filter((_, i) => i % 2 === 0));
    expect(Array.from(b.train.labels!)).toEqual(Array.from(mnist.labels!).filter((_, i) => i % 2 === 1));
    expect(a.train.x.subarray(784, 2 * 784)).toEqual(mnist.x.subarray(2 * 784, 3 * 784));
  });

  it('is deterministic in the seed, and the seed changes domain B only', async () => {
    const [one, same, other] = await Promise.all([1, 1, 2].map((seed) => digitDomains({ seed, limit: 50 })));
    expect(one!.b.train.x).toEqual(same!.b.train.x);
    expect(one!.b.test.x).toEqual(same!.b.test.x);
    expect(one!.b.train.x).not.toEqual(other!.b.train.x);
    expect(one!.a.train.x).toEqual(other!.a.train.x);
  });

  it('rejects an unknown option, naming the allowed ones', async () => {
    await expect(digitDomains({ channels: 3 } as never)).rejects.toThrow(
      /digitDomains: unknown option 'channels'; allowed options are 'seed', 'range', 'channelsA', 'disjoint', 'limit'/,
    );
  });
});
