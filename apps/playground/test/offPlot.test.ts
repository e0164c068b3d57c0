import { describe, expect, it } from 'vitest';
import { offPlotCaption, offPlotPoints } from '../src/views/offPlot.js';

const square = { x0: -1, x1: 1, y0: -1, y1: 1 };

describe('offPlotPoints', () => {
  it('pins points outside the square to its border, pointing where they lie', () => {
    const off = offPlotPoints(new Float32Array([0, 0, 5, 0, 0, -3, 2, 2, 1, 1]), square);
    expect(off.count).toBe(3);
    expect(off.nonFinite).toBe(0);
    const m = Array.from(off.markers, (v) => Number(v.toFixed(4)));
    // right edge → right; bottom edge → down; top-right corner → diagonally out.
    expect(m).toEqual([1, 0, 1, 0, 0, -1, 0, -1, 1, 1, 0.7071, 0.7071]);
  });

  it('keeps points on the border on the plot, and counts non-finite ones apart', () => {
    const off = offPlotPoints([1, -1, Number.NaN, 0, 0, Number.POSITIVE_INFINITY], square);
    expect(off.count).toBe(0);
    expect(off.nonFinite).toBe(2);
  });

  it('captions what it found, or nothing', () => {
    expect(offPlotCaption({ count: 0, nonFinite: 0 })).toBeUndefined();
    expect(offPlotCaption({ count: 1, nonFinite: 0 })).toBe('1 sample off the plot');
    expect(offPlotCaption({ count: 1250, nonFinite: 3 })).toBe('1,250 samples off the plot, 3 non-finite');
  });
});
