/**
 * "Train on your own images" — the guide's example, run by a test.
 *
 * A folder of PNG (or JPEG) files → resized 32×32 colour images in [−1, 1] →
 * a DCGAN for 32-px RGB → sample grids and a checkpoint on disk.
 */
import * as path from 'node:path';
import { initBackend } from '@gankit/backend';
import { dcganDiscriminator, dcganGenerator } from '@gankit/architectures';
import { Dataset, loadImageFolder, writeImageGrid } from '@gankit/datasets';
import { nonSaturatingLoss } from '@gankit/losses';
import { GanTrainer, checkpointCallback, nanGuard, sampleGridCallback } from '@gankit/trainers';

export async function trainOnFolder(folder: string, runDir: string, steps: number): Promise<GanTrainer> {
  await initBackend();
  // Every image decoded, resized (area-averaged down, bilinear up) and scaled for a tanh generator.
  const images = await loadImageFolder(folder, { size: 32, channels: 3, range: '[-1,1]' });
  const trainer = new GanTrainer({
    generator: dcganGenerator({ imageSize: 32, channels: 3 }),
    discriminator: dcganDiscriminator({ imageSize: 32, channels: 3 }),
    loss: nonSaturatingLoss(),
    preset: 'dcgan', // Adam 2e-4, β₁ 0.5 (Radford et al. 2016)
    seed: 0,
  });
  const batches = new Dataset(images).batches({ batchSize: Math.min(64, images.count), seed: 0, epochs: Infinity, dropRemainder: true });
  await trainer.fit(batches, {
    steps,
    callbacks: [
      nanGuard(),
      sampleGridCallback(async (samples, step) => void (await writeImageGrid(path.join(runDir, `samples-${step}.png`), samples, { range: '[-1,1]' })), { every: 500, count: 64 }),
      checkpointCallback({ destination: `file://${path.resolve(runDir, 'checkpoint')}`, every: 1000 }),
    ],
  });
  return trainer;
}
