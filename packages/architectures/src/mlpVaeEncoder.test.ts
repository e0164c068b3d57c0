import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { mlpVaeEncoder } from './index.js';
import { expectRejectedBeforeWeights, expectSaveLoadRoundTrip, outputShapes, uniform } from './testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

describe('mlpVaeEncoder', () => {
  it('maps 784 pixels through 400 ReLU units to a mean and a log-variance of size 20 by default', () => {
    const e = mlpVaeEncoder();
    expect(e.inputs[0]!.shape).toEqual([null, 784]);
    expect(outputShapes(e)).toEqual([
      [null, 20],
      [null, 20],
    ]);
    expect(e.countParams()).toBe(330_040);
  });

  it('builds other sizes', () => {
    expect(outputShapes(mlpVaeEncoder({ inputDim: 3072, hiddenUnits: [64, 32], latentDim: 8 }))).toEqual([
      [null, 8],
      [null, 8],
    ]);
  });

  it('saves through file:// and loads back with identical predictions on both outputs', async () => {
    await expectSaveLoadRoundTrip(mlpVaeEncoder({ inputDim: 12, hiddenUnits: [8], latentDim: 3 }), uniform([4, 12], 1, 0, 1));
  });

  it('rejects a zero latent size before making weights', () => {
    expectRejectedBeforeWeights(() => mlpVaeEncoder({ latentDim: 0 }), /mlpVaeEncoder: option 'latentDim' must be an integer ≥ 1; got 0/);
  });
});
