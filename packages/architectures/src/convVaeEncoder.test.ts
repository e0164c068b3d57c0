import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { convVaeEncoder } from './index.js';
import { expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('convVaeEncoder', () => {
  it.each([
    [28, 1],
    [32, 1],
    [32, 3],
    [64, 3],
  ])('maps %i px images with %i channels to a mean and a log-variance', (imageSize, channels) => {
    const e = convVaeEncoder({ imageSize, channels, filters: [4, 8], hiddenUnits: [16] });
    expect(e.inputs[0]!.shape).toEqual([null, imageSize, imageSize, channels]);
    expect(outputShapes(e)).toEqual([
      [null, 20],
      [null, 20],
    ]);
  });

  it('halves the image once per filter entry (28 → 14 → 7 by default)', () => {
    const e = convVaeEncoder();
    const flatten = e.layers.find((l) => l.getClassName() === 'Flatten')!;
    expect((flatten.input as { shape: unknown }).shape).toEqual([null, 7, 7, 64]);
    expect(e.countParams()).toBe(832_168);
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    await expectSaveLoadRoundTrip(convVaeEncoder({ filters: [4], hiddenUnits: [], latentDim: 2 }), uniform([2, 28, 28, 1], 1, 0, 1));
  });

  it('rejects an image size the stride-2 convs cannot halve exactly, naming the allowed sizes', () => {
    expectRejectedBeforeWeights(() => convVaeEncoder({ imageSize: 30 }), /convVaeEncoder: option 'imageSize' must be a positive multiple of 4, for 2 stride-2 layers \(e.g. 16, 28, 32, 64, 128, 256\); got 30/);
  });

  it('rejects an empty filter list and 0 channels', () => {
    expectRejectedBeforeWeights(() => convVaeEncoder({ filters: [] }), /option 'filters' must be an array of positive integers \(at least one\); got \[\]/);
    expectRejectedBeforeWeights(() => convVaeEncoder({ channels: 0 }), /option 'channels' must be an integer ≥ 1/);
  });
});
