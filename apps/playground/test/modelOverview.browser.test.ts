import { describe, expect, it } from 'vitest';
import type * as ModelOverview from '../src/views/modelOverview.js';
import { useViewPage } from './viewPage.js';

const ready = useViewPage();

type Overview = typeof ModelOverview;

describe('the model overview (Chromium)', () => {
  it('draws z → G → G(z) → D → score and real x → D, the architecture in boxes that hold their text and do not overlap', async () => {
    const result = await ready().page.evaluate(async () => {
      const { renderModelOverview } = (await window.viewModule('modelOverview')) as Overview;
      const svg = document.getElementById('overview') as unknown as SVGSVGElement;
      renderModelOverview(svg, {
        latentDim: 2,
        generator: { width: 128, depth: 3, kind: 'MLP' },
        discriminator: { width: 512, depth: 4 },
        data: 'Grid of 25 Gaussians',
        loss: 'WGAN-GP',
        regularizer: 'gradient penalty, λ = 10',
        score: 'critic f(x) ∈ ℝ',
        criticSteps: 5,
        batchSize: 256,
      });
      const inside = (a: DOMRect, b: DOMRect): boolean => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
      const svgBox = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll('g[data-box]')].map((g) => {
        const rect = g.querySelector('rect')!.getBoundingClientRect();
        const texts = [...g.querySelectorAll('text')];
        return {
          id: g.getAttribute('data-box'),
          text: texts.map((t) => t.textContent),
          holdsText: texts.every((t) => inside(t.getBoundingClientRect(), rect)),
          inSvg: inside(rect, svgBox),
          rect: { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom },
        };
      });
      const overlaps = boxes.some((a, i) => boxes.some((b, j) => j > i && a.rect.left < b.rect.right && b.rect.left < a.rect.right && a.rect.top < b.rect.bottom && b.rect.top < a.rect.bottom));
      const caption = svg.querySelector('[data-caption="loss"]')!;
      return {
        boxes,
        overlaps,
        arrows: svg.querySelectorAll('path[marker-end]').length,
        caption: caption.textContent,
        captionInSvg: inside(caption.getBoundingClientRect(), svgBox),
        label: svg.getAttribute('aria-label'),
      };
    });
    expect(result.boxes.map((b) => b.id)).toEqual(['z', 'generator', 'fake', 'real', 'discriminator', 'score']);
    expect(result.boxes.find((b) => b.id === 'generator')?.text).toEqual(['Generator G', 'MLP, ReLU', '2 → 128 → 128 → 128 → 2']);
    expect(result.boxes.find((b) => b.id === 'discriminator')?.text).toEqual(['Discriminator D', 'MLP, ReLU', '2 → 512 → 512 → 512 → 512 → 1', 'gradient penalty, λ = 10']);
    expect(result.boxes.every((b) => b.holdsText && b.inSvg)).toBe(true);
    expect(result.overlaps).toBe(false);
    expect(result.arrows).toBe(5);
    expect(result.caption).toBe('loss: WGAN-GP · 5 D steps per G step · batch 256');
    expect(result.captionInSvg).toBe(true);
    expect(result.label).toContain('Generator G (MLP, ReLU, 2 → 128 → 128 → 128 → 2)');
  });

  it('redraws from scratch for a new configuration', async () => {
    const texts = await ready().page.evaluate(async () => {
      const { renderModelOverview } = (await window.viewModule('modelOverview')) as Overview;
      const svg = document.getElementById('overview') as unknown as SVGSVGElement;
      const spec = { latentDim: 2, generator: { width: 8, depth: 1 }, discriminator: { width: 8, depth: 1 }, data: 'Two moons', loss: 'Hinge', score: 'D(x) ∈ ℝ', criticSteps: 1, batchSize: 64 };
      renderModelOverview(svg, { ...spec, loss: 'first' });
      renderModelOverview(svg, spec);
      return [...svg.querySelectorAll('text')].map((t) => t.textContent);
    });
    expect(texts.filter((t) => t?.startsWith('loss:'))).toEqual(['loss: Hinge · 1 D step per G step · batch 64']);
    expect(texts).toContain('2 → 8 → 2');
  });

  it('raised no page errors', () => {
    expect(ready().errors).toEqual([]);
  });
});
