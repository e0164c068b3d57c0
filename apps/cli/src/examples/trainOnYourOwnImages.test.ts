import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePng } from '@gankit/datasets';
import { trainOnFolder } from './trainOnYourOwnImages.js';

describe('the "Train on your own images" guide example', () => {
  it('trains a DCGAN on a real folder of PNG files and writes samples and a checkpoint', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gankit-own-'));
    const folder = path.join(root, 'images');
    mkdirSync(folder);
    // Twelve 40×40 PNGs of coloured stripes (real files, real PNG encoding).
    for (let i = 0; i < 12; i++) {
      const data = new Uint8ClampedArray(40 * 40 * 4);
      for (let p = 0; p < 40 * 40; p++) {
        const stripe = Math.floor((p % 40) / (4 + (i % 3))) % 2;
        data.set([stripe ? 200 : 30, (i * 20) % 255, stripe ? 40 : 220, 255], p * 4);
      }
      writeFileSync(path.join(folder, `img-${i}.png`), encodePng({ width: 40, height: 40, data }));
    }
    const run = path.join(root, 'run');
    const trainer = await trainOnFolder(folder, run, 2);
    expect(trainer.stepCount).toBe(2);
    expect(trainer.sample(3).shape).toEqual([3, 32, 32, 3]);
    expect(existsSync(path.join(run, 'samples-2.png'))).toBe(true);
    expect(existsSync(path.join(run, 'checkpoint', 'checkpoint.json'))).toBe(true);
  });
});
