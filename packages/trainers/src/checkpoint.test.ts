import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, useBackend } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { CheckpointMismatchError, GanTrainer, VaeTrainer } from './index.node.js';
import type { GanTrainerOptions } from './index.node.js';
import { fileCheckpointStore } from './internal/fileCheckpointStore.js';
import { gaussian1d, gradientPenalty, memoryHandler, mlp, stream, wasserstein } from './testing/fixtures.js';
import { RESUME_KINDS, buildResumeTrainer, fingerprint, resumeData } from './testing/resumeFixture.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
let dir: string;

beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = mkdtempSync(path.join(tmpdir(), 'gankit-trainers-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ganOptions = (hidden = 4): GanTrainerOptions => ({
  generator: mlp([2], [hidden], 1, 1),
  discriminator: mlp([1], [4], 1, 2),
  loss: wasserstein,
  penalties: [gradientPenalty(10)],
  criticSteps: 2,
  learningRates: { generator: 1e-2, discriminator: 1e-2 },
  ema: 0.9,
  seed: 4,
});

const weightsOf = (trainer: GanTrainer): number[][] => [...trainer.generator.weights, ...trainer.discriminator.weights].map((w) => Array.from(w.read().dataSync()));

describe('checkpoints through any tfjs IOHandler', () => {
  it('restore weights, optimizer state, step and random state, so the next steps match', async () => {
    const a = new GanTrainer(ganOptions());
    await a.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 3 });
    const handler = memoryHandler();
    await a.save(handler, { metadata: { note: 'three steps' } });
    const b = new GanTrainer(ganOptions());
    const info = await b.load(handler);
    expect(info).toMatchObject({ trainer: 'GanTrainer', step: 3, metadata: { note: 'three steps' } });
    expect(b.stepCount).toBe(3);
    expect(weightsOf(b)).toEqual(weightsOf(a));
    const next = async (t: GanTrainer): Promise<number[]> => (await t.fit(stream(gaussian1d(1, 1), 8, 2), { steps: 2 })).history.flatMap((l) => [l.discriminatorLoss, l.generatorLoss, l.penalty]);
    expect(await next(b)).toEqual(await next(a));
    expect(weightsOf(b)).toEqual(weightsOf(a));
  });

  it('leaves no tensors behind when saving and loading', async () => {
    const a = new GanTrainer(ganOptions());
    await a.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 1 });
    const handler = memoryHandler();
    await a.save(handler);
    const before = tf.memory().numTensors;
    await a.save(handler);
    await a.load(handler);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('checkpoint directories (Node, file://)', () => {
  it('hold one sub-directory per model and optimizer and a checkpoint.json', async () => {
    const t = new GanTrainer(ganOptions());
    await t.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 1 });
    const target = path.join(dir, 'layout');
    await t.save(`file://${target}`);
    expect(readdirSync(target).sort()).toEqual(['checkpoint.json', 'discriminator', 'generator', 'generator-ema', 'optimizer-discriminator', 'optimizer-generator']);
    const manifest = JSON.parse(readFileSync(path.join(target, 'checkpoint.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'gankit-checkpoint', trainer: 'GanTrainer', step: 1, state: { emaUpdates: 1 } });
    expect(manifest.rng.training.algorithm).toBe('xoshiro128**');
  });

  it('store each model so tf.loadLayersModel loads it, the EMA generator included', async () => {
    const t = new GanTrainer(ganOptions());
    await t.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 3 });
    const target = path.join(dir, 'loadable');
    await t.save(`file://${target}`);
    const ema = await tf.loadLayersModel(`file://${target}/generator-ema/model.json`);
    const z = tf.randomNormal([5, 2], 0, 1, 'float32', 1);
    const fromFile = ema.predict(z) as tf.Tensor;
    const fromTrainer = t.generate(z);
    expect(Array.from(fromFile.dataSync())).toEqual(Array.from(fromTrainer.dataSync()));
    const live = t.generate(z, undefined, false);
    expect(Array.from(live.dataSync())).not.toEqual(Array.from(fromTrainer.dataSync()));
    tf.dispose([z, fromFile, fromTrainer, live]);
    ema.dispose();
  });

  it('are replaced atomically: a failed save leaves the previous checkpoint and no temporary directory', async () => {
    const t = new GanTrainer(ganOptions());
    const target = path.join(dir, 'atomic');
    await t.save(`file://${target}`);
    const before = readFileSync(path.join(target, 'checkpoint.json'), 'utf8');
    const broken = tf.scalar(1);
    broken.dispose();
    const good = { name: 'generator', kind: 'model' as const, topology: {}, weights: [{ name: 'w', tensor: tf.scalar(2) }] };
    const bad = { name: 'discriminator', kind: 'model' as const, topology: {}, weights: [{ name: 'w', tensor: broken }] };
    const manifest = JSON.parse(before);
    await expect(fileCheckpointStore(`file://${target}`).save({ manifest, entries: [good, bad] })).rejects.toThrow(/saving failed, the previous checkpoint is untouched/);
    good.weights[0]!.tensor.dispose();
    expect(readFileSync(path.join(target, 'checkpoint.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((n) => n.startsWith('atomic.'))).toEqual([]);
  });

  it('load from <dir>.previous when a save died between its two renames', async () => {
    const t = new GanTrainer(ganOptions());
    await t.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 2 });
    const target = path.join(dir, 'crashed');
    await t.save(`file://${target}`);
    renameSync(target, `${target}.previous`);
    const u = new GanTrainer(ganOptions());
    await expect(u.load(`file://${target}`)).resolves.toMatchObject({ step: 2 });
    await u.save(`file://${target}`);
    expect(existsSync(`${target}.previous`)).toBe(false);
  });
});

describe('a checkpoint from a different configuration', () => {
  let saved: string;
  beforeAll(async () => {
    const t = new GanTrainer(ganOptions());
    await t.fit(stream(gaussian1d(1, 1), 8, 1), { steps: 1 });
    saved = `file://${path.join(dir, 'reference')}`;
    await t.save(saved);
  });

  it('is refused when the trainer type differs', async () => {
    const vae = new VaeTrainer({ encoder: mlp([6], [8], 4, 1), decoder: mlp([2], [8], 6, 2) });
    await expect(vae.load(saved)).rejects.toThrow(/trainer: checkpoint GanTrainer, this trainer VaeTrainer/);
  });

  it('is refused, saying which weight shapes differ, and changes nothing', async () => {
    const t = new GanTrainer(ganOptions(8));
    const before = weightsOf(t);
    const error = await t.load(saved).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointMismatchError);
    expect((error as Error).message).toMatch(/structure\.generator\.weights\[0\]: checkpoint "\[2,4\]", this trainer "\[2,8\]"/);
    expect(weightsOf(t)).toEqual(before);
    expect(t.stepCount).toBe(0);
  });

  it('is refused when a hyperparameter differs, unless allowed', async () => {
    const t = new GanTrainer({ ...ganOptions(), criticSteps: 3 });
    await expect(t.load(saved)).rejects.toThrow(/hyperparameters\.criticSteps: checkpoint 2, this trainer 3/);
    await expect(t.load(saved, { allowHyperparameterChanges: true })).resolves.toMatchObject({ step: 1 });
  });

  it('is refused when EMA is on in one and off in the other', async () => {
    const t = new GanTrainer({ ...ganOptions(), ema: false });
    await expect(t.load(saved)).rejects.toThrow(/structure\.ema: checkpoint true, this trainer false/);
  });
});

describe('resume is exact across processes', () => {
  const N = 5;
  for (const backend of NODE_BACKENDS) {
    it(`on ${backend}: 2N steps equal N steps, save, load in a new process, N more (GAN, conditional GAN, VAE; within 1e-6)`, async () => {
      await useBackend(backend);
      const root = path.join(dir, `resume-${backend}`);
      const full: Record<string, number[]> = {};
      for (const kind of RESUME_KINDS) {
        const straight = buildResumeTrainer(kind);
        await straight.fit(resumeData(kind, 0), { steps: 2 * N });
        full[kind] = fingerprint(straight);
        straight.dispose();
        const half = buildResumeTrainer(kind);
        await half.fit(resumeData(kind, 0), { steps: N });
        await half.save(`file://${root}/${kind}`);
        half.dispose();
      }
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--conditions=@gankit/source', '--import', 'tsx', path.join(here, 'testing', 'resumeChild.ts'), backend, root, String(N)],
        { cwd: packageDir, encoding: 'utf8' },
      );
      const resumed = JSON.parse(stdout) as Record<string, number[]>;
      for (const kind of RESUME_KINDS) {
        const a = full[kind]!;
        const b = resumed[kind]!;
        expect(b.length, kind).toBe(a.length);
        const worst = Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
        expect(worst, `${kind}: largest difference`).toBeLessThanOrEqual(1e-6);
      }
    });
  }
});
