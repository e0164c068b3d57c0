import * as tf from '@tensorflow/tfjs';
import type { LipschitzConstraint } from '../types.js';

/** Clips every variable to [−c, c] (the WGAN preset's constraint; Arjovsky et al. 2017). */
export function weightClipping(c: number): LipschitzConstraint & { readonly clip: number } {
  return {
    clip: c,
    apply(variables) {
      tf.tidy(() => variables.forEach((v) => v.assign(tf.clipByValue(v, -c, c))));
    },
  };
}
