/**
 * What the views' browser tests share: a Vite dev server on 127.0.0.1 serving
 * test/fixtures/views.html (a few empty canvases and an SVG) and Debian's
 * Chromium on it. The page loads the real modules of src/views by name
 * (`window.viewModule('lineChart')`), so a test draws plain data with them and
 * reads the pixels or the SVG back: no app, no training, no mocks.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { APP_DIR, launchChromium } from './harness.js';
import type { Browser } from './harness.js';

declare global {
  interface Window {
    /** Imports `src/views/<name>.ts` (set by the fixture page). */
    viewModule(name: string): Promise<unknown>;
  }
}

/** The fixture page and how to stop it. */
export interface ViewPage {
  readonly page: Page;
  /** Uncaught page errors and console errors so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * Starts Vite on the app's directory and opens the views' fixture page in Chromium.
 *
 * @returns the page, its errors, and a close function.
 */
export async function openViewPage(): Promise<ViewPage> {
  let vite: ViteDevServer | undefined;
  let browser: Browser | undefined;
  try {
    vite = await createServer({
      root: APP_DIR,
      configFile: false,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
      // The views import no packages: nothing to pre-bundle, and no scan of the app's tfjs.
      optimizeDeps: { noDiscovery: true, include: [], entries: [] },
    });
    await vite.listen();
    const url = vite.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the Vite dev server reported no URL');
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
    });
    await page.goto(`${url}test/fixtures/views.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    const [b, v] = [browser, vite];
    return {
      page,
      errors,
      close: async () => {
        await b.close();
        await v.close();
      },
    };
  } catch (err) {
    await browser?.close();
    await vite?.close();
    throw err;
  }
}

/** Which pixels {@link countPixels} counts: the samples' purple, a line's blue, dark ink (text, axes), or any mark on white. */
export type Hue = 'fake' | 'blue' | 'ink' | 'any';

/**
 * Counts the pixels of a kind in a rectangle of a canvas, given in CSS pixels.
 *
 * @param page - the fixture page.
 * @param id - the canvas's id.
 * @param hue - which pixels.
 * @param rect - the rectangle.
 * @returns how many.
 */
export async function countPixels(page: Page, id: string, hue: Hue, rect: { x: number; y: number; w: number; h: number }): Promise<number> {
  return page.evaluate(
    ({ id, hue, rect }) => {
      const canvas = document.getElementById(id) as HTMLCanvasElement;
      const dpr = canvas.width / canvas.clientWidth;
      const x = Math.max(0, Math.round(rect.x * dpr));
      const y = Math.max(0, Math.round(rect.y * dpr));
      const w = Math.min(canvas.width - x, Math.round(rect.w * dpr));
      const h = Math.min(canvas.height - y, Math.round(rect.h * dpr));
      if (w <= 0 || h <= 0) return 0;
      const { data } = canvas.getContext('2d')!.getImageData(x, y, w, h);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        const hit =
          hue === 'fake' ? r > g + 25 && b > g + 25 : hue === 'blue' ? b > r + 60 && b > g + 30 : hue === 'ink' ? r + g + b < 3 * 160 : r + g + b < 3 * 235;
        if (hit) n++;
      }
      return n;
    },
    { id, hue, rect },
  );
}

/**
 * Opens the fixture page once for the calling test file (beforeAll) and closes
 * it after (afterAll); a failure to open is rethrown by every test that asks.
 *
 * @returns the accessor the tests call for the open page.
 */
export function useViewPage(): () => ViewPage {
  let view: ViewPage | undefined;
  let setupError: unknown;
  beforeAll(async () => {
    try {
      view = await openViewPage();
    } catch (err) {
      setupError = err;
    }
  });
  afterAll(async () => view?.close());
  return () => {
    if (setupError !== undefined) throw setupError;
    if (view === undefined) throw new Error('the fixture page did not open');
    return view;
  };
}
