// A rat's consistency section (streaks, the 12-week heat map, rest days) and the history
// filter by technique, against the release build. Data is seeded into localStorage and a
// fixed clock sets "today": Friday 20 November 2026, in the evening.
import { test, expect, type Page } from '@playwright/test';
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

const TODAY = '2026-11-20';
const NOW = new Date(`${TODAY}T19:00:00`);

/** "2026-11-17" for November 17. */
const nov = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;

type Rest = { from: string; to: string; reason?: string };
type Seed = { days: { day: string; technique?: string }[]; rest?: Rest[]; started?: string[] };

function seedData({ days, rest, started = ['scent'] }: Seed): Record<string, unknown> {
  const now = NOW.getTime();
  const data: Record<string, any> = {
    'ratbond/rats': {
      rats: [
        {
          id: 'r-pip', name: 'Pip', sex: 'female', temperament: 'nervous', cage_group: null,
          known_date: null, notes: '', archived: false, created_at: now, updated_at: now,
        },
      ],
    },
    'ratbond/programs': {
      rats: {
        'r-pip': {
          active: started[started.length - 1],
          started: started.map((t) => [t, nov(1)]),
          overrides: [],
          updated_at: now,
          ...(rest ? { rest } : {}),
        },
      },
    },
  };
  days.forEach(({ day, technique = 'scent' }, i) => {
    const at = new Date(`${day}T18:00:00`).getTime() + i;
    const key = `ratbond/sessions/${day.slice(0, 7)}`;
    (data[key] ??= { sessions: [] }).sessions.push({
      id: `s-${i}`, day, started_at: at, duration_secs: 300,
      outcomes: [{ rat: 'r-pip', technique, step: 0, response: 'relaxed', signs: [] }],
      treats: 0, note: '', updated_at: at,
    });
  });
  return data;
}

/** Seeds storage once (a reload keeps what the app saved since), fixes the clock, opens Pip. */
async function openPip(page: Page, seed: Seed) {
  await page.clock.install({ time: NOW });
  await page.addInitScript((data) => {
    if (!localStorage.getItem('ratbond/rats')) {
      for (const [key, value] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(value));
    }
  }, seedData(seed));
  await page.goto(server.url + 'rats/r-pip');
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
}

async function reload(page: Page) {
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
}

const section = (page: Page) => page.getByRole('region', { name: 'Consistency' });
const square = (page: Page, day: string) => page.locator(`.heat [data-day="${day}"]`);

async function storedRest(page: Page): Promise<Rest[] | undefined> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('ratbond/programs') ?? '{}').rats?.['r-pip']?.rest);
}

test('a rest day in the middle of a week keeps the streak going', async ({ page }) => {
  // Saturday 14 to Friday 20 November, with Tuesday 17 marked as rest.
  await openPip(page, {
    days: [14, 15, 16, 18, 19, 20].map((d) => ({ day: nov(d) })),
    rest: [{ from: nov(17), to: nov(17), reason: 'At the vet' }],
  });
  const s = section(page);
  await expect(s.getByTestId('streak-current')).toHaveText(/^6\s*days in a row$/);
  await expect(s.getByTestId('streak-best')).toHaveText(/^Best\s*6\s*days$/);
  await expect(s.getByText("Today's session is done.")).toBeVisible();
  await expect(s.getByText("Rest days pause a streak. They don't break it.")).toBeVisible();

  await expect(square(page, nov(17))).toHaveAttribute('data-status', 'rest');
  await expect(square(page, nov(16))).toHaveAttribute('data-status', 's1');
  await expect(square(page, nov(13))).toHaveAttribute('data-status', 'before');
  await expect(square(page, nov(21))).toHaveAttribute('data-status', 'future');
  await expect(square(page, TODAY)).toHaveClass(/\btoday\b/);
  await expect(page.locator('.heat .heat-day')).toHaveCount(84);
  await expect(s.getByRole('img')).toHaveAttribute(
    'aria-label',
    'Last 12 weeks: 6 days with sessions, 1 day of rest, 0 days missed.',
  );
  await expect(s.getByRole('list', { name: 'What the squares mean' })).toContainText('Rest day');
  // The rest period is listed with its reason; only one technique, so no history filter.
  await expect(s.getByRole('list', { name: 'Recent and planned rest' })).toContainText('Tue 17 Nov');
  await expect(s.getByRole('list', { name: 'Recent and planned rest' })).toContainText('At the vet');
  await expect(page.getByRole('group', { name: 'Show' })).toHaveCount(0);
});

test('a missed day without rest ends the current streak but keeps the best', async ({ page }) => {
  // Thursday 12 to Wednesday 18 November, then nothing on Thursday 19. Today has none yet.
  await openPip(page, { days: [12, 13, 14, 15, 16, 17, 18].map((d) => ({ day: nov(d) })) });
  const s = section(page);
  await expect(s.getByTestId('streak-current')).toHaveText(/^0\s*days in a row$/);
  await expect(s.getByTestId('streak-best')).toHaveText(/^Best\s*7\s*days$/);
  await expect(s.getByText('A new streak starts with your next session.', { exact: false })).toBeVisible();
  await expect(square(page, nov(19))).toHaveAttribute('data-status', 'miss');
  await expect(square(page, TODAY)).toHaveAttribute('data-status', 'open');
  await expect(s.getByRole('img')).toHaveAttribute('aria-label', /7 days with sessions, 0 days of rest, 1 day missed/);
});

test('"Rest today" is kept after a reload and can be undone', async ({ page }) => {
  await openPip(page, { days: [17, 18, 19].map((d) => ({ day: nov(d) })) });
  const s = section(page);
  await expect(s.getByTestId('streak-current')).toHaveText(/^3\s*days in a row$/);
  await expect(s.getByText("Today's session keeps it going.")).toBeVisible();
  const button = s.getByTestId('rest-today');
  await expect(button).toHaveText('Rest today');
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  await button.click();
  await expect(page.locator('.toast')).toContainText("Today is a rest day. Pip's streak is paused, not broken.");
  await expect(button).toHaveText('Not resting today');
  await expect(square(page, TODAY)).toHaveAttribute('data-status', 'rest');
  await expect(s.getByText('Today is a rest day. The streak waits for you.')).toBeVisible();
  expect(await storedRest(page)).toEqual([{ from: TODAY, to: TODAY, reason: '' }]);

  await reload(page);
  await expect(button).toHaveText('Not resting today');
  await expect(square(page, TODAY)).toHaveAttribute('data-status', 'rest');
  await expect(s.getByTestId('streak-current')).toHaveText(/^3\s*days in a row$/);

  await button.click();
  await expect(button).toHaveText('Rest today');
  await expect(square(page, TODAY)).toHaveAttribute('data-status', 'open');
  await reload(page);
  await expect(button).toHaveText('Rest today');
  expect(await storedRest(page)).toBeUndefined();
});

test('the "Mark days off" form rejects a last day before the first and saves a range', async ({ page }) => {
  await openPip(page, { days: [19, 20].map((d) => ({ day: nov(d) })) });
  const s = section(page);
  await s.getByText('Mark days off').click();
  const first = s.getByLabel('First day');
  const last = s.getByLabel(/^Last day/);
  await first.fill(nov(22));
  await last.fill(nov(21));
  await s.getByRole('button', { name: 'Save rest days' }).click();
  await expect(s.locator('#rest-to-error')).toHaveText('The last rest day comes before the first. Swap them round.');
  await expect(last).toHaveAttribute('aria-invalid', 'true');
  await expect(last).toBeFocused();
  expect(await storedRest(page)).toBeUndefined();

  await s.getByLabel(/^Reason/).fill('Away for the weekend');
  await first.fill(nov(21));
  await last.fill(nov(22));
  await s.getByRole('button', { name: 'Save rest days' }).click();
  await expect(page.locator('.toast')).toContainText('Sat 21 Nov to Sun 22 Nov are marked as rest.');
  await expect(s.locator('#rest-to-error')).toBeHidden();
  await expect(last).toHaveAttribute('aria-invalid', 'false');
  await expect(first).toHaveValue('');
  // This week's weekend: the last row of the heat map.
  for (const d of [21, 22]) await expect(square(page, nov(d))).toHaveAttribute('data-status', 'rest');
  await expect(square(page, TODAY)).toHaveAttribute('data-status', 's1');

  await reload(page);
  const list = s.getByRole('list', { name: 'Recent and planned rest' });
  await expect(list).toContainText('Sat 21 Nov – Sun 22 Nov');
  await expect(list).toContainText('Away for the weekend');
  expect(await storedRest(page)).toEqual([{ from: nov(21), to: nov(22), reason: 'Away for the weekend' }]);

  const remove = list.getByRole('button', { name: 'Remove rest Sat 21 Nov – Sun 22 Nov' });
  expect((await remove.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await remove.click();
  await expect(page.locator('.toast')).toContainText('The rest days were removed.');
  await expect(list).toHaveCount(0);
  await expect(square(page, nov(22))).toHaveAttribute('data-status', 'future');
  expect(await storedRest(page)).toBeUndefined();
});

test('the history filter shows only the chosen technique', async ({ page }) => {
  await openPip(page, {
    started: ['offering-treats', 'scent'],
    days: [
      { day: nov(10), technique: 'offering-treats' },
      { day: nov(11), technique: 'offering-treats' },
      { day: nov(18), technique: 'scent' },
      { day: nov(19), technique: 'scent' },
      { day: nov(20), technique: 'scent' },
    ],
  });
  const history = page.getByRole('region', { name: 'History' });
  const sessions = history.locator('.history-session');
  await expect(sessions).toHaveCount(5);
  const filter = history.getByRole('group', { name: 'Show' });
  await expect(filter.getByRole('radio')).toHaveCount(3);
  await expect(filter.getByRole('radio', { name: 'All techniques' })).toBeChecked();

  await filter.getByRole('radio', { name: 'Scent' }).check();
  await expect(sessions).toHaveCount(3);
  await expect(history.locator('.history-list')).not.toContainText('Offering treats');
  for (const text of await sessions.allTextContents()) expect(text).toContain('Scent, step 1');

  await filter.getByRole('radio', { name: 'Offering treats' }).check();
  await expect(sessions).toHaveCount(2);
  await expect(history.locator('.history-list')).not.toContainText('Scent');

  await filter.getByRole('radio', { name: 'All techniques' }).check();
  await expect(sessions).toHaveCount(5);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the rat page with consistency data passes axe and fits 320 px (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openPip(page, {
      started: ['offering-treats', 'scent'],
      days: [
        ...[2, 3, 5, 6, 9].map((d) => ({ day: nov(d), technique: 'offering-treats' })),
        ...[14, 15, 16, 18, 19, 19].map((d) => ({ day: nov(d) })),
      ],
      rest: [
        { from: nov(17), to: nov(17), reason: 'At the vet' },
        { from: nov(24), to: nov(25), reason: '' },
      ],
    });
    await section(page).getByText('Mark days off').click();
    await section(page).getByRole('button', { name: 'Save rest days' }).click();
    await expect(section(page).locator('#rest-from-error')).toHaveText('Pick the first rest day.');
    await expectScreenOk(page, `rat page with consistency (${scheme})`, scheme);
  });
}
