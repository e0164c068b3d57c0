import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { NODE_BACKENDS, expectClose, useBackend } from '@gankit/test-utils';
import { CycleGanTrainer } from './index.node.js';
import type { AdversarialLoss } from './index.node.js';
import { resumeDifference } from './testing/translationResume.js';
import { SIZE, critic, cycleGanOptions, pixelClassifier, unpairedBatch, unpairedData } from './testing/translation.js';

let dir: string;

beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = mkdtempSync(path.join(tmpdir(), 'gankit-semantic-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const weightsOf = (m: tf.LayersModel): number[] => m.weights.flatMap((w) => [...w.read().dataSync()]);

/** float64 reference: mean over counted rows of −log softmax(t)[argmax s], counted = top softmax(s) ≥ minConfidence. */
function semanticReference(translated: number[][], source: number[][], minConfidence: number): number {
  const logSoftmax = (l: number[]): number[] => {
    const m = Math.max(...l);
    const lse = m + Math.log(l.reduce((acc, x) => acc + Math.exp(x - m), 0));
    return l.map((x) => x - lse);
  };
  let sum = 0;
  let count = 0;
  translated.forEach((row, n) => {
    const s = source[n]!;
    if (Math.max(...logSoftmax(s).map(Math.exp)) < minConfidence) return;
    sum -= logSoftmax(row)[s.indexOf(Math.max(...s))]!;
    count += 1;
  });
  return count === 0 ? 0 : sum / count;
}

const logits = (m: tf.LayersModel, x: tf.Tensor): number[][] => tf.tidy(() => (m.predict(x) as tf.Tensor).arraySync() as number[][]);

describe.each(NODE_BACKENDS)('CycleGanTrainer semanticConsistency (CyCADA) on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it('logs L_sem of both directions, computed before the update, and adds weight·L_sem to the generators’ loss', async () => {
    const fA = pixelClassifier(41);
    const fB = pixelClassifier(43);
    const trainer = new CycleGanTrainer(cycleGanOptions({ semanticConsistency: { classifierA: fA, classifierB: fB, weight: 2.5, minConfidence: 0.35 } }));
    const batch = unpairedBatch(0) as { a: tf.Tensor; b: tf.Tensor };
    // Expected from the networks as they are before the step (the per-pixel generators have no training-mode layers).
    const ab = trainer.translate(batch.a, 'AtoB');
    const ba = trainer.translate(batch.b, 'BtoA');
    const expected = semanticReference(logits(fB, ab), logits(fA, batch.a), 0.35) + semanticReference(logits(fA, ba), logits(fB, batch.b), 0.35);
    const logs = await trainer.step(batch);
    expect(logs.semantic).toBeDefined();
    expectClose(logs.semantic!, expected, { rtol: 1e-5 });
    expectClose(logs.generatorLoss, logs.generatorAdversarialA + logs.generatorAdversarialB + 10 * logs.cycle + 5 * logs.identity + 2.5 * logs.semantic!, { rtol: 1e-5 });
    tf.dispose([batch.a, batch.b, ab, ba]);
    trainer.dispose();
  });

  it('moves the generators along −∇L_sem through the frozen classifiers (Adam’s first step: −lr·sign) and never changes the classifiers', async () => {
    const fA = pixelClassifier(45);
    const fB = pixelClassifier(46);
    const frozen = [...weightsOf(fA), ...weightsOf(fB)];
    // Only L_sem drives the generators: a zero adversarial term, no cycle or identity.
    const zero: AdversarialLoss = {
      discriminator: (real, fake) => tf.tidy(() => tf.mul(0, tf.add(tf.mean(real), tf.mean(fake))) as tf.Scalar),
      generator: (fake) => tf.tidy(() => tf.mul(0, tf.mean(fake)) as tf.Scalar),
    };
    const lr = 1e-3;
    const trainer = new CycleGanTrainer(cycleGanOptions({ loss: zero, cycleWeight: 0, identityWeight: 0, learningRate: lr, semanticConsistency: { classifierA: fA, classifierB: fB } }));
    const batch = unpairedBatch(0) as { a: tf.Tensor; b: tf.Tensor };
    const gVars = [...trainer.generatorAB.trainableWeights, ...trainer.generatorBA.trainableWeights].map((w) => w.read() as tf.Variable);
    const ce = (l: tf.Tensor, source: tf.Tensor): tf.Tensor => tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(tf.argMax(source, 1), 3).toFloat(), tf.logSoftmax(l)), 1)));
    const { grads } = tf.variableGrads(
      () =>
        tf.add(
          ce(fB.apply(trainer.generatorAB.apply(batch.a)) as tf.Tensor, fA.predict(batch.a) as tf.Tensor),
          ce(fA.apply(trainer.generatorBA.apply(batch.b)) as tf.Tensor, fB.predict(batch.b) as tf.Tensor),
        ) as tf.Scalar,
      gVars,
    );
    const before = gVars.map((v) => [...v.dataSync()]);
    await trainer.step(batch);
    let checked = 0;
    gVars.forEach((v, i) => {
      const g = grads[v.name]!.dataSync();
      const after = v.dataSync();
      before[i]!.forEach((w, j) => {
        if (Math.abs(g[j]!) < 1e-4) return;
        expectClose((after[j]! - w) / -lr, Math.sign(g[j]!), { atol: 2e-2 });
        checked += 1;
      });
    });
    expect(checked).toBeGreaterThan(20);
    expect([...weightsOf(fA), ...weightsOf(fB)]).toEqual(frozen);
    tf.dispose([batch.a, batch.b, ...Object.values(grads)]);
    trainer.dispose();
  });

  it('keeps tf.memory().numTensors flat over steps', async () => {
    const trainer = new CycleGanTrainer(cycleGanOptions({ poolSize: 4, semanticConsistency: { classifierA: pixelClassifier(47), minConfidence: 0.5 } }));
    const counts: number[] = [];
    await trainer.fit(unpairedData(0, 4), { steps: 8, callbacks: [{ onStepEnd: () => void counts.push(tf.memory().numTensors) }] });
    expect(counts[7]).toBe(counts[2]);
    trainer.dispose();
  });
});

describe('CycleGanTrainer semanticConsistency checks', () => {
  it('refuses bad classifiers and values before any step, naming the option', () => {
    const wrongSize = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [SIZE + 1, SIZE, 1] }), tf.layers.dense({ units: 3 })] });
    const scalarOut = critic(1);
    const fourClasses = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [SIZE, SIZE, 1] }), tf.layers.dense({ units: 4 })] });
    const cases: [unknown, RegExp][] = [
      [{}, /CycleGanTrainer: option 'semanticConsistency.classifierA' is required/],
      [{ classifierA: 'f' }, /option 'semanticConsistency.classifierA' must be a tf.LayersModel, got "f"/],
      [{ classifierA: wrongSize }, /option 'semanticConsistency.classifierA' takes \[9, 8, 1\], but domain A images are \[8, 8, 1\]/],
      [{ classifierA: scalarOut }, /option 'semanticConsistency.classifierA' must output class logits \[n, k\] with k ≥ 2, it outputs \[n, 1\]/],
      [{ classifierA: pixelClassifier(1), classifierB: fourClasses }, /option 'semanticConsistency.classifierB' gives 4 classes, but classifierA gives 3/],
      [{ classifierA: pixelClassifier(1), weight: -1 }, /semanticConsistency.weight/],
      [{ classifierA: pixelClassifier(1), minConfidence: 1.5 }, /semanticConsistency.minConfidence/],
      [{ classifierA: pixelClassifier(1), lambda: 1 }, /option 'semanticConsistency' has unknown key 'lambda'; known: classifierA, classifierB, weight, minConfidence/],
      ['yes', /option 'semanticConsistency' must be \{ classifierA, classifierB\?, weight\?, minConfidence\? \}, got "yes"/],
    ];
    for (const [value, message] of cases) {
      expect(() => new CycleGanTrainer(cycleGanOptions({ semanticConsistency: value as never })), String(message)).toThrow(message);
    }
  });

  it('resumes exactly on cpu and wasm with the term (2N steps equal N, save, load in a new process, N more; within 1e-6)', async () => {
    const worst = await resumeDifference('cyclegan-semantic', dir, 3, NODE_BACKENDS);
    for (const backend of NODE_BACKENDS) expect(worst[backend], backend).toBeLessThanOrEqual(1e-6);
    await useBackend('wasm');
  });
});
