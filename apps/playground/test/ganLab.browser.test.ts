/**
 * GAN Lab's live controls on the built page in Chromium: train D only or G
 * only, slow motion, and the latent-manifold and generator-gradient overlays
 * on the samples view. Nothing here is timed: steps are counted against the
 * worker's own count of the animation frames it waited, and what a step
 * changed is read from fingerprints of the view data the page shows.
 * Builds into its own temporary directory, so it can run beside the other
 * browser tests.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltPage } from './builtPage.js';

const { open, pageErrors } = useBuiltPage('gankit-playground-live-');
/** Small networks on the ring, so steps are cheap. */
const SMALL = 'dist=ring&gw=16&gd=2&dw=16&dd=2&batch=64&backend=wasm';

/** What the last view the page drew showed: its step, the worker's slow-motion frames, fingerprints of G's samples and D's map. */
interface Shown {
  readonly step: number;
  readonly frame: number;
  readonly fake: string;
  readonly heat: string;
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const samples = document.querySelector<HTMLCanvasElement>('[data-testid="samples-canvas"]')!.dataset;
    const heat = document.querySelector<HTMLCanvasElement>('[data-testid="heatmap-canvas"]')!.dataset['heat'] ?? '';
    return { step: Number(samples['step']), frame: Number(samples['frame']), fake: samples['fake'] ?? '', heat };
  });
}

/** Waits until the page shows a view that satisfies `predicate` (evaluated in the page on the samples canvas's data). */
async function waitShown(page: Page, predicate: string): Promise<Shown> {
  await page.waitForFunction(`(() => { const d = document.querySelector('[data-testid="samples-canvas"]').dataset; const step = Number(d.step), frame = Number(d.frame); return ${predicate}; })()`, undefined, { polling: 50 });
  return shown(page);
}

/** One Step click, and the view after it. */
async function step(page: Page): Promise<Shown> {
  const before = (await shown(page)).step;
  await page.click('[data-testid="step"]');
  return waitShown(page, `step === ${before + 1}`);
}

/** Ticks or unticks an overlay's box and waits until the samples view shows exactly `shows` (e.g. 'manifold', 'arrows', ''). */
async function overlay(page: Page, box: 'show-manifold' | 'show-arrows', on: boolean, shows: string): Promise<void> {
  await (on ? page.check(`[data-testid="${box}"]`) : page.uncheck(`[data-testid="${box}"]`));
  await page.waitForFunction((shows) => document.querySelector<HTMLCanvasElement>('[data-testid="samples-canvas"]')!.dataset['overlays'] === shows, shows);
}

/** The samples canvas's pixels, hashed. */
async function samplesPixels(page: Page): Promise<string> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="samples-canvas"]')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 0x811c9dc5;
    for (const b of data) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return `${canvas.width}x${canvas.height}:${h.toString(16)}`;
  });
}

describe('train D only / G only (Chromium)', () => {
  it('"D only" steps change the heat map but not the samples; "G only" the reverse; "both" both', async () => {
    const page = await open(`?${SMALL}&loss=hinge`);
    await waitShown(page, 'step === 0');
    const first = await step(page);
    await page.selectOption('[data-testid="train-mode"]', 'discriminator');
    const d1 = await step(page);
    const d2 = await step(page);
    expect(d2.step).toBe(3);
    expect(d1.fake).toBe(first.fake);
    expect(d2.fake).toBe(first.fake);
    expect(d1.heat).not.toBe(first.heat);
    expect(d2.heat).not.toBe(d1.heat);
    await page.selectOption('[data-testid="train-mode"]', 'generator');
    const g1 = await step(page);
    const g2 = await step(page);
    expect(g1.heat).toBe(d2.heat);
    expect(g2.heat).toBe(d2.heat);
    expect(g1.fake).not.toBe(d2.fake);
    expect(g2.fake).not.toBe(g1.fake);
    await page.selectOption('[data-testid="train-mode"]', 'both');
    const both = await step(page);
    expect(both.fake).not.toBe(g2.fake);
    expect(both.heat).not.toBe(g2.heat);
    await page.close();
  });
});

describe('train mode and speed in the URL (Chromium)', () => {
  it('starts a shared link with its train mode and speed, and writes a change back without restarting the run', async () => {
    const page = await open(`?${SMALL}&loss=hinge&train=discriminator&speed=1%2F4`);
    const start = await waitShown(page, 'step === 0');
    expect(await page.inputValue('[data-testid="train-mode"]')).toBe('discriminator');
    expect(await page.inputValue('[data-testid="speed"]')).toBe('1/4');
    // The worker took the URL's mode: a step moves D only.
    const d1 = await step(page);
    expect(d1.fake).toBe(start.fake);
    expect(d1.heat).not.toBe(start.heat);
    await page.selectOption('[data-testid="train-mode"]', 'both');
    await page.selectOption('[data-testid="speed"]', 'max');
    // Back at the defaults: the URL drops both keys; the run goes on from step 1.
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('train') && !new URL(location.href).searchParams.has('speed'));
    const both = await step(page);
    expect(both.step).toBe(2);
    expect(both.fake).not.toBe(d1.fake);
    await page.selectOption('[data-testid="train-mode"]', 'generator');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('train') === 'generator');
    expect((await shown(page)).step).toBe(2);
    await page.close();
  });
});

describe('slow motion (Chromium)', () => {
  it('at ¼× the worker waits 4 animation frames per step; at max it waits none', async () => {
    const page = await open(`?${SMALL}&loss=hinge`);
    await page.selectOption('[data-testid="speed"]', '1/4');
    await page.click('[data-testid="start"]');
    const a = await waitShown(page, 'step >= 3 && frame >= 8');
    const b = await waitShown(page, `frame >= ${a.frame + 40} && step > ${a.step}`);
    // Each step is followed by 4 frames, so between two views: at most Δframe / 4 + 1 steps.
    expect(b.step - a.step).toBeLessThanOrEqual(Math.floor((b.frame - a.frame) / 4) + 1);
    await page.selectOption('[data-testid="speed"]', 'max');
    // Once the frames of the step in flight are waited (at most 4), the count stands still while steps go on.
    const c = await waitShown(page, `step > ${b.step + 2}`);
    const d = await waitShown(page, `step > ${c.step + 10}`);
    expect(d.frame - c.frame).toBeLessThanOrEqual(4);
    await page.click('[data-testid="pause"]');
    await page.waitForSelector('body[data-looping="false"]');
    await page.close();
  });
});

/** The drawn points in the page's URL. */
async function urlPoints(page: Page): Promise<Array<[number, number]>> {
  const pts = new URL(page.url()).searchParams.get('pts') ?? '';
  const v = pts === '' ? [] : pts.split('_').map(Number);
  return Array.from({ length: v.length / 2 }, (_, i) => [v[2 * i]! / 100, v[2 * i + 1]! / 100] as [number, number]);
}

describe('draw your own distribution (Chromium)', () => {
  it('places real points where the mouse clicks and drags, keeps them in the URL, and the worker trains on a mixture around them', async () => {
    const page = await open(`?${SMALL.replace("dist=ring", "dist=draw")}&loss=hinge`);
    await waitShown(page, 'step === 0');
    expect(await page.isVisible('[data-testid="draw-note"]')).toBe(true);
    const box = (await page.locator('[data-testid="samples-canvas"]').boundingBox())!;
    const size = Math.min(box.width, box.height);
    // The plane's [−2, 2]² square centred in the canvas.
    const at = (x: number, y: number): [number, number] => [box.x + (box.width - size) / 2 + ((x + 2) / 4) * size, box.y + (box.height - size) / 2 + ((2 - y) / 4) * size];
    const clicks: Array<[number, number]> = [
      [-1, 1],
      [1, 1],
      [0, -1],
    ];
    for (const [x, y] of clicks) await page.mouse.click(...at(x, y));
    await page.waitForFunction(() => new URL(location.href).searchParams.get('pts')?.split('_').length === 6);
    const placed = await urlPoints(page);
    placed.forEach(([x, y], i) => {
      expect(Math.abs(x - clicks[i]![0])).toBeLessThanOrEqual(0.03);
      expect(Math.abs(y - clicks[i]![1])).toBeLessThanOrEqual(0.03);
    });
    // A drag from (−1.5, −1.5) to (−0.5, −1.5) places a point every 0.1 or more along it.
    await page.mouse.move(...at(-1.5, -1.5));
    await page.mouse.down();
    await page.mouse.move(...at(-0.5, -1.5), { steps: 10 });
    await page.mouse.up();
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('pts')?.split('_').length ?? 0) >= 2 * 6);
    const all = await urlPoints(page);
    for (const [x, y] of all.slice(3)) {
      expect(x).toBeGreaterThanOrEqual(-1.52);
      expect(x).toBeLessThanOrEqual(-0.48);
      expect(Math.abs(y + 1.5)).toBeLessThanOrEqual(0.03);
    }
    // The worker's real samples (drawn green) sit within 0.25 (5 std) of the points, and every point has some.
    await page.waitForFunction(`document.querySelector('[data-testid="coverage-definition"]').textContent.includes('of the ${all.length} true centres')`);
    const green = await page.evaluate(
      ({ points, size }) => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="samples-canvas"]')!;
        const { width, height } = canvas;
        const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
        const dpr = width / canvas.clientWidth;
        const side = size * dpr;
        const near = new Array<number>(points.length).fill(0);
        let far = 0;
        for (let py = 0; py < height; py++) {
          for (let px = 0; px < width; px++) {
            const k = 4 * (py * width + px);
            const [r, g, b] = [data[k]!, data[k + 1]!, data[k + 2]!];
            if (!(g > r + 30 && g > b + 15)) continue;
            const x = ((px - (width - side) / 2) / side) * 4 - 2;
            const y = 2 - ((py - (height - side) / 2) / side) * 4;
            const i = points.findIndex(([cx, cy]) => Math.hypot(x - cx, y - cy) <= 0.25);
            if (i >= 0) near[i]!++;
            else far++;
          }
        }
        return { near, far };
      },
      { points: all, size },
    );
    expect(green.far).toBe(0);
    for (const n of green.near) expect(n).toBeGreaterThan(0);
    // It trains: a step scores coverage against the drawn modes.
    await step(page);
    expect(await page.textContent('[data-testid="modes-covered"]')).toMatch(new RegExp(`^\\d+ / ${all.length}$`));
    // Clear empties the URL's points and trains on the placeholders.
    await page.click('[data-testid="clear-drawing"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('pts') === '');
    await page.close();
  });
});

describe('compare two losses (Chromium)', () => {
  it('trains a second loss in its own worker on the same data and seed, stepping and running with the first, in a second panel', async () => {
    const page = await open(`?${SMALL}&loss=hinge&cmp=least-squares`);
    await waitShown(page, 'step === 0');
    expect(await page.isVisible('[data-testid="compare-panel"]')).toBe(true);
    expect(await page.textContent('#compare-title')).toBe('Compared: Least squares (LSGAN)');
    expect(new URL(page.url()).searchParams.get('cmp')).toBe('least-squares');
    const compareStep = (): Promise<number> => page.evaluate(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="compare-canvas"]')!.dataset['step']));
    expect(await compareStep()).toBe(0);
    await step(page);
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('[data-testid="compare-canvas"]')!.dataset['step'] === '1');
    expect(await page.textContent('[data-testid="compare-readout"]')).toMatch(/^step 1: modes covered \d \/ 8, high quality /);
    // Both runs' coverage on one chart: the page's solid, the compared run's dashed, each named by its loss.
    const coverageSeries = (): Promise<string | undefined> => page.evaluate(() => document.querySelector<HTMLCanvasElement>('#coverage')!.dataset['series']);
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('#coverage')!.dataset['series']?.includes('least-squares: ') === true);
    expect(await coverageSeries()).toBe('hinge: modes covered % | hinge: high quality % | least-squares: modes covered % | least-squares: high quality %');
    // Start and Pause drive both runs.
    await page.click('[data-testid="start"]');
    await page.waitForFunction(() => Number(document.querySelector<HTMLCanvasElement>('[data-testid="compare-canvas"]')!.dataset['step']) >= 3);
    await page.click('[data-testid="pause"]');
    await page.waitForSelector('body[data-looping="false"]');
    const paused = await compareStep();
    await step(page);
    await page.waitForFunction((n) => Number(document.querySelector<HTMLCanvasElement>('[data-testid="compare-canvas"]')!.dataset['step']) === n + 1, paused);
    // Off again: the panel hides and the URL drops cmp.
    await page.selectOption('[data-testid="setting-cmp"]', 'none');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="compare-panel"]')!.hidden);
    expect(new URL(page.url()).searchParams.get('cmp')).toBeNull();
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('#coverage')!.dataset['series'] === 'modes covered % | high quality %');
    await page.close();
  });
});

describe('latent manifold and generator-gradient overlays (Chromium)', () => {
  it('draws each overlay on the samples view when its box is ticked, and removes it when unticked', async () => {
    const page = await open(`?${SMALL}&loss=non-saturating&z=2`);
    await step(page);
    expect(await page.textContent('[data-testid="manifold-note"]')).toBe('');
    const plain = await samplesPixels(page);
    await overlay(page, 'show-manifold', true, 'manifold');
    const manifold = await samplesPixels(page);
    expect(manifold).not.toBe(plain);
    await overlay(page, 'show-manifold', false, '');
    expect(await samplesPixels(page)).toBe(plain);
    await overlay(page, 'show-arrows', true, 'arrows');
    const arrows = await samplesPixels(page);
    expect(arrows).not.toBe(plain);
    expect(arrows).not.toBe(manifold);
    await overlay(page, 'show-arrows', false, '');
    expect(await samplesPixels(page)).toBe(plain);
    await page.close();
  });

  it('says the manifold is unavailable for a latent size other than 2, and for the mixture generator', async () => {
    const page = await open(`?${SMALL}&loss=non-saturating&z=3`);
    await waitShown(page, 'step === 0');
    expect(await page.textContent('[data-testid="manifold-note"]')).toBe('Latent manifold unavailable: the latent size is 3; the manifold is drawn for a 2-D latent only.');
    expect(await page.isDisabled('[data-testid="show-manifold"]')).toBe(true);
    // The arrows need no 2-D latent.
    const plain = await samplesPixels(page);
    await overlay(page, 'show-arrows', true, 'arrows');
    expect(await samplesPixels(page)).not.toBe(plain);
    await page.close();
    const mixture = await open(`?${SMALL}&loss=mixture-pacgan`);
    await waitShown(mixture, 'step === 0');
    expect(await mixture.textContent('[data-testid="manifold-note"]')).toMatch(/^Latent manifold unavailable: the mixture generator's latent is a \d+-way category plus noise/);
    await mixture.close();
  });

  it('raised no uncaught page errors and logged no console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
