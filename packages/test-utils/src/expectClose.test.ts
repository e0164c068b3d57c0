import { describe, expect, it } from 'vitest';
import { expectClose, relativeError } from './expectClose.js';

describe('expectClose', () => {
  it('accepts values within atol + rtol·|expected|', () => {
    expect(() => expectClose([1, 2.00001], [1, 2], { rtol: 1e-5, atol: 0 })).not.toThrow();
  });
  it('rejects a value outside the tolerance and names the element', () => {
    expect(() => expectClose([1, 2.1], [1, 2], { rtol: 1e-3 })).toThrow(/element 1 of 2/);
  });
  it('rejects a NaN against a number', () => {
    expect(() => expectClose([Number.NaN], [0], { atol: 1 })).toThrow(/element 0/);
  });
  it('rejects different lengths', () => {
    expect(() => expectClose([1, 2], [1])).toThrow(/lengths differ/);
  });
  it('measures relative error against the scale of the expected value', () => {
    expect(relativeError([10, 0.5], [10, 0])).toBeCloseTo(0.05, 10);
  });
});
