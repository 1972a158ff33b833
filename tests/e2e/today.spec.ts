// Today, the home screen, and practice reminders: which rats still need a session (due
// first, reordering as sessions are logged), the first-run path, "due since" after the
// practice time, the calendar file, and a notification while the app is open.
// Data is seeded into localStorage; a controlled clock sets the owner's day and time.
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

const TODAY = '2026-11-20'; // a Friday

function rat(id: string, name: string, cage_group: string | null = null) {
  return { id, name, sex: 'female', temperament: 'curious', cage_group, known_date: null, notes: '',
    archived: false, created_at: 1, updated_at: 1 };
}

function program(technique = 'offering-treats') {
  return { active: technique, started: [[technique, '2026-11-01']], overrides: [], updated_at: 1 };
}

interface Seed {
  rats: ReturnType<typeof rat>[];
  programs: Record<string, ReturnType<typeof program>>;
  practice_times?: { hour: number; minute: number }[];
  notify?: boolean;
}

const FAMILY: Seed = {
  rats: [rat('r-ada', 'Ada'), rat('r-bean', 'Bean', 'Big cage'), rat('r-cleo', 'Cleo', 'Big cage'), rat('r-dot', 'Dot')],
  programs: { 'r-ada': program(), 'r-bean': program(), 'r-cleo': program() },
};

/** Seeds storage once (a reload keeps what the app saved), sets the clock, opens `path`. */
async function openWith(page: Page, seed: Seed | null, time = '18:00:00', path = '') {
  await page.clock.install({ time: new Date(`${TODAY}T${time}`) });
  if (seed) {
    const data = {
      'ratbond/rats': { rats: seed.rats },
      'ratbond/programs': { rats: seed.programs, practice_times: seed.practice_times ?? [], notify: !!seed.notify },
    };
    await page.addInitScript((d) => {
      if (localStorage.getItem('ratbond/rats')) return;
      for (const [key, value] of Object.entries(d)) localStorage.setItem(key, JSON.stringify(value));
    }, data);
  }
  await page.goto(server.url + path);
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
}

function cards(page: Page) {
  return page.locator('.plan > li');
}

/** The cards' titles, in order: assert with `toHaveText([...])`, which waits for the app. */
function cardTitles(page: Page) {
  return cards(page).locator('h2');
}

/** Starts the session from a Today card and logs a relaxed response for each rat. */
async function logFromToday(page: Page, button: string, names: string[], response = 'Relaxed') {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Training / })).toBeVisible();
  for (const name of names) {
    await page.getByRole('group', { name: `How did ${name} respond?` }).getByRole('radio', { name: response, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Well done|Thank you)/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

test('after a scared session Today asks for rest, not a second session', async ({ page }) => {
  await openWith(page, FAMILY);
  await logFromToday(page, 'Start a session with Ada', ['Ada'], 'Hid or fled');
  const ada = cards(page).filter({ hasText: 'Ada' });
  await expect(ada).toContainText('A hard session today · let this rat rest until tomorrow');
  await expect(ada).not.toContainText('a second is even better');
  await expect(page.getByRole('button', { name: /^Start .*session with Ada/ })).toHaveCount(0);
  // The others are still offered theirs.
  await expect(page.getByRole('button', { name: 'Start a session with Bean and Cleo' })).toBeVisible();
});

test('Today left open past midnight moves on to the new day', async ({ page }) => {
  await openWith(page, FAMILY, '23:58:00');
  await logFromToday(page, 'Start a session with Ada', ['Ada']);
  const due = page.getByRole('status').filter({ hasText: 'still need a session today' });
  await expect(due).toHaveText('Bean and Cleo still need a session today.');
  await expect(page.getByText('Friday 20 November')).toBeVisible();
  await page.clock.runFor(3 * 60_000);
  await expect(page.getByText('Saturday 21 November')).toBeVisible();
  await expect(due).toHaveText('Ada, Bean and Cleo still need a session today.');
});

test('a session that runs past midnight is filed on the evening it began', async ({ page }) => {
  await openWith(page, FAMILY, '23:55:00');
  await page.getByRole('button', { name: 'Start a session with Ada' }).click();
  await page.getByRole('group', { name: 'How did Ada respond?' }).getByRole('radio', { name: 'Relaxed', exact: true }).check();
  await page.clock.runFor(10 * 60_000);
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Well done|Thank you)/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByText('Saturday 21 November')).toBeVisible();
  // Friday's session doesn't count for Saturday.
  await expect(page.getByRole('status').filter({ hasText: 'still need a session today' })).toHaveText(
    'Ada, Bean and Cleo still need a session today.',
  );
  // Stored under day 20 of the month: a month's session starts with its day in base 36.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('ratbond/sessions/2026-11') ?? '{}'));
  expect(stored.s).toHaveLength(1);
  expect(stored.s[0][0]).toBe((20).toString(36));
});

test.describe('far from UTC', () => {
  // UTC+14: when it is still Friday evening in UTC, it is Saturday morning here.
  test.use({ timezoneId: 'Pacific/Kiritimati' });
  test('days are the owner\'s local days, not UTC\'s', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-20T18:00:00Z') });
    await page.addInitScript((d) => {
      if (localStorage.getItem('ratbond/rats')) return;
      for (const [key, value] of Object.entries(d)) localStorage.setItem(key, JSON.stringify(value));
    }, {
      'ratbond/rats': { rats: FAMILY.rats },
      'ratbond/programs': { rats: FAMILY.programs, practice_times: [], notify: false },
    });
    await page.goto(server.url);
    await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
    await expect(page.getByText('Saturday 21 November')).toBeVisible();
    await logFromToday(page, 'Start a session with Ada', ['Ada']);
    await expect(page.getByRole('status').filter({ hasText: 'still need a session today' })).toHaveText(
      'Bean and Cleo still need a session today.',
    );
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('ratbond/sessions/2026-11') ?? '{}'));
    expect(stored.s[0][0]).toBe((21).toString(36));
  });
});

test('first run: Today leads to adding the first rat', async ({ page }) => {
  await openWith(page, null);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Ratbond' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Add your first rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a rat' })).toBeVisible();
  await page.getByLabel('Name').fill('Pip');
  await page.getByRole('radio', { name: /^Curious/ }).check();
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
  await page.getByRole('link', { name: 'Today' }).click();
  // A rat without a technique: Today says what to do first.
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('No technique yet');
  await page.getByRole('link', { name: 'Find a technique for Pip' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a technique for Pip' })).toBeVisible();
});

test('rats that still need a session come first, and Today reorders as sessions are logged', async ({ page }) => {
  await openWith(page, FAMILY);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByText('Friday 20 November')).toBeVisible();
  // Cage mates share a card; the rat without a technique waits after the due ones.
  await expect(cardTitles(page)).toHaveText(['Ada', 'Bean and Cleo', 'Dot']);
  await expect(page.getByRole('status').filter({ hasText: 'still need a session today' })).toHaveText(
    'Ada, Bean and Cleo still need a session today.',
  );
  await expect(cards(page).first()).toContainText('Offering treats · Step 1 of');

  await logFromToday(page, 'Start a session with Ada', ['Ada']);
  await expect(cardTitles(page)).toHaveText(['Bean and Cleo', 'Dot', 'Ada']);
  await expect(cards(page).last()).toContainText('1 session today · a second is even better');
  await expect(page.getByRole('button', { name: 'Start a second session with Ada' })).toBeVisible();

  await logFromToday(page, 'Start a session with Bean and Cleo', ['Bean', 'Cleo']);
  await expect(page.getByRole('status').filter({ hasText: 'All done for today' })).toBeVisible();
  await expect(cardTitles(page)).toHaveText(['Dot', 'Ada', 'Bean and Cleo']);

  // A second session for Ada: two today is the better goal.
  await logFromToday(page, 'Start a second session with Ada', ['Ada']);
  await expect(cards(page).filter({ hasText: 'Ada' })).toContainText('2 sessions today');
  // Two sessions beat one: Ada now comes after Bean and Cleo.
  await expect(cardTitles(page)).toHaveText(['Dot', 'Bean and Cleo', 'Ada']);
  // The plan survives a reload: it is worked out from the stored sessions.
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  await expect(cardTitles(page)).toHaveText(['Dot', 'Bean and Cleo', 'Ada']);
});

test('a rat who is the only one in its cage group gets a card like a rat alone, named once', async ({ page }) => {
  await openWith(page, {
    rats: [rat('r-bean', 'Bean', 'Big cage'), rat('r-dot', 'Dot')],
    programs: { 'r-bean': program(), 'r-dot': program() },
  });
  const bean = cards(page).filter({ hasText: 'Bean' });
  await expect(bean.getByRole('heading', { level: 2 })).toHaveText('Bean');
  await expect(bean.getByRole('heading', { level: 2 }).getByRole('link', { name: 'Bean' })).toBeVisible();
  await expect(bean.locator('.plan-group')).toHaveText('Big cage');
  // Her name is the heading; the line under it says only what she is doing.
  await expect(bean.locator('.plan-rats')).not.toContainText('Bean');
  await expect(bean.locator('.plan-rats')).toContainText('Offering treats · Step 1 of');
});

test('after the practice time, Today says the rats are due since then', async ({ page }) => {
  const seed = { ...FAMILY, practice_times: [{ hour: 18, minute: 30 }] };
  await openWith(page, seed, '17:00:00');
  const summary = page.getByRole('status').filter({ hasText: 'still need a session today' });
  await expect(summary).not.toContainText('practice time');
  await page.clock.setSystemTime(new Date(`${TODAY}T19:00:00`));
  await page.clock.runFor(25_000);
  await expect(summary).toContainText("It's past your 18:30 practice time.");
});

test('"Add to my calendar" downloads a daily reminder with an alarm', async ({ page }) => {
  // Few enough rats that the title names them all (past three it says "and 2 more").
  const seed = { ...FAMILY, rats: [rat('r-ada', 'Ada'), rat('r-odd', 'Pip, the; brave 🐀')] };
  await openWith(page, seed, '12:00:00', 'settings');
  const reminders = page.getByRole('region', { name: 'Practice reminders' });
  await reminders.getByLabel('Practice time', { exact: true }).fill('19:15');
  await reminders.getByLabel('Second time (optional)').fill('07:45');
  const download = page.waitForEvent('download');
  await reminders.getByRole('button', { name: 'Add to my calendar' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ratbond-practice.ics');
  const text = await readFile(await file.path(), 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(2);
  expect(unfolded).toMatch(/^DTSTART:20261120T074500$/m);
  expect(unfolded).toMatch(/^DTSTART:20261120T191500$/m);
  expect(unfolded).toMatch(/^RRULE:FREQ=DAILY$/m);
  expect(unfolded).toMatch(/^UID:ratbond-practice-1@ratbond\.local$/m);
  expect(unfolded).toMatch(/^UID:ratbond-practice-2@ratbond\.local$/m);
  expect(unfolded).toMatch(/^BEGIN:VALARM$/m);
  expect(unfolded).toContain('Pip\\, the\\; brave 🐀');
  // Every physical line is at most 75 octets and ends with CRLF.
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  // The times were saved too, earliest first.
  await page.reload();
  const saved = page.getByRole('region', { name: 'Practice reminders' });
  await expect(saved.getByLabel('Practice time', { exact: true })).toHaveValue('07:45');
  await expect(saved.getByLabel('Second time (optional)')).toHaveValue('19:15');
});

test('practice times: a second time alone is kept, and a refused save leaves no old "Saved"', async ({ page }) => {
  await openWith(page, FAMILY, '12:00:00', 'settings');
  const reminders = page.getByRole('region', { name: 'Practice reminders' });
  const first = reminders.getByLabel('Practice time', { exact: true });
  const second = reminders.getByLabel('Second time (optional)');
  await first.fill('19:00');
  await reminders.getByRole('button', { name: 'Save times' }).click();
  const saved = reminders.getByText(/^Saved\. Practice time: 19:00\.$/);
  await expect(saved).toBeVisible();

  // Both empty: the error, and the earlier "Saved" goes, as nothing was saved now.
  await first.fill('');
  await reminders.getByRole('button', { name: 'Save times' }).click();
  await expect(reminders.getByText('Pick at least one practice time.')).toBeVisible();
  await expect(saved).toHaveCount(0);
  await expect(first).toBeFocused();

  // Only the second field filled in: that is the one time.
  await second.fill('07:45');
  await reminders.getByRole('button', { name: 'Save times' }).click();
  await expect(reminders.getByText('Pick at least one practice time.')).toHaveCount(0);
  await expect(reminders.getByText(/^Saved\. Practice time: 0?7:45\.$/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Practice reminders' }).getByLabel('Practice time', { exact: true })).toHaveValue('07:45');
});

test('with notifications allowed, a notification comes at practice time while the app is open', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class FakeNotification {
      static permission = 'granted';
      static requestPermission() { return Promise.resolve('granted'); }
      constructor(title: string, options?: { body?: string }) { shown.push(`${title}: ${options?.body ?? ''}`); }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true });
    if (window.ServiceWorkerRegistration) {
      ServiceWorkerRegistration.prototype.showNotification = function (title: string, options?: NotificationOptions) {
        shown.push(`${title}: ${options?.body ?? ''}`);
        return Promise.resolve();
      };
    }
  });
  const seed = { ...FAMILY, practice_times: [{ hour: 18, minute: 30 }] };
  await openWith(page, seed, '18:28:00', 'settings');
  const reminders = page.getByRole('region', { name: 'Practice reminders' });
  await reminders.getByRole('checkbox', { name: /notify me at practice time/ }).check();
  await expect(page.getByTestId('notify-permission')).toHaveText('Notifications are allowed.');
  const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications);
  expect(await shown()).toEqual([]);
  await page.clock.runFor(3 * 60_000);
  await expect.poll(shown).toEqual(['Time for trust training: Ada, Bean and Cleo are ready for a short, calm session.']);
  // Once per practice time, not on every tick.
  await page.clock.runFor(2 * 60_000);
  expect(await shown()).toHaveLength(1);
  // The choice is stored.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Practice reminders' }).getByRole('checkbox', { name: /notify me/ })).toBeChecked();
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`Today and reminders in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    test('first run, due, all done and settings pass axe at 320 px', async ({ page }) => {
      await openWith(page, null);
      await expectScreenOk(page, 'Today, first run', scheme);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate((d) => {
        for (const [key, value] of Object.entries(d)) localStorage.setItem(key, JSON.stringify(value));
      }, {
        'ratbond/rats': { rats: FAMILY.rats },
        'ratbond/programs': { rats: FAMILY.programs, practice_times: [{ hour: 9, minute: 0 }] },
      });
      await page.reload();
      await expect(cards(page)).toHaveCount(3);
      await expectScreenOk(page, 'Today with rats due', scheme);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(server.url + 'settings');
      await expect(page.getByRole('region', { name: 'Practice reminders' })).toBeVisible();
      await expectScreenOk(page, 'Settings with reminders', scheme);
    });
  });
}

test('links, Back and Forward move between screens without reloading, and the skip link stays on the page', async ({ page }) => {
  await openWith(page, FAMILY);
  // A marker on window survives in-app navigation but not a page load.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Rats' }).click();
  await expect(page).toHaveURL(/\/rats$/);
  await expect(nav.getByRole('link', { name: 'Rats' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Today' })).not.toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: /^Ada/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ada' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Rats' })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page).toHaveURL(/\/rats$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(/\/rats$/);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  // "Skip to content" focuses the main area instead of loading another page.
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await skip.focus();
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/\/rats$/);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});
