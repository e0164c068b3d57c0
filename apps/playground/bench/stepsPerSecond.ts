/**
 * Training speed of the playground's default setup on every backend, and how
 * long the default takes to reach its coverage goal.
 *
 * Speed: the default setup (the non-saturating GAN on the ring, 3 × 128 ReLU
 * MLPs, batch 256; `defaultSettings()`) in Debian's Chromium on
 * - wasm with threads (the page served cross-origin isolated, COOP/COEP),
 * - wasm without threads (the same build served without those headers),
 * - webgl (SwiftShader, a CPU implementation of the GPU: there is no GPU here),
 * - cpu (tfjs's pure-JS backend),
 * and the same Session in Node on wasm for reference. All stay warm and are
 * timed in interleaved rounds in one run, so load from other jobs on the
 * machine hits each of them alike. Steps per second are read off the page's
 * step counter over a window after a warm-up, so they include everything the
 * page does (the worker's views every 250 ms, the page's mode coverage and
 * redraws, the per-step read-back of the losses).
 *
 * Time to coverage: a fresh page of the default setup on the backend that was
 * fastest, timed from the click on Start until its mode-coverage readout
 * (2,500 samples, VEEGAN/PacGAN protocol) first shows every mode covered —
 * the coverage goal — and until it also shows ≥ 80 % high-quality samples
 * (the CLI recipe's target). The readout refreshes every 250 ms or so, so the
 * times are that coarse.
 *
 * Usage: pnpm --filter @gankit/playground bench [--seconds 20 --rounds 3 --seeds 0 --limit 300]
 * Writes test-artifacts/steps-per-second.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { initBackend } from '@gankit/backend';
import { Session } from '../src/session.js';
import { defaultSettings, settingsToSearch } from '../src/settings.js';
import { SETUP_LABELS } from '../src/setups.js';
import { APP_DIR, ARTIFACTS_DIR, CHROMIUM_PATH, buildApp, launchChromium, serveStatic } from '../test/harness.js';
import type { Browser, StaticServer } from '../test/harness.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    seconds: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
    seeds: { type: 'string', default: '0' },
    limit: { type: 'string', default: '300' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const seeds = values.seeds.split(',').map(Number);
const limitSeconds = Number(values.limit);
/** The share of high-quality samples the CLI's toy2d-mixture-pacgan recipe targets. */
const HIGH_QUALITY_TARGET = 80;

interface Measurement {
  readonly stepsPerSecond: number;
  readonly steps: number;
  readonly seconds: number;
  readonly loadAverage: number;
}

/** Something that trains the default setup and can be timed for a while. */
interface Runner {
  readonly where: string;
  readonly backend: string;
  /** The page's query for this backend, for the coverage run (browser runners only). */
  readonly query?: string;
  readonly isolated?: boolean;
  measure(): Promise<Measurement>;
  close(): Promise<void>;
}

const stepCount = async (page: Page): Promise<number> => Number(await page.textContent('[data-testid="step-count"]'));

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 600_000 });
  const message = await page.textContent('[data-testid="message"]');
  if (message) throw new Error(`${url}: ${message}`);
  return page;
}

async function browserRunner(options: { backend: 'wasm' | 'webgl' | 'cpu'; server: StaticServer; isolated: boolean }): Promise<Runner> {
  const browser = await launchChromium({ gpu: options.backend === 'webgl' ? 'swiftshader' : 'disabled' });
  const query = `?backend=${options.backend}`;
  const page = await openPage(browser, `${options.server.url}${query}`);
  const shown = (await page.textContent('[data-testid="backend-name"]')) ?? '';
  if (!shown.startsWith(options.backend)) throw new Error(`asked for ${options.backend}, the page runs ${shown}`);
  const isolated = await page.evaluate(() => crossOriginIsolated);
  if (isolated !== options.isolated) throw new Error(`expected crossOriginIsolated ${options.isolated}, got ${isolated}`);
  // Warm-up: webgl compiles every shader during the first steps.
  await page.click('[data-testid="start"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="step-count"]')?.textContent) >= 5, undefined, { timeout: 600_000, polling: 100 });
  await page.click('[data-testid="pause"]');
  await page.waitForSelector('body[data-looping="false"]', { timeout: 600_000 });
  return {
    where: `Chromium${isolated ? ', isolated' : ', not isolated'}`,
    backend: shown,
    query,
    isolated,
    async measure() {
      await page.click('[data-testid="start"]');
      await page.waitForTimeout(1000);
      const s0 = await stepCount(page);
      const t0 = performance.now();
      await page.waitForTimeout(seconds * 1000);
      const s1 = await stepCount(page);
      const elapsed = (performance.now() - t0) / 1000;
      await page.click('[data-testid="pause"]');
      await page.waitForSelector('body[data-looping="false"]', { timeout: 600_000 });
      return { stepsPerSecond: (s1 - s0) / elapsed, steps: s1 - s0, seconds: elapsed, loadAverage: loadavg()[0]! };
    },
    close: () => browser.close(),
  };
}

async function nodeRunner(): Promise<Runner> {
  const info = await initBackend();
  const session = new Session(defaultSettings());
  for (let i = 0; i < 5; i++) await session.trainStep();
  return {
    where: 'Node (no page)',
    backend: `${info.backend}${info.simd ? ' (SIMD' : ' ('}, ${info.threads} thread${info.threads === 1 ? '' : 's'})`,
    async measure() {
      const t0 = performance.now();
      let steps = 0;
      while (performance.now() - t0 < seconds * 1000) {
        await session.trainStep();
        steps++;
      }
      const elapsed = (performance.now() - t0) / 1000;
      return { stepsPerSecond: steps / elapsed, steps, seconds: elapsed, loadAverage: loadavg()[0]! };
    },
    close: async () => session.dispose(),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One time-to-coverage run: seconds (and steps) from Start to every mode covered, and to ≥ 80 % high quality as well. */
interface CoverageRun {
  readonly backend: string;
  readonly seed: number;
  readonly query: string;
  readonly allModes?: { readonly seconds: number; readonly step: number };
  readonly allModesAndQuality?: { readonly seconds: number; readonly step: number; readonly highQuality: number };
  /** Where it stood when it stopped (at the goals, or at the limit). */
  readonly last: { readonly seconds: number; readonly step: number; readonly modes: string; readonly highQuality: string };
  readonly loadAverage: number;
}

async function timeToCoverage(browser: Browser, server: StaticServer, backend: string, seed: number): Promise<CoverageRun> {
  const query = settingsToSearch({ ...defaultSettings(), seed, backend: backend as 'wasm' | 'webgl' | 'cpu' });
  const page = await openPage(browser, `${server.url}${query}`);
  const readout = (): Promise<{ modes: string; step: number; highQuality: string }> =>
    page.evaluate(() => {
      const modes = document.querySelector('[data-testid="modes-covered"]');
      return { modes: modes?.textContent ?? '', step: Number(modes?.getAttribute('data-step')), highQuality: document.querySelector('[data-testid="high-quality"]')?.textContent ?? '' };
    });
  await page.click('[data-testid="start"]');
  const t0 = performance.now();
  let allModes: CoverageRun['allModes'];
  let allModesAndQuality: CoverageRun['allModesAndQuality'];
  let last = { seconds: 0, step: 0, modes: '', highQuality: '' };
  while (allModesAndQuality === undefined && (performance.now() - t0) / 1000 < limitSeconds) {
    await page.waitForTimeout(100);
    const r = await readout();
    const t = (performance.now() - t0) / 1000;
    last = { seconds: t, ...r };
    const m = /^(\d+) \/ (\d+)$/.exec(r.modes);
    const all = m !== null && m[1] === m[2];
    const hq = Number.parseFloat(r.highQuality);
    if (all && allModes === undefined) allModes = { seconds: t, step: r.step };
    if (all && hq >= HIGH_QUALITY_TARGET) allModesAndQuality = { seconds: t, step: r.step, highQuality: hq };
  }
  await page.close();
  return { backend, seed, query, ...(allModes ? { allModes } : {}), ...(allModesAndQuality ? { allModesAndQuality } : {}), last, loadAverage: loadavg()[0]! };
}

const dist = await buildApp();
const server = await serveStatic(dist);
const plainServer = await serveStatic(dist, { crossOriginIsolated: false });
const runners: Runner[] = [];
const results = new Map<Runner, Measurement[]>();
let coverage: CoverageRun[] = [];
try {
  runners.push(await browserRunner({ backend: 'wasm', server, isolated: true }));
  runners.push(await browserRunner({ backend: 'wasm', server: plainServer, isolated: false }));
  runners.push(await browserRunner({ backend: 'webgl', server, isolated: true }));
  runners.push(await browserRunner({ backend: 'cpu', server, isolated: true }));
  runners.push(await nodeRunner());
  // Rounds interleave the runners, so a burst of load from other jobs hits all of them.
  for (let round = 0; round < rounds; round++) {
    for (const r of runners) {
      const m = await r.measure();
      results.set(r, [...(results.get(r) ?? []), m]);
      console.log(`round ${round + 1}: ${r.where} ${r.backend}: ${m.stepsPerSecond.toFixed(2)} steps/s (load ${m.loadAverage.toFixed(1)})`);
    }
  }
} finally {
  for (const r of runners) await r.close();
}

const chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const d = defaultSettings();
const decay = d.decaySteps > 0 ? `, decaying to 0 over steps ${d.decayStart}–${d.decayStart + d.decaySteps}` : '';
console.log(
  `\nDefault setup (${SETUP_LABELS[d.loss]} on ${d.distribution}, ${d.latentDim}-D noise, ${d.criticSteps} D update${d.criticSteps === 1 ? '' : 's'} per G update, G and D ${d.generatorDepth} × ${d.generatorWidth}, batch ${d.batchSize}, lr G ${d.generatorLearningRate} / D ${d.discriminatorLearningRate}${decay})`,
);
console.log(`${cpus().length} × ${cpus()[0]?.model}; ${chromium}; Node ${process.version}`);
console.log(`${rounds} interleaved rounds of ${seconds} s each; median and range\n`);
console.log('| where | backend | steps/s (median) | range | ms/step (median) | 1-min load |');
console.log('| --- | --- | --- | --- | --- | --- |');
const summary = runners.map((r) => {
  const ms = results.get(r) ?? [];
  const rates = ms.map((m) => m.stepsPerSecond);
  const loads = ms.map((m) => m.loadAverage);
  const row = { where: r.where, backend: r.backend, median: median(rates), min: Math.min(...rates), max: Math.max(...rates), loadMin: Math.min(...loads), loadMax: Math.max(...loads), rounds: ms };
  console.log(`| ${row.where} | ${row.backend} | ${row.median.toFixed(2)} | ${row.min.toFixed(2)}–${row.max.toFixed(2)} | ${(1000 / row.median).toFixed(0)} | ${row.loadMin.toFixed(1)}–${row.loadMax.toFixed(1)} |`);
  return row;
});

// Time to coverage on the fastest backend in the browser.
const fastest = summary.filter((r) => r.where.startsWith('Chromium')).sort((a, b) => b.median - a.median)[0]!;
const fastestRunner = runners.find((r) => r.where === fastest.where && r.backend === fastest.backend)!;
const backendName = fastest.backend.split(' ')[0]!;
console.log(`\nTime to coverage on ${fastest.backend} (${fastest.where}), from the click on Start; goal: every mode covered; then also ≥ ${HIGH_QUALITY_TARGET} % high quality`);
const coverageBrowser = await launchChromium({ gpu: backendName === 'webgl' ? 'swiftshader' : 'disabled' });
try {
  for (const seed of seeds) {
    const run = await timeToCoverage(coverageBrowser, fastestRunner.isolated === false ? plainServer : server, backendName, seed);
    coverage = [...coverage, run];
  }
} finally {
  await coverageBrowser.close();
  await server.close();
  await plainServer.close();
}
console.log('\n| seed | all modes covered: s (step) | and ≥ 80 % high quality: s (step) | last readout | 1-min load |');
console.log('| --- | --- | --- | --- | --- |');
for (const c of coverage) {
  const at = (g: { seconds: number; step: number } | undefined): string => (g ? `${g.seconds.toFixed(1)} s (step ${g.step})` : `not within ${limitSeconds} s`);
  console.log(`| ${c.seed} | ${at(c.allModes)} | ${at(c.allModesAndQuality)} | ${c.last.modes}, ${c.last.highQuality} at step ${c.last.step}, ${c.last.seconds.toFixed(1)} s | ${c.loadAverage.toFixed(1)} |`);
}

mkdirSync(ARTIFACTS_DIR, { recursive: true });
const out = join(ARTIFACTS_DIR, 'steps-per-second.json');
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), chromium, node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, settings: d, seconds, rounds, summary, coverage }, null, 2)}\n`);
console.log(`\nwrote ${out.slice(APP_DIR.length + 1)}`);
