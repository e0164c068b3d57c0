/**
 * The page's explanatory parts in Chromium, on the built app: the menus fit
 * their names; the definitions of the mode-coverage metrics are on the page,
 * with the mixture's numbers, and no score is shown before training; each
 * loss is explained beside the controls; the model overview names the
 * networks of the current settings.
 * Builds into its own temporary directory, so it can run beside
 * playground.test.ts (which builds into dist/).
 */
import { describe, expect, it } from 'vitest';
import { useBuiltPage } from './builtPage.js';

const { open, pageErrors } = useBuiltPage('gankit-playground-page-');

describe('the page’s explanations (Chromium)', () => {
  it('shows every menu entry in full: no option is wider than its menu (the backend menu was cut off)', async () => {
    const page = await open('?backend=wasm');
    const menus = await page.$$eval('form select', (selects) =>
      selects.map((el) => {
        const select = el as HTMLSelectElement;
        const ctx = document.createElement('canvas').getContext('2d')!;
        const style = getComputedStyle(select);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        // Room for text: the box minus its padding, border and the drop-down arrow (about 20 px in Chromium).
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        const widest = [...select.options].reduce((w, o) => Math.max(w, ctx.measureText(o.text).width), 0);
        return { name: select.name, room, widest };
      }),
    );
    expect(menus.map((m) => m.name)).toEqual(['dist', 'loss', 'cmp', 'backend']);
    for (const m of menus) expect(m.widest, `the widest entry of the ${m.name} menu`).toBeLessThanOrEqual(m.room);
    await page.close();
  });

  it('defines "high quality", "covered" and "reverse KL" as modeCoverage computes them', async () => {
    const page = await open('?dist=ring&backend=wasm');
    const text = (await page.textContent('[data-testid="coverage-definition"]'))?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('High quality: a generated sample within 3 std');
    expect(text).toContain('of the nearest');
    expect(text).toContain('Covered: a mode that is the nearest centre of at least one high-quality sample among the 2,500');
    expect(text).toContain('one sample is enough');
    expect(text).toContain('Reverse KL: KL(p̂ ‖ uniform)');
    await page.close();
  });

  it('says "step 0: not yet trained" instead of scoring the untrained generator, then reports the step it scored', async () => {
    const page = await open('?dist=ring&loss=hinge&gw=32&gd=2&dw=32&dd=2&batch=64&backend=wasm');
    expect(await page.textContent('[data-testid="coverage-status"]')).toBe('step 0: not yet trained');
    expect(await page.textContent('[data-testid="modes-covered"]')).toBe('–');
    expect(await page.textContent('[data-testid="high-quality"]')).toBe('–');
    await page.click('[data-testid="step"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="coverage-status"]')?.textContent?.startsWith('step 1 ·'));
    expect(await page.textContent('[data-testid="coverage-status"]')).toMatch(/^step 1 · 2,500 samples/);
    expect(await page.textContent('[data-testid="modes-covered"]')).toMatch(/^\d \/ 8$/);
    // The definitions carry the ring's numbers: 3 × 0.01.
    expect(await page.textContent('[data-testid="coverage-definition"]')).toContain('3 std (3 × 0.01 = 0.03, Euclidean) of the nearest of the 8 true centres');
    await page.close();
  });

  it('explains the loss beside the controls, and follows the loss menu', async () => {
    const page = await open('?dist=ring&loss=wgan-gp&gw=32&gd=2&dw=32&dd=2&batch=64&backend=wasm');
    const explanation = page.locator('aside [data-testid="setup-explanation"]');
    expect(await explanation.textContent()).toContain('WGAN-GP (Gulrajani et al. 2017)');
    expect(await explanation.isVisible()).toBe(true);
    await page.selectOption('[data-testid="setting-loss"]', 'hinge');
    await page.waitForFunction(() => document.querySelector('[data-testid="setup-explanation"]')?.textContent?.includes('Lim & Ye 2017'));
    await page.close();
  });

  it('draws the model overview of the current settings', async () => {
    const page = await open('?dist=ring&loss=wgan-gp&gw=32&gd=2&dw=48&dd=3&z=3&batch=64&backend=wasm');
    const texts = async (): Promise<string[]> => page.$$eval('[data-testid="model-overview"] text', (ts) => ts.map((t) => t.textContent ?? ''));
    const shown = await texts();
    expect(shown).toEqual(expect.arrayContaining(['Generator G', '3 → 32 → 32 → 2', 'Discriminator D', '2 → 48 → 48 → 48 → 1', 'gradient penalty, λ = 10', 'Ring of 8 Gaussians']));
    expect(shown).toContain('loss: WGAN-GP · 5 D steps per G step · batch 64');
    const box = await page.locator('[data-testid="model-overview"]').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    await page.fill('[data-testid="setting-gw"]', '16');
    await page.press('[data-testid="setting-gw"]', 'Enter');
    await page.locator('[data-testid="setting-gw"]').blur();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="model-overview"] text')].some((t) => t.textContent === '3 → 16 → 16 → 2'));
    await page.close();
  });

  it('raised no uncaught page errors and logged no console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
