import { describe, expect, it } from 'vitest';
import { LOSS_SETUPS, defaultDistribution, defaultSettings, parseSettings, presetDefaults, sameTraining, settingsToSearch } from '../src/settings.js';

describe('settings in the URL', () => {
  it('round-trips every setting through the query string', () => {
    const settings = { ...defaultSettings('hinge'), distribution: 'two-moons', generatorWidth: 48, latentDim: 5, generatorLearningRate: 3e-5, seed: 9, backend: 'wasm' } as const;
    expect(parseSettings(settingsToSearch(settings))).toEqual({ settings, problems: [] });
  });

  it('takes the default setup (the non-saturating GAN on the ring at Adam 1e-3, 3 × 128, batch 256) from an empty query', () => {
    const { settings } = parseSettings('');
    expect(settings).toEqual(defaultSettings('non-saturating'));
    expect(settings).toMatchObject({ distribution: 'ring', loss: 'non-saturating', generatorLearningRate: 1e-3, discriminatorLearningRate: 1e-3, criticSteps: 1 });
    expect(settings).toMatchObject({ generatorWidth: 128, generatorDepth: 3, latentDim: 2, batchSize: 256, seed: 0, backend: 'auto' });
  });

  it('starts the main job’s setup on the grid and every other setup on the ring when the URL names no distribution', () => {
    expect(parseSettings('?loss=mixture-pacgan').settings.distribution).toBe('grid');
    expect(LOSS_SETUPS.filter((l) => defaultDistribution(l) === 'grid')).toEqual(['mixture-pacgan']);
    expect(parseSettings('?loss=wgan-gp').settings.distribution).toBe('ring');
    expect(parseSettings('?loss=mixture-pacgan&dist=ring').settings.distribution).toBe('ring');
  });

  it('starts the mixture setup from its own rates: G 5e-3, D 2e-3, 2 D updates, decaying to 0 over steps 700–1,700', () => {
    expect(presetDefaults('mixture-pacgan')).toEqual({ generatorLearningRate: 5e-3, discriminatorLearningRate: 2e-3, criticSteps: 2, decayStart: 700, decaySteps: 1000 });
    expect(parseSettings('?loss=mixture-pacgan&ds=50&dn=0').settings).toMatchObject({ decayStart: 50, decaySteps: 0 });
    expect(parseSettings('?dn=-1').problems).toEqual(['dn=-1: must be between 0 and 10000000']);
  });

  it('gives a URL that names a loss that loss’s own defaults, so links written before the default changed keep their meaning', () => {
    expect(parseSettings('?dist=ring&loss=minimax').settings).toEqual({ ...defaultSettings('minimax'), distribution: 'ring' });
    expect(parseSettings('?loss=wgan-gp').settings).toMatchObject({ criticSteps: 5, generatorLearningRate: 1e-4, discriminatorLearningRate: 1e-4 });
  });

  it("starts each loss from its paper's preset (DCGAN Adam 2e-4 × 1, WGAN RMSprop 5e-5 × 5, WGAN-GP Adam 1e-4 × 5), the non-saturating GAN from the CLI's toy2d-gan rate 1e-3", () => {
    const table = Object.fromEntries(LOSS_SETUPS.map((l) => [l, presetDefaults(l)]));
    const constant = { decayStart: 0, decaySteps: 0 };
    expect(table['non-saturating']).toEqual({ generatorLearningRate: 1e-3, discriminatorLearningRate: 1e-3, criticSteps: 1, ...constant });
    expect(table['minimax']).toEqual({ generatorLearningRate: 2e-4, discriminatorLearningRate: 2e-4, criticSteps: 1, ...constant });
    expect(table['wgan']).toEqual({ generatorLearningRate: 5e-5, discriminatorLearningRate: 5e-5, criticSteps: 5, ...constant });
    expect(table['wgan-gp']).toEqual({ generatorLearningRate: 1e-4, discriminatorLearningRate: 1e-4, criticSteps: 5, ...constant });
    expect(parseSettings('?loss=wgan').settings.criticSteps).toBe(5);
  });

  it('ignores and reports unknown or out-of-range values, keeping the defaults', () => {
    const { settings, problems } = parseSettings('?dist=moon&loss=nope&gw=0&k=2.5&glr=abc&batch=&backend=tpu');
    expect(settings).toEqual(defaultSettings());
    expect(problems).toEqual([
      "loss 'nope' is not one of mixture-pacgan, minimax, non-saturating, least-squares, hinge, ra-sgan, ra-lsgan, wgan, wgan-gp, sn-hinge",
      "dist 'moon' is not one of ring, grid, spiral, two-moons, draw",
      "backend 'tpu' is not one of auto, webgpu, webgl, wasm, cpu",
      'gw=0: must be between 1 and 1024',
      'glr=abc: not a number',
      'k=2.5: must be an integer',
      'batch=: not a number',
    ]);
  });

  it('keeps drawn points in the URL as hundredths, only with dist=draw, and reports malformed ones', () => {
    const settings = { ...defaultSettings('hinge'), distribution: 'draw', drawn: '50_100_-125_0' } as const;
    expect(settingsToSearch(settings)).toContain('dist=draw&pts=50_100_-125_0&');
    expect(parseSettings(settingsToSearch(settings))).toEqual({ settings, problems: [] });
    expect(settingsToSearch({ ...settings, distribution: 'ring' })).not.toContain('pts=');
    expect(parseSettings('?dist=draw&pts=1_2_3').problems).toEqual(["pts: '1_2_3' is not x_y_x_y… in hundredths (integers)"]);
    expect(parseSettings('?dist=draw&pts=0_201').problems).toEqual(['pts: a point is outside [−2, 2]² (−200…200)']);
  });

  it('keeps the live controls train and speed in the URL only when moved from both / max, and reports unknown values', () => {
    const moved = { ...defaultSettings(), train: 'discriminator', speed: '1/4' } as const;
    const search = settingsToSearch(moved);
    expect(search).toContain('&train=discriminator&speed=1%2F4');
    expect(parseSettings(search)).toEqual({ settings: moved, problems: [] });
    expect(settingsToSearch(defaultSettings())).not.toMatch(/train=|speed=/);
    expect(parseSettings('?train=d&speed=2x').problems).toEqual(["train 'd' is not one of both, discriminator, generator", "speed '2x' is not one of max, 1, 1/2, 1/4, 1/8"]);
  });

  it('treats a change of backend or of the live controls alone as the same training run', () => {
    const a = defaultSettings();
    expect(sameTraining(a, { ...a, backend: 'cpu' })).toBe(true);
    expect(sameTraining(a, { ...a, train: 'generator', speed: '1/8' })).toBe(true);
    expect(sameTraining(a, { ...a, batchSize: 64 })).toBe(false);
  });
});
