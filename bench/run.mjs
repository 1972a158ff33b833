#!/usr/bin/env node
// Ratbond benchmark: load, interaction and size figures for a release build, next to a minimal
// Leptos baseline, in headless system Chromium. Figures only: nothing here fails on a number.
//
//   node bench/run.mjs            (bash scripts/bench.sh builds everything first, then runs this)
//
// Env: BENCH_RUNS (default 5), BENCH_APP_DIST, BENCH_BASELINE_DIST, BENCH_DATA, BENCH_INFO,
//      BENCH_OUT, CHROMIUM_PATH (default /usr/bin/chromium), BENCH_LIGHTHOUSE=0 to skip it.
import { chromium } from '@playwright/test';
import { spawnSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';
import { gzipSize, listFiles } from '../tests/gzip-size.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 5);
const APP_DIST = path.resolve(root, env.BENCH_APP_DIST ?? 'target/bench/dist');
const BASELINE_DIST = path.resolve(root, env.BENCH_BASELINE_DIST ?? 'target/bench/baseline-dist');
const DATA = path.resolve(root, env.BENCH_DATA ?? 'target/bench/five_years.json');
const INFO = path.resolve(root, env.BENCH_INFO ?? 'target/bench/five_years_info.json');
const OUT = path.resolve(root, env.BENCH_OUT ?? 'target/bench/results.json');
const CHROMIUM = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RATES = [4, 1];
// Phone-sized, like scripts/screenshots.mjs.
const VIEWPORT = { width: 390, height: 844 };
const TIMEOUT = 60_000;

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a whole number >= 1, got ${env.BENCH_RUNS}`);
for (const p of [APP_DIST, BASELINE_DIST].map((d) => path.join(d, 'index.html')).concat([DATA, INFO])) {
  if (!existsSync(p)) throw new Error(`missing ${p} (run bash scripts/bench.sh, which builds it)`);
}

// ------------------------------------------------------------------------------------ sizes
// Same figures as tests/size-budget.mjs (gzip -9 per file).
const FIRST_VISIT = { '.html': 'html', '.js': 'js', '.wasm': 'wasm', '.css': 'css', '.webmanifest': 'manifest' };
function sizes(dist) {
  const files = listFiles(dist).map((rel) => {
    const raw = readFileSync(path.join(dist, rel));
    return { rel, kind: FIRST_VISIT[path.extname(rel)] ?? 'other', raw: raw.length, gzip: gzipSize(raw) };
  });
  const sum = (list, k) => list.reduce((s, f) => s + f[k], 0);
  const first = files.filter((f) => f.kind !== 'other');
  // The service worker precaches the list post-build.mjs wrote into sw.js (fetched again with
  // cache: 'reload' on the first visit, so those bytes cross the wire a second time).
  let precache = [];
  const sw = path.join(dist, 'sw.js');
  if (existsSync(sw)) {
    const m = readFileSync(sw, 'utf8').match(/const PRECACHE = (\[[^\]]*\]);/);
    if (m) precache = JSON.parse(m[1]).map((p) => p.replace(/^\.\//, '')).map((p) => (p === '' ? 'index.html' : p));
  }
  const pre = files.filter((f) => precache.includes(f.rel));
  return {
    files,
    first_visit: { files: first.map((f) => f.rel), gzip: sum(first, 'gzip'), raw: sum(first, 'raw') },
    precache: { files: pre.map((f) => f.rel), listed: precache.length, gzip: sum(pre, 'gzip'), raw: sum(pre, 'raw') },
  };
}

// ------------------------------------------------------------------------------------ stats
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });

// ------------------------------------------------------------------------------------ browser
// In-page timing, so Playwright's polling delay never counts: performance.now() is measured
// from the navigation start, the MutationObserver fires right after main() sets data-ready.
const TIMING_SCRIPT = `(() => {
  const b = (window.__bench = { ready: null });
  const check = () => {
    if (b.ready === null && document.body && document.body.getAttribute('data-ready') === 'true') {
      b.ready = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
})();`;

// Writes the five-year entries before any app script runs, once per context (the app owns the
// data after that). Its own time is measured and taken off the load figure.
function injectScript(dataText) {
  return `(() => {
  const t0 = performance.now();
  if (localStorage.getItem('ratbond/rats') === null) {
    const d = JSON.parse(${JSON.stringify(dataText)});
    for (const k of Object.keys(d)) localStorage.setItem(k, d[k]);
  }
  window.__benchInjectMs = performance.now() - t0;
})();`;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
});

/** A fresh context (empty cache, storage, no service worker) with the timing script. */
async function freshPage(rate, { data = null } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: TIMING_SCRIPT });
  let injectId = null;
  if (data) injectId = (await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: injectScript(data) })).identifier;
  return { context, page, cdp, injectId };
}

/** Milliseconds from navigation start to body[data-ready], minus the data injection. */
async function readyTime(page) {
  await page.waitForFunction(() => window.__bench && window.__bench.ready !== null, null, { timeout: TIMEOUT });
  const { ready, inject, nav } = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return {
      ready: window.__bench.ready,
      inject: window.__benchInjectMs ?? 0,
      nav: n ? { response_end: n.responseEnd, dom_content_loaded: n.domContentLoadedEventEnd, load: n.loadEventEnd } : null,
    };
  });
  return { ms: ready - inject, raw_ms: ready, inject_ms: inject, nav };
}

/** Cold load, then (once the service worker controls the page) a warm reload. */
async function loads(url, rate, { data = null, sw = true } = {}) {
  const s = await freshPage(rate, { data });
  await s.page.goto(url, { waitUntil: 'commit' });
  const cold = await readyTime(s.page);
  if (sw) await s.page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: TIMEOUT });
  // The data is in storage now: the warm load must not write (or parse) it again.
  if (s.injectId) await s.cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier: s.injectId });
  await s.page.reload({ waitUntil: 'commit' });
  const warm = await readyTime(s.page);
  const controlled = await s.page.evaluate(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller));
  return { ...s, cold, warm, controlled };
}

/** Waits until the page is idle (the app loads the older months right after the first screen). */
const settle = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let left = 3;
        const step = () => (--left ? requestIdleCallback(step, { timeout: 3000 }) : resolve());
        requestIdleCallback(step, { timeout: 3000 });
      }),
  );

/**
 * Arms an in-page stopwatch: starts at the click on a link or button whose text starts with
 * `startText` (capture phase, before the app's handler), stops when the `until` check is true
 * after a DOM change. `rendered` forces style and layout right then; `frame` is after the next
 * animation frame has been produced (rAF, then a task), so it includes waiting for vsync.
 * The checks live in the page function because the app's CSP forbids `new Function`.
 */
async function arm(page, startText, until, name = '') {
  await page.evaluate(
    ({ startText, until, name }) => {
      const checks = {
        // The app's h1 (index.html's start-up screen has one too until just after start-up).
        'well-done': () => /^Well done/.test(document.querySelector('.app h1')?.textContent.trim() ?? ''),
        // A Today card with that rat on it that counts a session today ("1 session today ...").
        'today-counted': () =>
          [...document.querySelectorAll('li.plan-card')].some(
            (card) =>
              card.textContent.includes(name) &&
              [...card.querySelectorAll('.plan-status')].some((st) => /^(1 session|\d+ sessions) today/.test(st.textContent.trim())),
          ),
        'rat-page': () => !!document.querySelector('.trust-chart svg') && !!document.querySelector('[data-testid="heat-map"]'),
      };
      const done = checks[until];
      window.__benchStep = new Promise((resolve, reject) => {
        let t0 = null;
        const onClick = (ev) => {
          const el = ev.target instanceof Element ? ev.target.closest('a, button') : null;
          if (!el || !el.textContent.trim().startsWith(startText)) return;
          t0 = performance.now();
          window.removeEventListener('click', onClick, true);
        };
        window.addEventListener('click', onClick, true);
        const obs = new MutationObserver(() => {
          if (t0 === null || !done()) return;
          obs.disconnect();
          document.body.getBoundingClientRect();
          const rendered = performance.now();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve({ rendered: rendered - t0, frame: performance.now() - t0 });
            ch.port2.postMessage(0);
          });
        });
        obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        setTimeout(() => reject(new Error(`no "${until}" after "${startText}" within 60 s`)), 60_000);
      });
    },
    { startText, until, name },
  );
}
const stepResult = (page) => page.evaluate(() => window.__benchStep);

// The rat names come from the data set's info file, so the flows tap what a user would see.
const info = JSON.parse(readFileSync(INFO, 'utf8'));
const active = info.rats.filter((r) => !r.archived);
const longest = [...active].sort((a, b) => b.sessions - a.sessions)[0];
// Log a session for the first rat that trains alone, else the first rat (its cage mates on the
// same technique join: Today gives mates on another technique a card of their own).
const logRat = active.find((r) => !r.cage_group) ?? active[0];
const logMates = logRat.cage_group
  ? active.filter((r) => r.cage_group === logRat.cage_group && r.technique === logRat.technique)
  : [logRat];
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Today → start → Relaxed for each rat → Save (timed) → Today (timed), on a loaded page. */
async function logSession(page) {
  const start = page.getByRole('button', { name: new RegExp(`^Start a session with .*\\b${esc(logRat.name)}\\b`) });
  await start.click();
  for (const r of logMates) {
    await page
      .getByRole('group', { name: `How did ${r.name} respond?` })
      .getByRole('radio', { name: 'Relaxed', exact: true })
      .check();
  }
  await arm(page, 'Save session', 'well-done');
  await page.getByRole('button', { name: 'Save session' }).click();
  const save = await stepResult(page);
  await arm(page, 'Today', 'today-counted', logRat.name);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const today = await stepResult(page);
  return { save, today };
}

/** Rats list → the rat with the longest history (timed until the trust chart and calendar). */
async function openLongest(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rats' }).click();
  const card = page.locator('a.rat-card').filter({ has: page.locator('.rat-card-name', { hasText: new RegExp(`^${esc(longest.name)}$`) }) });
  await card.waitFor();
  await settle(page);
  await arm(page, longest.name, 'rat-page');
  await card.click();
  return stepResult(page);
}

// ------------------------------------------------------------------------------------ run
const dataText = readFileSync(DATA, 'utf8');
// gzip like a real static host (Lighthouse and the wire figures depend on it).
const appServer = await startServer({ root: APP_DIST, port: 0, gzip: true });
const baseServer = await startServer({ root: BASELINE_DIST, port: 0, gzip: true });
const raw = {};
const push = (key, v) => (raw[key] ??= []).push(v);
const started = Date.now();
const loadStart = os.loadavg()[0];
let lighthouse = null;
let networkCheck = null;
try {
  // One unrecorded load of each build first (browser processes, files in the OS cache).
  for (const url of [baseServer.url, appServer.url]) {
    const s = await freshPage(1);
    await s.page.goto(url, { waitUntil: 'commit' });
    await readyTime(s.page);
    await s.context.close();
  }
  for (let run = 1; run <= RUNS; run++) {
    for (const rate of RATES) {
      process.stdout.write(`run ${run}/${RUNS}, CPU ${rate}x: baseline`);
      let s = await loads(baseServer.url, rate, { sw: false });
      push(`baseline.cold.${rate}`, s.cold);
      push(`baseline.warm.${rate}`, s.warm);
      await s.context.close();

      process.stdout.write(', app empty');
      s = await loads(appServer.url, rate);
      if (!s.controlled) throw new Error('warm load: the service worker did not control the page');
      push(`app.empty.cold.${rate}`, s.cold);
      push(`app.empty.warm.${rate}`, s.warm);
      await s.context.close();

      process.stdout.write(', app five years');
      s = await loads(appServer.url, rate, { data: dataText });
      push(`app.five.cold.${rate}`, s.cold);
      push(`app.five.warm.${rate}`, s.warm);
      await settle(s.page);
      process.stdout.write(', log a session');
      const logged = await logSession(s.page);
      push(`log.save.${rate}`, logged.save);
      push(`log.today.${rate}`, logged.today);
      process.stdout.write(', open rat');
      push(`open.rat.${rate}`, await openLongest(s.page));
      await s.context.close();
      process.stdout.write('\n');
    }
  }

  // What this server really sent on a first visit (gzip -9), page requests only.
  {
    const s = await freshPage(1);
    await s.cdp.send('Network.enable');
    let bytes = 0;
    s.cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    await s.page.goto(appServer.url, { waitUntil: 'commit' });
    await readyTime(s.page);
    await s.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: TIMEOUT });
    await s.page.waitForLoadState('networkidle');
    networkCheck = { page_bytes_on_wire: bytes, note: 'page requests only (headers included); the service worker then fetches its precache list again' };
    await s.context.close();
  }

  if (env.BENCH_LIGHTHOUSE !== '0') lighthouse = await runLighthouse(appServer.url);
} finally {
  await browser.close();
  await appServer.close();
  await baseServer.close();
}

async function runLighthouse(url) {
  const bin = path.join(root, 'node_modules/.bin/lighthouse');
  const report = path.join(path.dirname(OUT), 'lighthouse.json');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  console.log(`lighthouse ${version ?? '?'} (mobile preset) on ${url}`);
  const args = [
    url,
    '--output=json',
    `--output-path=${report}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
    '--quiet',
  ];
  const code = await new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, CHROME_PATH: CHROMIUM } });
    child.on('exit', (c) => resolve(c ?? 1));
    child.on('error', () => resolve(127));
  });
  if (code !== 0 || !existsSync(report)) return { error: `lighthouse exited with ${code}`, version };
  const lhr = JSON.parse(readFileSync(report, 'utf8'));
  const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score === null ? null : Math.round(c.score * 100)]));
  // Weighted audits are what moves a score; the unweighted ones are hints (e.g. compression).
  const below = (c, weighted) =>
    c.auditRefs
      .filter((r) => (r.weight > 0) === weighted)
      .map((r) => lhr.audits[r.id])
      .filter((a) => a && a.score !== null && a.score < (weighted ? 1 : 0.9) && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map((a) => a.id);
  const failing = {};
  const hints = {};
  for (const [k, c] of Object.entries(lhr.categories)) {
    failing[k] = below(c, true);
    hints[k] = below(c, false);
  }
  const metrics = Object.fromEntries(
    ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'].map((id) => [id, lhr.audits[id]?.displayValue ?? null]),
  );
  return { version: lhr.lighthouseVersion, preset: 'mobile (default)', report: path.relative(root, report), scores, metrics, not_full_score: failing, hints, warnings: lhr.runWarnings };
}

// ------------------------------------------------------------------------------------ results
const figures = {};
for (const [k, v] of Object.entries(raw)) {
  const pick = (f) => stat(v.map(f));
  if (k.startsWith('log.') || k.startsWith('open.')) figures[k] = { rendered_ms: pick((x) => x.rendered), frame_ms: pick((x) => x.frame) };
  else figures[k] = { ms: pick((x) => x.ms) };
}
const appSizes = sizes(APP_DIST);
const baseSizes = sizes(BASELINE_DIST);
const med = (k, f = 'ms') => figures[k][f].median;
const ratios = {};
for (const rate of RATES) {
  for (const kind of ['cold', 'warm']) {
    for (const data of ['empty', 'five']) ratios[`app.${data}.${kind}.${rate}`] = med(`app.${data}.${kind}.${rate}`) / med(`baseline.${kind}.${rate}`);
  }
}
const lh = lighthouse?.scores ?? {};
const targets = [
  ...RATES.map((r) => ({ name: `cold load <= 1.5x baseline (CPU ${r}x)`, value: ratios[`app.empty.cold.${r}`], limit: 1.5, ok: ratios[`app.empty.cold.${r}`] <= 1.5 })),
  ...RATES.map((r) => {
    const v = med(`app.five.cold.${r}`) / med(`app.empty.cold.${r}`);
    return { name: `cold load, five years <= 1.3x empty storage (CPU ${r}x)`, value: v, limit: 1.3, ok: v <= 1.3 };
  }),
  { name: 'log a session, save to rendered < 16 ms median (CPU 1x)', value: med('log.save.1', 'rendered_ms'), limit: 16, ok: med('log.save.1', 'rendered_ms') < 16 },
  { name: 'log a session, save to rendered < 50 ms median (CPU 4x)', value: med('log.save.4', 'rendered_ms'), limit: 50, ok: med('log.save.4', 'rendered_ms') < 50 },
  { name: 'Lighthouse Performance >= 95', value: lh.performance ?? null, limit: 95, ok: lh.performance >= 95 },
  { name: 'Lighthouse Accessibility = 100', value: lh.accessibility ?? null, limit: 100, ok: lh.accessibility === 100 },
  { name: 'Lighthouse Best Practices = 100', value: lh['best-practices'] ?? null, limit: 100, ok: lh['best-practices'] === 100 },
  { name: 'first visit <= 150 KB gzip (html+js+wasm+css+manifest)', value: appSizes.first_visit.gzip, limit: 150_000, ok: appSizes.first_visit.gzip <= 150_000 },
];

const results = {
  generated_at: new Date().toISOString(),
  runs: RUNS,
  cpu_rates: RATES,
  chromium: browser.version(),
  viewport: VIEWPORT,
  // Other work on the machine shows up as spread: compare the load average with the cores.
  machine: { cpus: os.cpus().length, loadavg_1min_start: loadStart, loadavg_1min_end: os.loadavg()[0] },
  data_set: { file: path.relative(root, DATA), first_day: info.first_day, last_day: info.last_day, sessions: info.sessions, keys: info.keys, chars: info.chars },
  flows: { log_session_rat: logRat.name, log_session_with: logMates.map((r) => r.name), longest_history_rat: longest.name, longest_history_sessions: longest.sessions },
  notes: {
    load: 'ms from navigation start to body[data-ready] (in-page MutationObserver), minus the time the init script spent writing the five-year data',
    warm: 'same context reloaded once the service worker controls the page (baseline: plain reload, it has no service worker)',
    rendered: 'ms from the click (capture listener) to the DOM showing the result, with style and layout forced',
    frame: 'ms from the click to after the next animation frame (rAF + a task; includes waiting for vsync)',
    bytes: 'gzip -9 per file, as tests/size-budget.mjs; the bench server sends gzip -9 too',
  },
  figures,
  raw,
  ratios_to_baseline: ratios,
  sizes: { app: appSizes, baseline: baseSizes, network_check: networkCheck },
  lighthouse,
  targets,
  took_s: Math.round((Date.now() - started) / 1000),
};
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

// ------------------------------------------------------------------------------------ table
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const cell = (s) => `${f1(s.median)} (${f1(s.min)}–${f1(s.max)})`;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const lines = [];
const row = (a, b, c, d = '') => lines.push(`${a.padEnd(44)} ${b.padStart(22)} ${c.padStart(22)}  ${d}`);
lines.push(`Ratbond benchmark: ${RUNS} runs each, median (min–max) in ms, headless Chromium ${browser.version()}, ${VIEWPORT.width}x${VIEWPORT.height}`);
lines.push('load = navigation start to body[data-ready]; warm = reload under the service worker; rendered = click to DOM + layout');
const m = results.machine;
if (Math.max(m.loadavg_1min_start, m.loadavg_1min_end) > m.cpus) {
  lines.push(`note: load average ${m.loadavg_1min_start.toFixed(1)} → ${m.loadavg_1min_end.toFixed(1)} on ${m.cpus} cores: other work on this machine widens the spread`);
}
row('figure', 'CPU 4x', 'CPU 1x', 'ratio to baseline (4x / 1x)');
row('-'.repeat(44), '-'.repeat(22), '-'.repeat(22), '-'.repeat(27));
const ratioCell = (k) => `${ratios[k].toFixed(2)} / ${ratios[k.replace(/\.4$/, '.1')].toFixed(2)}`;
for (const [label, key, ratio] of [
  ['baseline cold load', 'baseline.cold', false],
  ['baseline warm load', 'baseline.warm', false],
  ['cold load, empty storage', 'app.empty.cold', true],
  ['warm load, empty storage', 'app.empty.warm', true],
  ['cold load, five years', 'app.five.cold', true],
  ['warm load, five years', 'app.five.warm', true],
]) {
  row(label, cell(figures[`${key}.4`].ms), cell(figures[`${key}.1`].ms), ratio ? ratioCell(`${key}.4`) : '');
}
for (const [label, key] of [
  ['log a session: Save → rendered', 'log.save'],
  ['log a session: Save → next frame', 'log.save'],
  ['back to Today → card counts it, rendered', 'log.today'],
  ['back to Today → card counts it, next frame', 'log.today'],
  [`open ${longest.name} (longest history), rendered`, 'open.rat'],
  [`open ${longest.name} (longest history), next frame`, 'open.rat'],
]) {
  const f = label.endsWith('frame') ? 'frame_ms' : 'rendered_ms';
  row(label, cell(figures[`${key}.4`][f]), cell(figures[`${key}.1`][f]));
}
lines.push('');
lines.push(
  `first visit, gzip -9 (html+js+wasm+css+manifest): ${kb(appSizes.first_visit.gzip)} (raw ${kb(appSizes.first_visit.raw)}); baseline ${kb(baseSizes.first_visit.gzip)} (raw ${kb(baseSizes.first_visit.raw)})`,
);
lines.push(
  `service worker precache (${appSizes.precache.files.length} files, incl. icons): ${kb(appSizes.precache.gzip)} gzip -9, ${kb(appSizes.precache.raw)} raw`,
);
if (networkCheck) {
  lines.push(
    `on the wire here (gzip -9): page ${kb(networkCheck.page_bytes_on_wire)} + service worker precache fetch ${kb(appSizes.precache.gzip)} ≈ ${kb(networkCheck.page_bytes_on_wire + appSizes.precache.gzip)}`,
  );
}
if (lighthouse?.scores) {
  const s = lighthouse.scores;
  lines.push(
    `Lighthouse ${lighthouse.version} (mobile): Performance ${s.performance}, Accessibility ${s.accessibility}, Best Practices ${s['best-practices']}, SEO ${s.seo}`,
  );
  lines.push(`  ${Object.entries(lighthouse.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const [k, ids] of Object.entries(lighthouse.not_full_score)) if (ids.length) lines.push(`  ${k}, weighted audits below full score: ${ids.join(', ')}`);
  for (const [k, ids] of Object.entries(lighthouse.hints)) if (ids.length) lines.push(`  ${k}, hints: ${ids.join(', ')}`);
} else if (lighthouse?.error) {
  lines.push(`Lighthouse: did not run (${lighthouse.error})`);
} else {
  lines.push('Lighthouse: skipped (BENCH_LIGHTHOUSE=0)');
}
lines.push('');
lines.push('targets (reported, not enforced):');
for (const t of targets) {
  const v = t.value === null || t.value === undefined ? 'n/a' : t.limit === 150_000 ? kb(t.value) : Number.isInteger(t.value) ? String(t.value) : t.value.toFixed(2);
  lines.push(`  ${t.ok ? 'pass' : 'MISS'}  ${t.name}: ${v}`);
}
lines.push('');
lines.push(`log-a-session flow: ${logMates.map((r) => r.name).join(', ')}; longest history: ${longest.name} (${longest.sessions} sessions)`);
lines.push(`all figures and every run: ${path.relative(root, OUT)} (took ${results.took_s} s)`);
console.log(`\n${lines.join('\n')}`);
