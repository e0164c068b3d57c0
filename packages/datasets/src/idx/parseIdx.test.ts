import { describe, expect, it } from 'vitest';
import { parseIdx } from './parseIdx.js';
import { idxBytes } from './testing/idxBytes.js';

describe('parseIdx', () => {
  it('reads uint8 images: type, dimensions and values', () => {
    const values = Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 10);
    const parsed = parseIdx(idxBytes(0x08, [2, 3, 4], values), 'x');
    expect(parsed.dtype).toBe('uint8');
    expect(parsed.dims).toEqual([2, 3, 4]);
    expect(Array.from(parsed.data)).toEqual(values);
  });

  it('decodes big-endian int16, int32, float32 and float64 values', () => {
    expect(Array.from(parseIdx(idxBytes(0x0b, [3], [-2, 300, 32767])).data)).toEqual([-2, 300, 32767]);
    expect(Array.from(parseIdx(idxBytes(0x0c, [2], [-70000, 1 << 30])).data)).toEqual([-70000, 1 << 30]);
    expect(Array.from(parseIdx(idxBytes(0x0d, [2], [1.5, -0.25])).data)).toEqual([1.5, -0.25]);
    expect(Array.from(parseIdx(idxBytes(0x0e, [1], [Math.PI])).data)).toEqual([Math.PI]);
    expect(Array.from(parseIdx(idxBytes(0x09, [2], [-128, 127])).data)).toEqual([-128, 127]);
  });

  it('rejects a wrong magic number, naming the source and the number', () => {
    const bytes = idxBytes(0x08, [2], [1, 2]);
    bytes[0] = 0x12;
    expect(() => parseIdx(bytes, 'digits.idx')).toThrow(/^digits\.idx: wrong magic number 0x12000801/);
  });

  it('says a gzip-compressed file must be gunzipped first', () => {
    expect(() => parseIdx(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0), 'a.gz')).toThrow(/a\.gz: wrong magic number .*gzip-compressed: gunzip it first/);
  });

  it('rejects an unknown element type byte', () => {
    expect(() => parseIdx(Uint8Array.of(0, 0, 0x0a, 1, 0, 0, 0, 0), 'y')).toThrow(/y: wrong magic number 0x00000a01: unknown IDX element type 0x0a/);
  });

  it('rejects a file truncated inside the data, saying how many bytes are missing', () => {
    const bytes = idxBytes(0x08, [10, 2, 2], new Array(40).fill(7)).subarray(0, 16 + 30);
    expect(() => parseIdx(bytes, 'short.idx')).toThrow(
      /short\.idx: truncated IDX file: 46 bytes, but dimensions \[10, 2, 2\] of uint8 need 56 \(10 bytes missing\)/,
    );
  });

  it('rejects a file truncated inside the header', () => {
    expect(() => parseIdx(Uint8Array.of(0, 0, 8, 3, 0, 0), 'h.idx')).toThrow(/h\.idx: truncated IDX file: 6 bytes, but its header alone is 16 bytes/);
    expect(() => parseIdx(Uint8Array.of(0, 0), 'tiny.idx')).toThrow(/tiny\.idx: truncated IDX file: 2 bytes/);
  });

  it('rejects trailing bytes after the data', () => {
    const bytes = new Uint8Array([...idxBytes(0x08, [2], [1, 2]), 9]);
    expect(() => parseIdx(bytes, 'long.idx')).toThrow(/long\.idx: IDX file is longer than its header says: .*1 extra bytes/);
  });
});
