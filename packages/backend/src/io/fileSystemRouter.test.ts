import * as tf from '@tensorflow/tfjs';
import { promises as fs, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectClose } from '@gankit/test-utils';
import { FileSystemHandler, initBackend } from '../index.node.js';

function tinyModel(seed: number): tf.LayersModel {
  const init = tf.initializers.randomNormal({ seed });
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [3], units: 4, activation: 'tanh', kernelInitializer: init }),
      tf.layers.batchNormalization(),
      tf.layers.dense({ units: 2, kernelInitializer: init }),
    ],
  });
}

const input = (): tf.Tensor => tf.tensor2d([[0.1, -0.2, 0.3], [1, 2, -1]]);
const predict = (m: tf.LayersModel): number[] => tf.tidy(() => Array.from((m.predict(input()) as tf.Tensor).dataSync()));

describe('file:// save and load router', () => {
  let root: string;
  beforeAll(async () => {
    await initBackend({ quiet: true });
    root = mkdtempSync(path.join(tmpdir(), 'gankit-io-'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('model.save("file://dir") writes model.json + weights.bin and loadLayersModel reads it back identically', async () => {
    const m = tinyModel(1);
    const dir = path.join(root, 'roundtrip');
    await m.save(`file://${dir}`);
    expect((await fs.readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await tf.loadLayersModel(`file://${dir}/model.json`);
    expectClose(predict(loaded), predict(m), { rtol: 0, atol: 0 });
  });

  it('a save that fails before the swap leaves the previous model intact and no temporary directory', async () => {
    const dir = path.join(root, 'crash-before-swap');
    const good = tinyModel(2);
    await good.save(`file://${dir}`);
    const expected = predict(good);
    const realRename = fs.rename;
    vi.spyOn(fs, 'rename').mockImplementationOnce(async () => {
      throw new Error('simulated crash');
    });
    await expect(tinyModel(3).save(`file://${dir}`)).rejects.toThrow('simulated crash');
    expect(fs.rename).not.toBe(realRename);
    const leftovers = (await fs.readdir(root)).filter((n) => n.startsWith('crash-before-swap.tmp-'));
    expect(leftovers).toEqual([]);
    expectClose(predict(await tf.loadLayersModel(`file://${dir}/model.json`)), expected, { rtol: 0, atol: 0 });
  });

  it('a save that dies between its two renames is recovered: the old model loads, and the next save succeeds', async () => {
    const dir = path.join(root, 'crash-mid-swap');
    const good = tinyModel(4);
    await good.save(`file://${dir}`);
    const expected = predict(good);
    const realRename = fs.rename.bind(fs);
    let calls = 0;
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      calls += 1;
      if (calls === 2) throw new Error('simulated crash');
      return realRename(from, to);
    });
    await expect(tinyModel(5).save(`file://${dir}`)).rejects.toThrow('simulated crash');
    vi.restoreAllMocks();
    expect(existsSync(dir)).toBe(false);
    expectClose(predict(await tf.loadLayersModel(`file://${dir}/model.json`)), expected, { rtol: 0, atol: 0 });
    const next = tinyModel(6);
    await next.save(`file://${dir}`);
    expect(existsSync(`${dir}.previous`)).toBe(false);
    expectClose(predict(await tf.loadLayersModel(`file://${dir}/model.json`)), predict(next), { rtol: 0, atol: 0 });
  });

  it('a missing model.json gives an error naming the file', async () => {
    const file = path.join(root, 'nothing-here', 'model.json');
    await expect(tf.loadLayersModel(`file://${file}`)).rejects.toThrow(file);
  });

  it('a malformed model.json gives an error naming the file', async () => {
    const dir = path.join(root, 'malformed');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'model.json'), '{"modelTopology": ');
    await expect(tf.loadLayersModel(`file://${dir}/model.json`)).rejects.toThrow(/malformed\/model\.json is not valid JSON/);
  });

  it('a model.json without a topology gives an error naming the file', async () => {
    const dir = path.join(root, 'no-topology');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'model.json'), '{"weightsManifest": []}');
    await expect(tf.loadLayersModel(`file://${dir}/model.json`)).rejects.toThrow(/no-topology\/model\.json has no 'modelTopology'/);
  });

  it('a truncated weights.bin gives an error naming the model file', async () => {
    const dir = path.join(root, 'truncated');
    await tinyModel(7).save(`file://${dir}`);
    const bin = path.join(dir, 'weights.bin');
    const data = await fs.readFile(bin);
    await fs.writeFile(bin, data.subarray(0, data.length - 8));
    await expect(tf.loadLayersModel(`file://${dir}/model.json`)).rejects.toThrow(/truncated\/model\.json hold \d+ bytes, but its manifest needs \d+/);
  });

  it('a handler can be passed explicitly, and an empty path is refused by name', async () => {
    const dir = path.join(root, 'explicit');
    const m = tinyModel(8);
    await m.save(new FileSystemHandler(dir));
    expectClose(predict(await tf.loadLayersModel(new FileSystemHandler(dir))), predict(m), { rtol: 0, atol: 0 });
    expect(() => new FileSystemHandler('')).toThrow(/'url' must be a non-empty path/);
  });
});
