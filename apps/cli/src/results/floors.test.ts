/**
 * The real-data floors on real MNIST and real MNIST-M-style digits: what
 * they score must be the reference classifiers' held-out accuracy (≥ 98%,
 * what each classifier's training script enforces on its test split), and a
 * mistake in the pairing of images and labels would drop it to chance (10%).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { TASKS } from './tasks.js';
import { measureMnistFloors, measureTranslationFloor } from './floors.js';

describe('real-data floors', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  it('scores held-out test digits like samples: near-perfect accuracy, all classes, small FID', async () => {
    const floors = await measureMnistFloors(1000, 5000);
    for (const title of Object.keys(floors)) expect(TASKS.map((t) => t.title)).toContain(title);
    const unconditional = floors['MNIST unconditional (DCGAN, WGAN-GP)']!;
    expect(unconditional['samples']).toBe(1000);
    expect(unconditional['classesPresent']).toBe(10);
    expect(unconditional['meanTopConfidence']).toBeGreaterThan(0.95);
    // 1,000 real test digits against 5,000 training digits: small, but not 0 (a different sample of the same distribution).
    expect(unconditional['fid']).toBeGreaterThan(0);
    expect(unconditional['fid']).toBeLessThan(2);
    expect(unconditional['classHistogramKl']).toBeLessThan(0.02);
    expect(floors['Conditional GAN on MNIST']!['conditionalAccuracy']).toBeGreaterThan(0.97);
  });

  it('scores a perfect translator: each domain classifier on its own real test digits', async () => {
    const floor = await measureTranslationFloor(1000);
    expect(floor['samples']).toBe(1000);
    expect(floor['labelPreservationAtoB']).toBeGreaterThan(0.95);
    expect(floor['labelPreservationBtoA']).toBeGreaterThan(0.97);
    const translation = TASKS.find((t) => t.recipes.some((r) => r.recipe === 'digits-unit'))!;
    for (const key of ['labelPreservationAtoB', 'labelPreservationBtoA']) expect(translation.columns.map((c) => c.key)).toContain(key);
  });
});
