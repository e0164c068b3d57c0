import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { handWrittenLoop, withTrainer } from './mixLossWithArchitecture.js';

describe('the "Mix a loss with an architecture" guide example', () => {
  it('trains with a hand-written loop: finite losses, samples of the right shape', async () => {
    const { generator, dLoss, gLoss } = await handWrittenLoop(5);
    expect(Number.isFinite(dLoss) && Number.isFinite(gLoss)).toBe(true);
    const samples = generator.predict(tf.randomNormal([7, 2], 0, 1, 'float32', 7)) as tf.Tensor;
    expect(samples.shape).toEqual([7, 2]);
  });
  it('trains the same composition with GanTrainer', async () => {
    const trainer = await withTrainer(3);
    expect(trainer.stepCount).toBe(3);
    expect(trainer.sample(4).shape).toEqual([4, 2]);
  });
});
