import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { LOSS_SETUPS } from '../src/settings.js';
import { LOSS_EXPLANATIONS, buildLossSetup } from '../src/setups.js';

/** Sentences: split after ". " followed by a capital letter (not inside "et al. 2017"). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+(?=[A-Z])/).filter((s) => s.length > 0);
}

describe('the loss explanations shown beside the controls', () => {
  for (const name of LOSS_SETUPS) {
    it(`${name}: two or three sentences naming the paper and what to watch`, () => {
      const text = LOSS_EXPLANATIONS[name];
      const n = sentences(text).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(3);
      // The paper: an author and a year.
      expect(text).toMatch(/[A-Z][a-z]+.*\b(19|20)\d\d\b/);
      expect(text).toMatch(/[Ww]atch|heat map|samples/);
      expect(buildLossSetup(name).explanation).toBe(text);
    });
  }

  it('gives every setup a score description for the model overview, and a regularizer where the critic is constrained', () => {
    const regularized = LOSS_SETUPS.filter((n) => buildLossSetup(n).regularizer !== undefined);
    expect(regularized.sort()).toEqual(['sn-hinge', 'wgan', 'wgan-gp']);
    for (const n of LOSS_SETUPS) expect(buildLossSetup(n).score.length).toBeGreaterThan(0);
  });

  it('describes a setup without making tensors, so the page can read its texts without training anything', () => {
    const before = tf.memory().numTensors;
    for (const n of LOSS_SETUPS) buildLossSetup(n);
    expect(tf.memory().numTensors).toBe(before);
  });
});
