import { describe, expect, it } from 'vitest';
import { comparisonSettings } from '../src/comparison.js';
import { defaultSettings, parseSettings, settingsToSearch } from '../src/settings.js';

describe('the compared run', () => {
  it('keeps the data, seed, networks and batch and takes the other loss at its own preset', () => {
    const page = { ...defaultSettings('hinge'), distribution: 'ring', seed: 5, generatorWidth: 32, batchSize: 64, compare: 'wgan-gp' } as const;
    const other = comparisonSettings(page, 'wgan-gp');
    expect(other).toEqual({ ...defaultSettings('wgan-gp'), distribution: 'ring', seed: 5, generatorWidth: 32, batchSize: 64, compare: 'none' });
  });

  it('is named in the URL as cmp only when set', () => {
    const settings = { ...defaultSettings('hinge'), compare: 'least-squares' } as const;
    expect(settingsToSearch(settings)).toContain('&cmp=least-squares&');
    expect(parseSettings(settingsToSearch(settings)).settings).toEqual(settings);
    expect(settingsToSearch(defaultSettings())).not.toContain('cmp=');
    expect(parseSettings('?cmp=nope').problems).toEqual([expect.stringMatching(/^cmp 'nope' is not none or one of mixture-pacgan, /)]);
  });
});
