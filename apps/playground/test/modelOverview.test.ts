import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../src/settings.js';
import { layerChain, modelSpec, overviewBoxes, overviewCaption } from '../src/views/modelOverview.js';

describe('the model overview', () => {
  it('writes layer chains, compact beyond four hidden layers', () => {
    expect(layerChain(2, 128, 3, 2)).toBe('2 → 128 → 128 → 128 → 2');
    expect(layerChain(8, 64, 6, 1)).toBe('8 → 64 × 6 → 1');
  });

  it('puts the architecture, the loss and its regularizer in the boxes', () => {
    const settings = { ...defaultSettings('wgan-gp'), generatorWidth: 64, generatorDepth: 2, latentDim: 3 };
    const spec = modelSpec(settings, { label: 'WGAN-GP', regularizer: 'gradient penalty, λ = 10', score: 'critic f(x) ∈ ℝ' }, 'Grid of 25 Gaussians');
    const boxes = Object.fromEntries(overviewBoxes(spec).map((b) => [b.id, [b.title, ...b.lines]]));
    expect(boxes['z']).toEqual(['noise z', '3-D, N(0, I)']);
    expect(boxes['generator']).toEqual(['Generator G', 'MLP, ReLU', '3 → 64 → 64 → 2']);
    expect(boxes['discriminator']).toEqual(['Discriminator D', 'MLP, ReLU', '2 → 128 → 128 → 128 → 1', 'gradient penalty, λ = 10']);
    expect(boxes['real']).toEqual(['real x', 'Grid of 25 Gaussians']);
    expect(boxes['score']).toEqual(['real / fake score', 'critic f(x) ∈ ℝ']);
    expect(overviewCaption(spec)).toBe('loss: WGAN-GP · 5 D steps per G step · batch 256');
  });

  it('shows the mixture generator’s one-hot code and the discriminator’s packs', () => {
    const spec = modelSpec(
      { ...defaultSettings('non-saturating'), criticSteps: 1 },
      { label: 'Mixture', score: 'D(x) = σ(logit) ∈ (0, 1)', mixture: { categories: 50, packing: 4 } },
      'Ring of 8 Gaussians',
    );
    const boxes = Object.fromEntries(overviewBoxes(spec).map((b) => [b.id, b.lines]));
    expect(boxes['z']).toEqual(['2-D, N(0, I)', '+ 50-way one-hot code']);
    expect(boxes['generator']).toEqual(['mixture MLP, ReLU', '52 → 128 → 128 → 128 → 2']);
    expect(boxes['discriminator']).toEqual(['MLP, ReLU, packs of 4', '8 → 128 → 128 → 128 → 1']);
    expect(overviewCaption(spec)).toBe('loss: Mixture · 1 D step per G step · batch 256');
  });
});
