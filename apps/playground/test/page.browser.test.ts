/**
 * The page's explanatory parts in Chromium, on the built app: the menus fit
 * their names, the definitions of the mode-coverage metrics are on the page.
 * Builds into its own temporary directory, so it can run beside
 * playground.test.ts (which builds into dist/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, launchChromium, serveStatic } from './harness.js';
import type { Browser, StaticServer } from './harness.js';

let outDir: string | undefined;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let setupError: unknown;
const pageErrors: string[] = [];
/** Only ends a hung wait; nothing here depends on speed. */
const HANG_GUARD_MS = 300_000;

beforeAll(async () => {
  try {
    outDir = mkdtempSync(join(tmpdir(), 'gankit-playground-page-'));
    browser = await launchChromium();
    server = await serveStatic(await buildApp(outDir));
  } catch (err) {
    setupError = err;
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
});

async function open(query: string): Promise<Page> {
  if (setupError !== undefined) throw setupError;
  if (browser === undefined || server === undefined) throw new Error('the browser test set-up did not finish');
  const page = await browser.context.newPage();
  page.setDefaultTimeout(HANG_GUARD_MS);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(`console.error: ${msg.text()}`);
  });
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: HANG_GUARD_MS });
  return page;
}

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
    expect(menus.map((m) => m.name)).toEqual(['dist', 'loss', 'backend']);
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

  it('raised no uncaught page errors and logged no console errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
