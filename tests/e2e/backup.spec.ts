// Settings → Download backup: one JSON file with everything, named by the day, with a format
// name, versions, export time and a checksum; its day is shown afterwards. It also works when
// the browser gives Ratbond no storage at all (memory only). Validation of backup files is
// tested natively (src/store/backup.rs: a table of bad files, each with its message).
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { BUILDS, expectScreenOk, requireBuild, startServer } from './support';

type Server = Awaited<ReturnType<typeof startServer>>;

test.use({ viewport: { width: 390, height: 844 } });

let server: Server;
test.beforeEach(async () => {
  server = await startServer({ root: requireBuild(BUILDS.dist), port: 0 });
});
test.afterEach(async () => {
  await server.close();
});

const NOW = new Date('2026-11-20T18:00:00');

const rats = ['Pip', 'Squeak <b>the</b> brave'].map((name, i) => ({
  id: `r-${i}`, name, sex: 'female', temperament: 'shy', cage_group: null, known_date: null, notes: '',
  archived: false, created_at: 1, updated_at: 1,
}));
const session = {
  id: 's-1', day: '2026-11-19', started_at: 1763575200000, duration_secs: 300,
  outcomes: [{ rat: 'r-0', technique: 'offering-treats', step: 0, response: 'relaxed', signs: ['took-treat'] }],
  treats: 3, note: 'Took a pea from my fingers.', updated_at: 1763575500000,
};

async function seed(page: Page) {
  await page.addInitScript((d) => {
    if (localStorage.getItem('ratbond/rats')) return;
    for (const [key, value] of Object.entries(d)) localStorage.setItem(key, JSON.stringify(value));
  }, {
    'ratbond/rats': { rats },
    'ratbond/programs': { rats: { 'r-0': { active: 'offering-treats', started: [['offering-treats', '2026-11-01']], overrides: [], updated_at: 1 } } },
    'ratbond/sessions/2026-11': { sessions: [session] },
  });
}

async function downloadBackup(page: Page) {
  const section = page.getByRole('region', { name: 'Backup' });
  await expect(section.getByTestId('last-backup')).toHaveText('No backup yet.');
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Download backup' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ratbond-backup-2026-11-20.json');
  await expect(section.getByTestId('last-backup')).toHaveText('Last backup: 20 November 2026.');
  return JSON.parse(await readFile(await file.path(), 'utf8'));
}

test('"Download backup" saves everything in one checked file and remembers the day', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await seed(page);
  await page.goto(server.url + 'settings');
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  const backup = await downloadBackup(page);
  expect(backup.format).toBe('ratbond-backup');
  expect(backup.schema_version).toBe(1);
  expect(typeof backup.app_version).toBe('string');
  expect(backup.app_version.length).toBeGreaterThan(0);
  // The installed clock runs on from NOW.
  expect(backup.exported_at).toBeGreaterThanOrEqual(NOW.getTime());
  expect(backup.exported_at).toBeLessThan(NOW.getTime() + 60_000);
  expect(backup.checksum).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  expect(backup.data.rats.map((r: { name: string }) => r.name)).toEqual(['Pip', 'Squeak <b>the</b> brave']);
  expect(backup.data.sessions).toEqual([session]);
  expect(Object.keys(backup.data.programs.rats)).toEqual(['r-0']);
  // The day is kept.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Backup' }).getByTestId('last-backup')).toHaveText(
    'Last backup: 20 November 2026.',
  );
});

test('with no storage at all, a backup of what is in memory still downloads', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await page.goto(server.url + 'rats/new');
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  await page.getByLabel('Name').fill('Pip');
  await page.getByRole('radio', { name: /^Curious/ }).check();
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const backup = await downloadBackup(page);
  expect(backup.data.rats.map((r: { name: string }) => r.name)).toEqual(['Pip']);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the backup section passes axe and fits 320 px (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await seed(page);
    await page.goto(server.url + 'settings');
    await expect(page.getByRole('region', { name: 'Backup' })).toBeVisible();
    await expectScreenOk(page, 'Settings with the backup section', scheme);
  });
}
