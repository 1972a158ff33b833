// A rat's History with years of sessions: the newest entries first, the rest on request, so the
// page stays quick to open.
import { test, expect } from '@playwright/test';
import { BUILDS, requireBuild, startServer } from './support';

type Server = Awaited<ReturnType<typeof startServer>>;

test.use({ viewport: { width: 390, height: 844 } });

let server: Server;
test.beforeEach(async () => {
  server = await startServer({ root: requireBuild(BUILDS.dist), port: 0 });
});
test.afterEach(async () => {
  await server.close();
});

test('History shows the newest 30 entries and more on request', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-20T18:00:00') });
  const sessions = [];
  for (let i = 0; i < 70; i++) {
    const d = new Date(Date.UTC(2026, 8, 1) + i * 86_400_000);
    const day = d.toISOString().slice(0, 10);
    const started = new Date(`${day}T17:00:00`).getTime();
    sessions.push({
      id: `s-${i}`, day, started_at: started, duration_secs: 300,
      outcomes: [{ rat: 'r-0', technique: 'offering-treats', step: 0, response: 'cautious', signs: [] }],
      treats: 1, note: i === 0 ? 'The very first one' : '', updated_at: started + 1,
    });
  }
  const months: Record<string, { sessions: unknown[] }> = {};
  for (const s of sessions) (months[`ratbond/sessions/${s.day.slice(0, 7)}`] ??= { sessions: [] }).sessions.push(s);
  await page.addInitScript((d) => {
    for (const [key, value] of Object.entries(d)) localStorage.setItem(key, JSON.stringify(value));
  }, {
    'ratbond/rats': { rats: [{ id: 'r-0', name: 'Pip', sex: 'female', temperament: 'shy', cage_group: null, known_date: null, notes: '', archived: false, created_at: 1, updated_at: 1 }] },
    'ratbond/programs': { rats: { 'r-0': { active: 'offering-treats', started: [['offering-treats', '2026-09-01']], overrides: [], updated_at: 1 } } },
    ...months,
  });
  await page.goto(server.url + 'rats/r-0');
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  const history = page.getByRole('region', { name: 'History' });
  const rows = history.locator('.history-list > li');
  await expect(rows).toHaveCount(30);
  // Newest first: the last day is at the top.
  await expect(rows.first()).toContainText('9 Nov 2026');
  const more = history.getByRole('button', { name: /^Show older entries \(\d+ more\)$/ });
  const total = 30 + Number((await more.textContent())?.match(/\((\d+) more\)/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(70);
  await more.click();
  await expect(rows).toHaveCount(Math.min(60, total));
  await history.getByRole('button', { name: /^Show older entries/ }).click();
  await expect(rows).toHaveCount(total);
  await expect(history.getByRole('button', { name: /^Show older entries/ })).toHaveCount(0);
  await expect(rows.last()).toContainText('The very first one');
});
