/**
 * The playground in a real browser: builds the app, serves dist/ on
 * 127.0.0.1 and drives Debian's Chromium with playwright-core. Nothing here is
 * skipped: without Chromium the suite fails, saying how to install it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR, ARTIFACTS_DIR, buildApp, launchChromium, serveStatic } from './harness.js';
import type { Browser, StaticServer } from './harness.js';

let server: StaticServer | undefined;
/** The same dist/ without the COOP/COEP headers, as a plain static host serves it. */
let plainServer: StaticServer | undefined;
let browser: Browser | undefined;
let setupError: unknown;
const pageErrors: string[] = [];
/** Console warnings of the page and its workers (tfjs prints a failed backend's stack trace as one). */
const warnings: string[] = [];
/** How long any wait may take before the test calls the page hung: far above a step on a loaded machine (playwright's own default is 30 s). */
const HANG_GUARD_MS = 300_000;

// A failing beforeAll would mark the tests "skipped"; instead every test fails
// with the reason (e.g. Chromium missing, and how to install it).
beforeAll(async () => {
  try {
    browser = await launchChromium();
    await buildApp(join(APP_DIR, 'dist'));
    server = await serveStatic(join(APP_DIR, 'dist'));
    plainServer = await serveStatic(join(APP_DIR, 'dist'), { crossOriginIsolated: false });
  } catch (err) {
    setupError = err;
  }
});

function ready(): { browser: Browser; server: StaticServer; plainServer: StaticServer } {
  if (setupError !== undefined) throw setupError;
  if (browser === undefined || server === undefined || plainServer === undefined) throw new Error('the browser test set-up did not finish');
  return { browser, server, plainServer };
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await plainServer?.close();
});

async function open(query: string, options: { isolated?: boolean } = {}): Promise<Page> {
  const { browser, server, plainServer } = ready();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(HANG_GUARD_MS);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(`console.error: ${msg.text()}`);
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  await page.goto(`${(options.isolated === false ? plainServer : server).url}${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: HANG_GUARD_MS });
  return page;
}

async function stepCount(page: Page): Promise<number> {
  return Number(await page.textContent('[data-testid="step-count"]'));
}

async function waitForStep(page: Page, atLeast: number, timeout = HANG_GUARD_MS): Promise<void> {
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="step-count"]')?.textContent) >= n, atLeast, { timeout, polling: 100 });
}

/** The training worker (its bundle is assets/worker-<hash>.js; tfjs's wasm threads are blob: workers). */
function trainingWorker(page: Page): Worker {
  const worker = page.workers().find((w) => /\/assets\/worker-[\w-]+\.js$/.test(w.url()));
  if (worker === undefined) throw new Error(`no training worker among ${page.workers().map((w) => w.url()).join(', ')}`);
  return worker;
}

/** What tfjs's engine in a realm (the page, or a worker) has done: the backend it started, if any, and its live tensors. */
function engineState(): { backend: string | null; tensors: number } {
  const engine = (globalThis as { _tfengine?: { backendName?: string; state: { numTensors: number } } })._tfengine;
  return { backend: engine?.backendName ?? null, tensors: engine?.state.numTensors ?? 0 };
}

type Hue = 'real' | 'fake' | 'blue' | 'red' | 'any';

/**
 * Counts the pixels of a canvas, below `top` CSS pixels (to leave out legends),
 * whose colour is of a kind: the green of real samples, the purple of generated
 * ones, the loss lines' blue and red, or anything not white.
 */
async function pixels(page: Page, testId: string, hue: Hue, top = 0): Promise<number> {
  return page.evaluate(
    ({ testId, hue, top }) => {
      const canvas = document.querySelector(`[data-testid="${testId}"]`) as HTMLCanvasElement;
      const dpr = canvas.width / canvas.clientWidth;
      const y0 = Math.round(top * dpr);
      const { data } = canvas.getContext('2d')!.getImageData(0, y0, canvas.width, canvas.height - y0);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        const hit =
          hue === 'real' ? g > r + 25 && g > b + 15 : hue === 'fake' ? r > g + 25 && b > g + 25 : hue === 'blue' ? b > r + 60 : hue === 'red' ? r > g + 60 && r > b + 60 : r + g + b < 3 * 250;
        if (hit) n++;
      }
      return n;
    },
    { testId, hue, top },
  );
}

/** Distinct colours (quantised to 5 bits a channel) on a canvas. */
async function colours(page: Page, testId: string): Promise<number> {
  return page.evaluate((testId) => {
    const canvas = document.querySelector(`[data-testid="${testId}"]`) as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3));
    return seen.size;
  }, testId);
}

describe('the playground in Chromium', () => {
  it('auto: times the backends on the setup, keeps the fastest and says why; writes every setting into the URL', async () => {
    const page = await open('');
    const backend = await page.textContent('[data-testid="backend-name"]');
    expect(backend).toMatch(/^(webgpu|webgl|wasm|cpu)/);
    // The choice and its reason: the measured rates, SwiftShader named as a software renderer, and why webgpu is missing.
    const note = (await page.textContent('[data-testid="backend-note"]')) ?? '';
    expect(note).toMatch(/^Backend: \S+.*, measured on this setup — chosen: [\d.]+ steps\/s( vs |, the only one that ran)/);
    // webgl is SwiftShader here (no GPU): timed, or, if its shaders compile too slowly on a loaded machine, said so.
    expect(note).toMatch(/webgl( \(SwiftShader, software\), measured| [\d.]+ \(SwiftShader, software\)| \(SwiftShader, software\): still warming up)/);
    expect(note).toMatch(/webgpu: (no WebGPU adapter|this browser has no WebGPU)/);
    // Cross-origin isolated with several cores: wasm was timed on its thread pool and, in a second worker, on one thread.
    if ((await page.evaluate(() => navigator.hardwareConcurrency)) > 1) {
      expect(note).toMatch(/wasm [\d.]+ \(\d+ threads?\)/);
      expect(backend).toMatch(/^(wasm \(SIMD, \d+ threads?\)|webgl|webgpu)/);
    }
    // No backend failure was printed (tfjs logs a failing backend factory's stack trace as warnings).
    expect(warnings.filter((w) => /webgpu|features|Initialization of backend/i.test(w))).toEqual([]);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      dist: 'ring',
      loss: 'non-saturating',
      gw: '128',
      gd: '3',
      dw: '128',
      dd: '3',
      z: '2',
      glr: '0.001',
      dlr: '0.001',
      k: '1',
      ds: '0',
      dn: '0',
      batch: '256',
      seed: '0',
      backend: 'auto',
    });
    await page.close();
  });

  it('auto: a later load starts the backend this browser measured without measuring, says when; "Measure backends again" measures anew', async () => {
    // A first load measures (unless an earlier test of this browser did) and stores the choice in localStorage; a second one reads it.
    await (await open('')).close();
    const page = await open('');
    expect(await page.getAttribute('body', 'data-auto')).toBe('stored');
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gankit-playground:auto:')).length);
    expect(stored).toBe(1);
    const note = (await page.textContent('[data-testid="backend-note"]')) ?? '';
    expect(note).toMatch(/^Backend: \S+.*, measured on a setup of this size in this browser on \d{4}-\d\d-\d\d — chosen: [\d.]+ steps\/s/);
    expect(await page.isVisible('[data-testid="remeasure"]')).toBe(true);
    // It trains on the stored backend.
    await page.click('[data-testid="start"]');
    await waitForStep(page, 3);
    await page.click('[data-testid="remeasure"]');
    // Training stopped, the backends were timed again in a fresh worker, and a new run waits at step 0.
    await page.waitForFunction(() => document.body.dataset['auto'] === 'measured' && document.querySelector('[data-testid="step-count"]')?.textContent === '0', undefined, { polling: 100 });
    expect(await page.textContent('[data-testid="backend-note"]')).toMatch(/, measured on this setup — chosen: [\d.]+ steps\/s/);
    expect(await page.getAttribute('body', 'data-looping')).toBe('false');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gankit-playground:auto:')).length)).toBe(1);
    await page.click('[data-testid="step"]');
    await waitForStep(page, 1);
    await page.close();
    // A backend asked for by name is not measured, so there is nothing to measure again.
    const forced = await open('?backend=cpu');
    expect(await forced.getAttribute('body', 'data-auto')).toBe('off');
    expect(await forced.isVisible('[data-testid="remeasure"]')).toBe(false);
    await forced.close();
  });

  it('trains the default setup — the non-saturating GAN on the ring at Adam 1e-3 — in the worker, not on the page', async () => {
    const page = await open('?backend=wasm');
    expect(new URL(page.url()).searchParams.get('loss')).toBe('non-saturating');
    expect(await page.textContent('[data-testid="setup-note"]')).toMatch(/log D\(G\(z\)\)/);
    await page.click('[data-testid="start"]');
    await waitForStep(page, 3);
    const tensorsEarly = Number(await page.textContent('[data-testid="tensors"]'));
    await waitForStep(page, (await stepCount(page)) + 3);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="modes-covered"]')?.getAttribute('data-step')) > 0);
    expect(await page.textContent('[data-testid="modes-covered"]')).toMatch(/^\d+ \/ 8$/);
    expect(await pixels(page, 'samples-canvas', 'fake')).toBeGreaterThan(100);
    expect(await colours(page, 'heatmap-canvas')).toBeGreaterThan(30);
    await expect.poll(() => pixels(page, 'loss-canvas', 'blue', 24), { timeout: 60_000 }).toBeGreaterThan(20);

    // The worker holds tfjs's engine with the backend and the networks; the page's engine never started a backend.
    expect(await page.getAttribute('body', 'data-trainer')).toBe('worker');
    const inWorker = await trainingWorker(page).evaluate(engineState);
    expect(inWorker.backend).toBe('wasm');
    expect(inWorker.tensors).toBeGreaterThan(20);
    expect(await page.evaluate(engineState)).toEqual({ backend: null, tensors: 0 });

    await page.click('[data-testid="pause"]');
    await page.waitForSelector('body[data-looping="false"]');
    // The tensor count the page shows is the worker's, and it stayed flat.
    expect(Number(await page.textContent('[data-testid="tensors"]'))).toBe(tensorsEarly);
    expect(await page.textContent('[data-testid="message"]')).toBe('');
    await page.close();
  });

  it('stays responsive while the worker is inside a training step: menus, inputs and frames are served', async () => {
    // One step here is ~10¹¹ floating-point operations on the pure-JS cpu backend (21 updates of 4,096-point batches
    // through 4 × 256 MLPs, with the gradient penalty's double backprop): minutes on any machine, where each check
    // below is one round trip to the page. On the main thread the page would not answer until the step was done.
    const page = await open('?loss=wgan-gp&gw=256&gd=4&dw=256&dd=4&k=20&batch=4096&backend=cpu');
    await page.click('[data-testid="start"]');
    await page.waitForSelector('body[data-looping="true"]');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.fill('[data-testid="setting-batch"]', '0');
    await page.locator('[data-testid="setting-batch"]').blur();
    await page.waitForSelector('[data-testid="setting-batch"][aria-invalid="true"]');
    expect(await page.isEnabled('[data-testid="pause"]')).toBe(true);
    // All of that happened while the first step was still running.
    expect(await stepCount(page)).toBe(0);
    // Closing the page ends its worker, step and all.
    await page.close();
  });

  it('is cross-origin isolated with the COOP/COEP headers, so wasm runs threaded; without them, one thread and a note why', async () => {
    const page = await open('?backend=wasm');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const threads = Number(/^wasm \(SIMD, (\d+) threads?\)$/.exec((await page.textContent('[data-testid="backend-name"]')) ?? '')?.[1]);
    expect(threads).toBe(Math.min(8, cores));
    if (cores > 1) expect(threads).toBeGreaterThan(1);
    await page.click('[data-testid="step"]');
    await waitForStep(page, 1);
    await page.close();

    const plain = await open('?backend=wasm', { isolated: false });
    expect(await plain.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(await plain.textContent('[data-testid="backend-name"]')).toBe('wasm (SIMD, 1 thread)');
    expect(await plain.textContent('[data-testid="backend-note"]')).toContain('not cross-origin isolated');
    await plain.click('[data-testid="step"]');
    await waitForStep(plain, 1);
    await plain.close();
  });

  it('trains WGAN-GP on the grid: steps advance, every view draws, metrics update, tensors stay flat, Pause stops, Step steps', async () => {
    const page = await open('?dist=grid&loss=wgan-gp&backend=wasm');
    expect(await page.textContent('[data-testid="backend-name"]')).toMatch(/^wasm/);
    expect(await stepCount(page)).toBe(0);
    const metricsStep0 = await page.getAttribute('[data-testid="modes-covered"]', 'data-step');
    expect(metricsStep0).toBe('0');

    await page.click('[data-testid="start"]');
    await waitForStep(page, 4);
    const tensorsEarly = Number(await page.textContent('[data-testid="tensors"]'));
    const early = await stepCount(page);
    await waitForStep(page, early + 6);
    expect(Number(await page.textContent('[data-testid="rate"]'))).toBeGreaterThan(0);
    // Memory: tensors made per step and per view are all freed.
    expect(Number(await page.textContent('[data-testid="tensors"]'))).toBe(tensorsEarly);

    // Metrics were recomputed as it trained, from @gankit/metrics' mode coverage.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="modes-covered"]')?.getAttribute('data-step')) > 0);
    expect(await page.textContent('[data-testid="modes-covered"]')).toMatch(/^\d+ \/ 25$/);
    expect(await page.textContent('[data-testid="high-quality"]')).toMatch(/^\d+(\.\d)? %$/);

    // The plots are drawn.
    expect(await pixels(page, 'samples-canvas', 'real')).toBeGreaterThan(100);
    expect(await pixels(page, 'samples-canvas', 'fake')).toBeGreaterThan(100);
    expect(await colours(page, 'heatmap-canvas')).toBeGreaterThan(30);
    await expect.poll(() => pixels(page, 'loss-canvas', 'blue', 24), { timeout: 60_000 }).toBeGreaterThan(20);
    expect(await pixels(page, 'loss-canvas', 'red', 24)).toBeGreaterThan(20);
    expect(await pixels(page, 'coverage-canvas', 'fake', 24)).toBeGreaterThan(20);

    // Pause stops the step counter: once the step in flight has landed, no more come.
    await page.click('[data-testid="pause"]');
    await page.waitForSelector('body[data-looping="false"]', { timeout: HANG_GUARD_MS });
    const paused = await stepCount(page);
    await page.waitForTimeout(1_500);
    expect(await stepCount(page)).toBe(paused);
    expect(await page.isEnabled('[data-testid="start"]')).toBe(true);
    expect(await page.textContent('[data-testid="rate"]')).toBe('–');

    // Step runs exactly one step.
    await page.click('[data-testid="step"]');
    await waitForStep(page, paused + 1);
    await page.waitForTimeout(500);
    expect(await stepCount(page)).toBe(paused + 1);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'playground.png'), fullPage: true });

    // Reset starts over.
    await page.click('[data-testid="reset"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="step-count"]')?.textContent === '0');
    await page.close();
  });

  it('restores every setting from a shared URL, and writes changes back into it', async () => {
    const query = '?dist=ring&loss=hinge&gw=64&gd=2&dw=32&dd=4&z=3&glr=0.001&dlr=0.002&k=2&ds=100&dn=500&batch=64&seed=5&backend=wasm';
    const page = await open(query);
    const value = (name: string): Promise<string> => page.inputValue(`[data-testid="setting-${name}"]`);
    const shown = Object.fromEntries(await Promise.all(['dist', 'loss', 'gw', 'gd', 'dw', 'dd', 'z', 'glr', 'dlr', 'k', 'ds', 'dn', 'batch', 'seed', 'backend'].map(async (n) => [n, await value(n)])));
    expect(shown).toEqual(Object.fromEntries(new URLSearchParams(query)));
    expect(new URL(page.url()).search).toBe(query);
    expect(await page.textContent('[data-testid="setup-note"]')).toMatch(/Lim & Ye/);
    // Step 0: the untrained generator's coverage is not reported as a result.
    expect(await page.textContent('[data-testid="modes-covered"]')).toBe('–');
    expect(await page.textContent('[data-testid="coverage-status"]')).toBe('step 0: not yet trained');
    // The networks follow the URL: a run with them trains.
    await page.click('[data-testid="start"]');
    await waitForStep(page, 3);
    await page.click('[data-testid="pause"]');

    // Choosing another loss takes its paper's rates and critic steps, and the URL follows.
    await page.selectOption('[data-testid="setting-loss"]', 'wgan');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('loss') === 'wgan');
    const params = new URL(page.url()).searchParams;
    expect([params.get('glr'), params.get('dlr'), params.get('k'), params.get('ds'), params.get('dn'), params.get('gw')]).toEqual(['0.00005', '0.00005', '5', '0', '0', '64']);
    // The URL is written before the worker has built the new session: wait for it rather than race it.
    await page.waitForFunction(() => document.querySelector('[data-testid="step-count"]')?.textContent === '0');

    // An out-of-range value is refused and marked, and the URL keeps the last valid one.
    await page.fill('[data-testid="setting-batch"]', '0');
    await page.press('[data-testid="setting-batch"]', 'Enter');
    await page.locator('[data-testid="setting-batch"]').blur();
    await page.waitForSelector('[data-testid="setting-batch"][aria-invalid="true"]');
    expect(new URL(page.url()).searchParams.get('batch')).toBe('64');
    await page.close();
  });

  it('switches backend while training and keeps the run going', async () => {
    const page = await open('?dist=ring&loss=non-saturating&gw=32&gd=2&dw=32&dd=2&batch=64&backend=wasm');
    await page.click('[data-testid="start"]');
    await waitForStep(page, 5);
    await page.selectOption('[data-testid="setting-backend"]', 'cpu');
    await page.waitForFunction(() => document.querySelector('[data-testid="backend-name"]')?.textContent === 'cpu');
    expect(new URL(page.url()).searchParams.get('backend')).toBe('cpu');
    const onCpu = await stepCount(page);
    expect(onCpu).toBeGreaterThanOrEqual(5); // the run was not reset
    await waitForStep(page, onCpu + 3);
    expect(await page.textContent('[data-testid="message"]')).toBe('');
    await page.close();
  });

  it('offers the relativistic average losses, and trains RaLSGAN (whose generator loss reads real scores too)', async () => {
    const page = await open('?dist=ring&loss=non-saturating&gw=32&gd=2&dw=32&dd=2&batch=64&backend=wasm');
    const options = await page.$$eval('[data-testid="setting-loss"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['ra-sgan', 'ra-lsgan']));
    await page.selectOption('[data-testid="setting-loss"]', 'ra-lsgan');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('loss') === 'ra-lsgan');
    await expect.poll(() => page.textContent('#setup-note'), { timeout: 60_000 }).toContain('Jolicoeur-Martineau 2018');
    await page.click('[data-testid="start"]');
    await waitForStep(page, 5);
    await page.click('[data-testid="pause"]');
    expect(await page.textContent('[data-testid="message"]')).toBe('');
    await expect.poll(() => pixels(page, 'loss-canvas', 'blue', 24), { timeout: 60_000 }).toBeGreaterThan(20);
    await page.close();
  });

  it('trains WGAN-GP (double backprop) on webgl too — SwiftShader here', async () => {
    const page = await open('?loss=wgan-gp&gw=32&gd=2&dw=32&dd=2&batch=64&backend=webgl');
    expect(await page.textContent('[data-testid="backend-name"]')).toMatch(/^webgl/);
    await page.click('[data-testid="start"]');
    await waitForStep(page, 5);
    await page.click('[data-testid="pause"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="modes-covered"]')?.getAttribute('data-step')) > 0);
    expect(await page.textContent('[data-testid="message"]')).toBe('');
    expect(await page.textContent('[data-testid="modes-covered"]')).toMatch(/^\d+ \/ 8$/);
    await expect.poll(() => pixels(page, 'loss-canvas', 'blue', 24), { timeout: 60_000 }).toBeGreaterThan(20);
    await page.close();
  });

  it('raised no uncaught page errors and logged no console errors', () => {
    ready();
    expect(pageErrors).toEqual([]);
  });
});
