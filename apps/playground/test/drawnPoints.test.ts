import { describe, expect, it } from 'vitest';
import { playgroundDistribution } from '../src/distributions.js';
import { MAX_DRAWN, PLACEHOLDER_POINTS, formatDrawn, parseDrawn } from '../src/drawnPoints.js';
import { planeMap, planePoint } from '../src/views/plane.js';

describe('drawn points in the URL', () => {
  it('writes hundredths, clamped to [−2, 2]², and reads them back', () => {
    expect(formatDrawn([[0.504, 1], [-1.25, 0], [3, -2.5]])).toBe('50_100_-125_0_200_-200');
    expect(parseDrawn('50_100_-125_0')).toEqual({ points: [[0.5, 1], [-1.25, 0]] });
    expect(parseDrawn('')).toEqual({ points: [] });
  });

  it('keeps the last MAX_DRAWN points', () => {
    const many = Array.from({ length: MAX_DRAWN + 5 }, (_, i) => [i / 100, 0] as [number, number]);
    expect(parseDrawn(formatDrawn(many)).points).toEqual(many.slice(5));
  });

  it('rejects what is not pairs of integers in −200…200', () => {
    expect(parseDrawn('1_2_3').problem).toContain('is not x_y_x_y');
    expect(parseDrawn('1.5_2').problem).toContain('is not x_y_x_y');
    expect(parseDrawn('0_-201').problem).toContain('outside');
  });

  it('makes a mixture of std-0.05 Gaussians around the points on [−2, 2]², or around placeholders when empty', () => {
    const drawn = playgroundDistribution('draw', '50_100_-125_0');
    expect(drawn.mixture?.centres).toEqual([[0.5, 1], [-1.25, 0]]);
    expect(drawn.mixture?.std).toBe(0.05);
    expect(drawn.extent).toEqual({ x0: -2, x1: 2, y0: -2, y1: 2 });
    expect(playgroundDistribution('draw', '').mixture?.centres).toEqual(PLACEHOLDER_POINTS);
  });
});

describe('planePoint', () => {
  it('inverts planeMap on a non-square surface', () => {
    const extent = { x0: -2, x1: 2, y0: -2, y1: 2 };
    const map = planeMap({ ctx: undefined as never, width: 300, height: 200 }, extent);
    const [x, y] = planePoint(300, 200, extent, map.px(0.75), map.py(-1.5));
    expect(x).toBeCloseTo(0.75, 10);
    expect(y).toBeCloseTo(-1.5, 10);
  });
});
