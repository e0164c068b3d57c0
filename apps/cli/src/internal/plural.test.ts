import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'step')).toBe('1 step');
  });
  it('adds an s for more than one', () => {
    expect(plural(2, 'step')).toBe('2 steps');
  });
  it('uses the plural for zero', () => {
    expect(plural(0, 'image')).toBe('0 images');
  });
  it('takes an irregular plural', () => {
    expect(plural(3, 'sample batch', 'sample batches')).toBe('3 sample batches');
  });
});
