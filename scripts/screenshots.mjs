#!/usr/bin/env node
// Phone-sized screenshots (390x844, light and dark) of the main screens of a release build,
// with sample data, for the README and for looking at the app as an owner would.
//
//   node scripts/screenshots.mjs [dist] [out=docs/screenshots]
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';

const root = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'docs/screenshots';
await mkdir(out, { recursive: true });

const now = Date.now();
const sampleRats = [
  { id: 'r-pip', name: 'Pip', sex: 'female', temperament: 'nervous', cage_group: 'Big cage',
    known_date: { kind: 'adopted', date: '2026-09-20' }, notes: 'Hides in the hammock. Loves a pea.', archived: false },
  { id: 'r-squeak', name: 'Squeak', sex: 'female', temperament: 'curious', cage_group: 'Big cage',
    known_date: { kind: 'birthday', date: '2026-03-02' }, notes: '', archived: false },
  { id: 'r-biscuit', name: 'Biscuit', sex: 'male', temperament: 'confident', cage_group: null,
    known_date: null, notes: '', archived: false },
  { id: 'r-old', name: 'Hazel', sex: 'female', temperament: 'shy', cage_group: null,
    known_date: null, notes: '', archived: true },
].map((r) => ({ ...r, created_at: now, updated_at: now }));

const day = (offset) => {
  const d = new Date(now - offset * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const sampleSessions = [5, 4, 3, 2, 1].map((ago, i) => ({
  id: `s-demo-${i}`, day: day(ago), started_at: now - ago * 86400000, duration_secs: 600 + i * 60,
  outcomes: [{ rat: 'r-pip', technique: 'scent', step: i < 3 ? 0 : 1, response: i === 3 ? 'cautious' : 'relaxed',
    signs: i === 4 ? ['sniffed-or-licked'] : [] }],
  treats: 0, note: i === 4 ? 'Sniffed my fingers for the first time!' : '', updated_at: now,
}));
const sampleData = {
  'ratbond/rats': { rats: sampleRats },
  'ratbond/programs': { rats: {
    'r-pip': { active: 'scent', started: [['scent', day(5)]], answers: { hand: 'hides-or-freezes', food: 'not-yet', handled: 'no-or-unknown', safe_space: true, temperament: 'nervous' }, overrides: [], updated_at: now,
      rest: [{ from: day(8), to: day(8), reason: 'Vet check' }] },
    'r-biscuit': { active: 'offering-treats', started: [['offering-treats', day(2)]], overrides: [], updated_at: now },
  }, practice_times: [{ hour: 18, minute: 30 }] },
};
for (const s of sampleSessions) {
  const key = `ratbond/sessions/${s.day.slice(0, 7)}`;
  (sampleData[key] ??= { sessions: [] }).sessions.push(s);
}

const shots = [
  { name: 'welcome', path: '', data: false },
  { name: 'today', path: '', data: true },
  { name: 'rats', path: 'rats', data: true },
  { name: 'guide', path: 'guide', data: true },
  { name: 'guide-entry', path: 'guide/bruxing', data: true },
  { name: 'rat', path: 'rats/r-pip', data: true },
  { name: 'add-rat', path: 'rats/new', data: true },
  { name: 'settings', path: 'settings', data: true },
  { name: 'choose', path: 'rats/r-squeak/choose', data: true },
  { name: 'techniques', path: 'techniques', data: true },
  { name: 'technique', path: 'techniques/scent', data: true },
  { name: 'session', path: 'session', data: true, timer: true },
  // After Save: the advice for each rat.
  { name: 'session-saved', path: 'session', data: true, timer: true, action: async (page) => {
    await page.getByRole('radio', { name: 'Relaxed', exact: true }).check();
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { level: 1, name: /^Well done/ }).waitFor();
  } },
  // Save without a temperament: it is asked, never guessed.
  { name: 'add-rat-errors', path: 'rats/new', data: true, action: async (page) => {
    await page.getByRole('button', { name: 'Save rat' }).click();
    await page.locator('#temperament-error').scrollIntoViewIfNeeded();
  } },
  // A toast sits above the bottom buttons, never over them.
  { name: 'session-edited', path: 'sessions/s-demo-4', data: true, action: async (page) => {
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
  } },
  { name: 'rat-no-technique', path: 'rats/r-squeak', data: true },
  // Right after picking a technique: the first session should be in reach without scrolling.
  { name: 'rat-chosen', path: 'rats/r-squeak/choose', data: true, action: async (page) => {
    for (const group of await page.locator('fieldset').all()) {
      if (await group.locator('input:checked').count() === 0) await group.locator('input').first().check();
    }
    await page.locator('.recommendation button').click();
    await page.getByRole('heading', { level: 1, name: 'Squeak' }).waitFor();
  } },
  { name: 'settings-space', path: 'settings', data: true, action: async (page) => {
    await page.getByRole('region', { name: 'Space' }).scrollIntoViewIfNeeded();
  } },
  // An archived rat: no coaching, what it reached still shown.
  { name: 'rat-archived', path: 'rats/r-pip', data: true, action: async (page) => {
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.getByTestId('archived-training').scrollIntoViewIfNeeded();
  } },
  // A refused backup file: why, that nothing changed, what to try.
  { name: 'restore-refused', path: 'settings', data: true, action: async (page) => {
    await page.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('region', { name: 'Restore' }).getByRole('alert').scrollIntoViewIfNeeded();
  } },
  { name: 'intro', path: '', data: false, action: async (page) => {
    await page.getByRole('button', { name: 'How it works, in 3 cards' }).click();
  } },
  // Today on an iPhone, scrolled to the Add to Home Screen card.
  { name: 'install-iphone', path: '', data: true, iphone: true, action: async (page) => {
    await page.getByRole('region', { name: 'Ratbond on your home screen' }).scrollIntoViewIfNeeded();
  } },
];
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const server = await startServer({ root, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const scheme of ['light', 'dark']) {
    for (const shot of shots) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, colorScheme: scheme,
        serviceWorkers: 'block', locale: 'en-GB', ...(shot.iphone ? { userAgent: IPHONE } : {}),
      });
      const page = await context.newPage();
      if (shot.data) {
        const data = { ...sampleData };
        if (shot.timer) data['ratbond/timer'] = { session_id: 's-new', rats: ['r-pip'], started_at: now - 4 * 60000 - 12000 };
        await page.addInitScript((data) => {
          if (!localStorage.getItem('ratbond/rats')) {
            for (const [key, value] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(value));
          }
        }, data);
      }
      await page.goto(server.url + shot.path);
      await page.waitForSelector('body[data-ready="true"]');
      if (shot.action) await shot.action(page);
      await page.waitForTimeout(150);
      const file = path.join(out, `${shot.name}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
