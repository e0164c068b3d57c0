import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend } from '@gankit/backend';
import { NODE_BACKENDS, useBackend } from '@gankit/test-utils';
import { resumeDifference } from './testing/translationResume.js';
import { patchGanDiscriminator, unitNetworks } from '@gankit/architectures';
import { UnitTrainer } from './index.node.js';
import { trainableVariables } from './internal/models.js';
import { critic, meanAbsDiff, squares, unitOptions, unitParts, unpairedData } from './testing/translation.js';

let dir: string;

beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = mkdtempSync(path.join(tmpdir(), 'gankit-translation-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('UnitTrainer learns', () => {
  it('lowers the cycle reconstruction error and translates squares into their colour inversions (40 steps)', async () => {
    const trainer = new UnitTrainer(unitOptions());
    const { history } = await trainer.fit(unpairedData(), { steps: 40 });
    // The unit-variance latent noise bounds the reconstruction error from below on this tiny problem.
    const cycle = history.map((l) => l.cycleReconstruction);
    expect(mean(cycle.slice(-5))).toBeLessThan(0.6 * mean(cycle.slice(0, 5)));
    const a = squares(16, 12345);
    const b = tf.neg(squares(16, 54321));
    const ab = trainer.translate(a, 'AtoB');
    const ba = trainer.translate(b, 'BtoA');
    const [invA, invB] = [tf.neg(a), tf.neg(b)];
    expect(meanAbsDiff(ab, invA)).toBeLessThan(0.5 * meanAbsDiff(ab, a));
    expect(meanAbsDiff(ba, invB)).toBeLessThan(0.5 * meanAbsDiff(ba, b));
    tf.dispose([a, b, ab, ba, invA, invB]);
    trainer.dispose();
  });
});

describe('UnitTrainer shared layers', () => {
  it('are one set of variables: listed once, updated by one optimizer call per step', async () => {
    const trainer = new UnitTrainer(unitOptions());
    const names = trainer.generatorVariables.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    // The shared dense layers: a kernel and a bias in the encoders, a kernel and a bias in the decoders.
    expect(trainer.sharedVariables).toHaveLength(4);
    const inEncoderB = new Set(trainableVariables(trainer.encoderB));
    const inDecoderB = new Set(trainableVariables(trainer.decoderB));
    expect(trainer.sharedVariables.slice(0, 2).every((v) => inEncoderB.has(v))).toBe(true);
    expect(trainer.sharedVariables.slice(2).every((v) => inDecoderB.has(v))).toBe(true);
    const distinct = new Set([trainer.encoderA, trainer.encoderB, trainer.decoderA, trainer.decoderB].flatMap((m) => trainableVariables(m)));
    expect(trainer.generatorVariables).toHaveLength(distinct.size);
    const apply = vi.spyOn(trainer.generatorOptimizer, 'applyGradients');
    const before = trainer.sharedVariables.map((v) => v.dataSync().slice());
    await trainer.fit(unpairedData(0, 2), { steps: 3 });
    expect(apply).toHaveBeenCalledTimes(3);
    for (const [list] of apply.mock.calls) {
      const updated = (list as { name: string }[]).map((g) => g.name);
      expect(updated).toEqual(names);
    }
    trainer.sharedVariables.forEach((v, i) => expect(Array.from(v.dataSync())).not.toEqual(Array.from(before[i]!)));
    // One set of values, read through either domain's model.
    const sharedA = trainer.encoderA.layers.at(-1)!.getWeights();
    const sharedB = trainer.encoderB.layers.at(-1)!.getWeights();
    expect(sharedA[0]!.dataSync()).toEqual(sharedB[0]!.dataSync());
    tf.dispose([...sharedA, ...sharedB]);
    apply.mockRestore();
    trainer.dispose();
  });

  it('are taken from unitNetworks of @gankit/architectures as built (a step on a tiny configuration)', async () => {
    const nets = unitNetworks({ imageSize: 8, channelsA: 1, channelsB: 1, filters: 2, downsamplings: 1, residualBlocks: 0, sharedBlocks: 1, seed: 1 });
    const sharedCount = nets.sharedLayers.flatMap((l) => l.trainableWeights).length;
    const trainer = new UnitTrainer({
      ...nets,
      discriminatorA: patchGanDiscriminator({ imageSize: 8, channels: 1, filters: 2, layers: 1, seed: 2 }),
      discriminatorB: patchGanDiscriminator({ imageSize: 8, channels: 1, filters: 2, layers: 1, seed: 3 }),
    });
    expect(trainer.sharedVariables).toHaveLength(sharedCount);
    const { history } = await trainer.fit(unpairedData(0, 2), { steps: 1 });
    expect(Number.isFinite(history[0]!.generatorLoss)).toBe(true);
    trainer.dispose();
  });

  it('are required: networks that share nothing are refused unless allowUnshared', () => {
    const one = unitParts(1);
    const other = unitParts(2);
    const options = { ...unitOptions(), encoderB: other.encoderB };
    expect(() => new UnitTrainer(options)).toThrow(/option 'encoderB' shares no variables with encoderA.*allowUnshared: true/);
    expect(() => new UnitTrainer({ ...unitOptions(), ...one, decoderB: other.decoderB })).toThrow(/option 'decoderB' shares no variables with decoderA/);
    expect(() => new UnitTrainer({ ...options, allowUnshared: true })).not.toThrow();
    const stray = tf.layers.dense({ units: 1 });
    stray.build([null, 1]);
    expect(() => new UnitTrainer({ ...unitOptions(), sharedLayers: [stray] })).toThrow(/option 'sharedLayers' lists layers the two domains' networks do not both use/);
  });
});

describe('UnitTrainer steps', () => {
  it('logs every weighted term and both discriminator losses, the total with the paper weights', async () => {
    const trainer = new UnitTrainer(unitOptions());
    const [logs] = (await trainer.fit(unpairedData(0, 4), { steps: 1 })).history;
    const l = logs!;
    const total = 10 * (l.generatorAdversarialA + l.generatorAdversarialB) + 100 * l.reconstruction + 0.1 * l.kl + 100 * l.cycleReconstruction + 0.1 * l.cycleKl;
    expect(l.generatorLoss).toBeCloseTo(total, 2);
    for (const key of ['discriminatorLossA', 'discriminatorLossB', 'secondsPerStep', 'learningRate'] as const) expect(Number.isFinite(l[key])).toBe(true);
    trainer.dispose();
  });

  it('keeps tf.memory().numTensors flat over 22 steps', async () => {
    const trainer = new UnitTrainer(unitOptions());
    const counts: number[] = [];
    await trainer.fit(unpairedData(0, 2), { steps: 22, callbacks: [{ onStepEnd: () => void counts.push(tf.memory().numTensors) }] });
    expect(counts[21]).toBe(counts[1]);
    trainer.dispose();
  });

  it('refuses mismatched networks before any step, naming the option', () => {
    expect(() => new UnitTrainer(unitOptions({ discriminatorB: critic(1, 3) }))).toThrow(/option 'discriminatorB' takes \[8,8,3\]/);
    const wide = unitParts(4, 6);
    expect(() => new UnitTrainer(unitOptions({ decoderA: wide.decoderA }))).toThrow(/option 'decoderA' takes \[8,8,6\], but the encoders output latent codes \[8,8,4\]/);
    expect(() => new UnitTrainer(unitOptions({ klWeight: -1 }))).toThrow(/option 'klWeight' must be a finite number 0 ≤ x/);
  });
});

describe('UnitTrainer checkpoints', () => {
  it('resume exactly on cpu and wasm: 2N steps equal N steps, save, load in a new process, N more (the latent noise stream, the decayed rate; within 1e-6)', async () => {
    const worst = await resumeDifference('unit', dir, 4, NODE_BACKENDS);
    for (const backend of NODE_BACKENDS) expect(worst[backend], backend).toBeLessThanOrEqual(1e-6);
    await useBackend('wasm');
  });
});
