import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration.js';

describe('formatDuration', () => {
  it('shows less than a minute as seconds', () => {
    expect(formatDuration(42.4)).toBe('42s');
  });
  it('rounds 59.6 s up to a whole minute', () => {
    expect(formatDuration(59.6)).toBe('1m00s');
  });
  it('rounds 119.5 s up to two whole minutes', () => {
    expect(formatDuration(119.5)).toBe('2m00s');
  });
  it('never shows 60 seconds (539.6 s is 9m00s, not 8m60s)', () => {
    expect(formatDuration(539.6)).toBe('9m00s');
  });
  it('pads seconds to two digits after minutes', () => {
    expect(formatDuration(65)).toBe('1m05s');
  });
  it('rounds 3599.7 s up to a whole hour', () => {
    expect(formatDuration(3599.7)).toBe('1h00m00s');
  });
  it('shows hours with two-digit minutes and seconds', () => {
    expect(formatDuration(2 * 3600 + 3 * 60 + 9.2)).toBe('2h03m09s');
  });
  it('keeps counting hours past a day', () => {
    expect(formatDuration(25 * 3600)).toBe('25h00m00s');
  });
  it('shows zero as 0s', () => {
    expect(formatDuration(0)).toBe('0s');
  });
  it('reads a negative duration as 0s', () => {
    expect(formatDuration(-3)).toBe('0s');
  });
});
