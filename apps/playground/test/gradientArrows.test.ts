import { describe, expect, it } from 'vitest';
import { arrowSegments } from '../src/views/gradientArrows.js';

describe('arrowSegments', () => {
  it('scales every vector by one factor that draws the 90th-percentile length maxLength long', () => {
    // Ten vectors of lengths 1…10 along x from the origin; the 90th percentile of 10 values (index 8) is 9.
    const positions = new Float32Array(20);
    const vectors = new Float32Array(Array.from({ length: 10 }, (_, i) => [i + 1, 0]).flat());
    const { segments, scale, capped } = arrowSegments(positions, vectors, 0.9);
    expect(scale).toBeCloseTo(0.1, 12);
    const lengths = Array.from({ length: 10 }, (_, i) => segments[4 * i + 2]!);
    expect(lengths.map((v) => Number(v.toFixed(6)))).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.9]);
    expect(capped).toBe(1);
  });

  it('keeps each arrow’s direction and puts its tail at its sample', () => {
    const { segments } = arrowSegments([1, 2, -1, 0], [3, 4, 0, -2], 1, { quantile: 1 });
    // Reference = the longest (5): the first arrow is 1 long along (0.6, 0.8), the second 0.4 long downwards.
    expect(Array.from(segments).map((v) => Number(v.toFixed(6)))).toEqual([1, 2, 1.6, 2.8, -1, 0, -1, -0.4]);
  });

  it('skips zero and non-finite vectors, and draws nothing when none is usable', () => {
    const { segments } = arrowSegments([0, 0, 1, 1, 2, 2], [0, 0, Number.NaN, 1, 1, 0], 1);
    expect(Array.from(segments)).toEqual([2, 2, 3, 2]);
    expect(arrowSegments([0, 0], [0, 0], 1)).toEqual({ segments: new Float32Array(0), scale: 0, capped: 0 });
  });

  it('keeps at most maxArrows, evenly spaced', () => {
    const positions = new Float32Array(Array.from({ length: 100 }, (_, i) => [i, 0]).flat());
    const vectors = new Float32Array(200).fill(1);
    const { segments } = arrowSegments(positions, vectors, 1, { maxArrows: 10 });
    expect(segments.length).toBe(40);
    expect(Array.from({ length: 10 }, (_, k) => segments[4 * k])).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('refuses positions and vectors of different counts', () => {
    expect(() => arrowSegments([0, 0], [1, 1, 1, 1], 1)).toThrow(/1 positions but 2 vectors/);
  });
});
