// Rat profiles, whole journeys on a phone-sized screen, against the release build.
import { test, expect, type Page } from '@playwright/test';
import {
  BUILDS,
  expectScreenOk,
  NEXT_VERSION,
  requireBuild,
  startServer,
  waitForServiceWorkerControl,
} from './support';

type Server = Awaited<ReturnType<typeof startServer>>;

test.use({ viewport: { width: 390, height: 844 } });

let server: Server;
test.beforeEach(async () => {
  server = await startServer({ root: requireBuild(BUILDS.dist), port: 0 });
});
test.afterEach(async () => {
  await server.close();
});

async function open(page: Page, path = '') {
  await page.goto(server.url + path.replace(/^\//, ''));
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
}

async function addRat(
  page: Page,
  rat: { name: string; temperament?: string; sex?: string; date?: string; group?: string; notes?: string },
) {
  await page.getByRole('link', { name: /^Add (a|your first) rat$/ }).click();
  await expect(page.getByRole('heading', { name: 'Add a rat' })).toBeVisible();
  await page.getByLabel('Name').fill(rat.name);
  if (rat.sex) await page.getByRole('radio', { name: rat.sex, exact: true }).check();
  await page.getByRole('radio', { name: new RegExp(`^${rat.temperament ?? 'Curious'}`) }).check();
  if (rat.date) await page.getByLabel('Date').fill(rat.date);
  if (rat.group) await page.getByLabel(/Cage group/).fill(rat.group);
  if (rat.notes) await page.getByLabel(/Notes/).fill(rat.notes);
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: rat.name })).toBeVisible();
}


test('a new owner adds, edits, archives and deletes rats, and everything survives a reload', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Ratbond' })).toBeVisible();

  await addRat(page, { name: 'Pip', sex: 'Female', temperament: 'Nervous', date: '2025-06-01', group: 'Big cage', notes: 'Loves peas.' });
  const profile = page.locator('dl.facts').first();
  await expect(profile.getByText('Nervous', { exact: true })).toBeVisible();
  await expect(page.getByText('Loves peas.')).toBeVisible();

  await page.getByRole('link', { name: '‹ Your rats' }).click();
  await addRat(page, { name: 'Squeak', group: 'Big cage' });
  await expect(page.getByText('Big cage — with Pip')).toBeVisible();

  // Edit
  await page.getByRole('link', { name: 'Edit profile' }).click();
  await page.getByLabel('Name').fill('Squeak the Brave');
  await page.getByRole('radio', { name: /^Confident/ }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Squeak the Brave' })).toBeVisible();
  await expect(page.locator('dl.facts').first().getByText('Confident', { exact: true })).toBeVisible();

  // Archive keeps the rat, folded away on the list; the toast can undo it.
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();
  await page.locator('.toast').hover();
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Archived', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Squeak the Brave' })).toBeVisible();
  await page.getByRole('link', { name: '‹ Your rats' }).click();
  const active = page.getByRole('list', { name: 'Active rats' });
  await expect(active.getByRole('link')).toHaveCount(1);
  await expect(active).toContainText('Pip');
  await page.getByText('Archived (1)').click();
  await page.getByRole('list', { name: 'Archived rats' }).getByRole('link', { name: /Squeak the Brave/ }).click();
  await page.getByRole('button', { name: 'Bring back from archive' }).click();
  await expect(page.getByText('Archived', { exact: true })).toHaveCount(0);

  // Delete asks first, then can be undone.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Delete Squeak the Brave?');
  await page.getByRole('button', { name: 'Keep' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Delete Squeak the Brave' }).click();
  await expect(page.getByText('Squeak the Brave was deleted.')).toBeVisible();
  // The pointer on the toast keeps Undo there (it goes after 8 s otherwise: a slow machine).
  await page.locator('.toast').hover();
  await expect(page.getByRole('list', { name: 'Active rats' }).getByRole('link')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('list', { name: 'Active rats' }).getByRole('link')).toHaveCount(2);

  await page.reload();
  await expect(page.getByRole('list', { name: 'Active rats' }).getByRole('link')).toHaveCount(2);

  // A delete without undo stays deleted after a reload.
  await page.getByRole('link', { name: /^Pip/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Delete Pip' }).click();
  await expect(page.getByText('Pip was deleted.')).toBeVisible();
  await page.reload();
  const names = page.getByRole('list', { name: 'Active rats' });
  await expect(names.getByRole('link')).toHaveCount(1);
  await expect(names).toContainText('Squeak the Brave');
  await expect(names).not.toContainText('Pip');
});

test('form errors are shown next to the field and nothing half-valid is saved', async ({ page }) => {
  await open(page, '/rats/new');
  await page.getByRole('button', { name: 'Save rat' }).click();
  const name = page.getByLabel('Name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#rat-name-error')).toHaveText('Please give your rat a name.');
  // Temperament is asked, never guessed: it steers which technique the coach suggests.
  const temperament = page.getByRole('group', { name: 'Temperament' });
  await expect(temperament.getByRole('radio')).toHaveCount(4);
  await expect(temperament.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(temperament).toHaveAccessibleDescription(/Pick the one closest to how your rat acts now\./);
  await expect(name).toBeFocused();

  await name.fill('a'.repeat(41));
  await page.getByLabel('Date').fill('2999-01-01');
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.locator('#rat-name-error')).toHaveText('Names can be up to 40 characters. This one has 41.');
  await expect(page.locator('#rat-date-error')).toHaveText('This date is in the future. Pick today or earlier.');
  await expect(page.getByRole('heading', { name: 'Add a rat' })).toBeVisible();

  await name.fill('a'.repeat(40));
  await page.getByLabel('Date').fill('2025-01-01');
  await page.getByRole('radio', { name: /^Curious/ }).check();
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'a'.repeat(40) })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'a'.repeat(40) })).toBeVisible();
});

test('a second rat with the same name is allowed, with a gentle warning', async ({ page }) => {
  await open(page);
  await addRat(page, { name: 'Pip' });
  await page.getByRole('link', { name: '‹ Your rats' }).click();
  await page.getByRole('link', { name: 'Add a rat' }).click();
  await page.getByLabel('Name').fill('  pip ');
  await expect(page.locator('#rat-name-warning')).toContainText('You already have a rat called pip');
  await page.getByRole('radio', { name: /^Curious/ }).check();
  await page.getByRole('button', { name: 'Save rat' }).click();
  await page.getByRole('link', { name: '‹ Your rats' }).click();
  await expect(page.getByRole('list', { name: 'Active rats' }).getByRole('link')).toHaveCount(2);
});

test('markup in a name is shown as text', async ({ page }) => {
  await open(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await addRat(page, { name: '<img src=x onerror=alert(1)>' });
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a rat added offline is still there after another reload', async ({ page }) => {
  await open(page);
  await waitForServiceWorkerControl(page);
  await server.close();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Ratbond' })).toBeVisible();
  await addRat(page, { name: 'Offline Olive' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Offline Olive' })).toBeVisible();
  await page.goto(server.url + 'settings');
  await expect(page.getByTestId('rat-count')).toHaveText('1 active, 0 archived');
});

test('a new version offers a reload, and the data is intact after it', async ({ page }) => {
  expect(NEXT_VERSION, 'scripts/test.sh exports RATBOND_NEXT_VERSION').not.toBe('');
  requireBuild(BUILDS.next);
  await open(page);
  await addRat(page, { name: 'Pip' });
  await waitForServiceWorkerControl(page);
  await page.goto(server.url + 'settings');
  const oldVersion = await page.getByTestId('app-version').textContent();
  expect(oldVersion).not.toBe(NEXT_VERSION);

  server.setRoot(BUILDS.next);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
  await expect(page.getByText('A new version of Ratbond is ready.')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('app-version')).toHaveText(NEXT_VERSION, { timeout: 20_000 });
  await expect(page.getByText('A new version of Ratbond is ready.')).toHaveCount(0);
  await expect(page.getByTestId('rat-count')).toHaveText('1 active, 0 archived');
});

test('unreadable saved data is kept aside, explained, and downloadable', async ({ page }) => {
  await open(page);
  await addRat(page, { name: 'Pip' });
  await page.evaluate(() => localStorage.setItem('ratbond/rats', '{"rats": [ broken'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  // Not "no such rat", nor the first-run welcome: the rats aren't gone, and a backup brings
  // them back.
  const unreadable = page.getByRole('heading', { level: 1, name: "Your rats couldn't be read" });
  await expect(unreadable).toBeVisible();
  for (const screen of ['Today', 'Rats']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
    await expect(unreadable).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Welcome to Ratbond' })).toHaveCount(0);
  }
  await expectScreenOk(page, 'rats could not be read', 'light');
  await page.getByRole('region', { name: "Your rats couldn't be read" }).getByRole('link', { name: 'Restore from a backup' }).click();
  await expect(page.getByRole('region', { name: 'Restore' })).toBeFocused();
  await page.getByRole('link', { name: 'See details' }).click();
  await expect(page.getByRole('heading', { name: 'Data kept aside' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download raw text' }).click();
  const file = await download;
  const stream = await file.createReadStream();
  let text = '';
  for await (const chunk of stream) text += chunk;
  expect(text).toBe('{"rats": [ broken');
  // The rest of the app still works.
  await page.getByRole('link', { name: 'Rats' }).click();
  await addRat(page, { name: 'Fresh start' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Fresh start' })).toBeVisible();
});

test('without storage the app runs in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await open(page);
  await expect(page.getByRole('status').filter({ hasText: "won't let Ratbond save" })).toBeVisible();
  await addRat(page, { name: 'Pip' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('storage-mode')).toContainText('Only in memory');
});

const screens: { name: string; setup: (page: Page) => Promise<void> }[] = [
  { name: 'empty rats list', setup: async (page) => open(page) },
  {
    name: 'form with errors',
    setup: async (page) => {
      await open(page, '/rats/new');
      await page.getByLabel('Date').fill('2999-01-01');
      await page.getByRole('button', { name: 'Save rat' }).click();
      await expect(page.locator('#rat-name-error')).not.toBeEmpty();
    },
  },
  {
    name: 'filled rats list',
    setup: async (page) => {
      await open(page);
      await addRat(page, { name: 'Pip', temperament: 'Shy', date: '2025-03-01', group: 'Big cage', notes: 'Likes peas' });
      await page.getByRole('link', { name: '‹ Your rats' }).click();
      await addRat(page, { name: 'Squeak', group: 'Big cage' });
      await page.getByRole('button', { name: 'Archive' }).click();
      await page.getByRole('link', { name: '‹ Your rats' }).click();
      await page.getByText('Archived (1)').click();
    },
  },
  {
    name: 'rat page with delete confirmation',
    setup: async (page) => {
      await open(page);
      await addRat(page, { name: 'Pip', notes: 'Likes peas' });
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
    },
  },
  {
    name: 'undo toast',
    setup: async (page) => {
      await open(page);
      await addRat(page, { name: 'Pip' });
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('button', { name: 'Delete Pip' }).click();
      await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
    },
  },
  {
    name: 'duplicate-name warning',
    setup: async (page) => {
      await open(page);
      await addRat(page, { name: 'Pip' });
      await page.goto(server.url + 'rats/new');
      await page.getByLabel('Name').fill('Pip');
      await expect(page.locator('#rat-name-warning')).not.toBeEmpty();
    },
  },
  { name: 'settings', setup: async (page) => open(page, '/settings') },
  {
    name: 'settings with data kept aside',
    setup: async (page) => {
      await open(page);
      await page.evaluate(() => localStorage.setItem('ratbond/rats', 'nope'));
      await page.goto(server.url + 'settings');
      await expect(page.getByRole('heading', { name: 'Data kept aside' })).toBeVisible();
    },
  },
  { name: 'not found', setup: async (page) => open(page, '/no/such/page') },
  { name: 'missing rat', setup: async (page) => open(page, '/rats/nobody') },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`every screen in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const screen of screens) {
      test(`${screen.name}: no axe violations, no sideways scroll at 320 px`, async ({ page }) => {
        await screen.setup(page);
        await expectScreenOk(page, screen.name, scheme);
      });
    }
  });
}

test('every button and link on the main screens is at least 44 px tall', async ({ page }) => {
  await open(page);
  await addRat(page, { name: 'Pip' });
  for (const path of ['', 'rats/new', 'settings']) {
    // The app's screen, not index.html's start-up screen (which would pass on its own).
    await open(page, path);
    await expect(page.locator('#boot')).toHaveCount(0);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main a, main button, nav a, input[type=radio]')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => {
          const target = el.matches('input[type=radio]') ? el.closest('label') ?? el : el;
          const box = target.getBoundingClientRect();
          return { text: (target.textContent ?? '').trim().slice(0, 30), h: box.height };
        })
        .filter((t) => t.h < 44),
    );
    expect(small, `small targets on /${path}`).toEqual([]);
  }
});
