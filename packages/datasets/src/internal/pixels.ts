import type { PixelRange } from '../pixelRange.js';

/** A 256-entry table mapping a byte 0…255 to a float in `range`. */
export function byteTable(range: PixelRange): Float32Array {
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = range === '[0,1]' ? v / 255 : (v / 255) * 2 - 1;
  return table;
}

/** Maps a value in [0, 1] to `range`. */
export function fromUnit(value: number, range: PixelRange): number {
  return range === '[0,1]' ? value : value * 2 - 1;
}

/** Maps a value in `range` to [0, 1], clamped. */
export function toUnitClamped(value: number, range: PixelRange): number {
  const unit = range === '[0,1]' ? value : (value + 1) / 2;
  return unit < 0 ? 0 : unit > 1 ? 1 : unit;
}
