// Two tabs of one browser: a change in one shows in the other without a reload; edits to
// different records made at the same time are both kept; for the same record the later write
// wins and the other tab says it was updated.
//
// "At the same time" is acted out by a tab that doesn't hear `storage` events (a listener that
// stops them), so it writes with an old picture of the data, as a tab does when two saves race.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
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

const NOW = new Date('2026-11-20T18:00:00');
const rats = ['Pip', 'Bean'].map((name, i) => ({
  id: `r-${i}`, name, sex: 'female', temperament: 'shy', cage_group: null, known_date: null, notes: '',
  archived: false, created_at: 1, updated_at: 1,
}));
const seed = {
  'ratbond/rats': { rats },
  'ratbond/programs': {
    rats: {
      'r-0': { active: 'offering-treats', started: [['offering-treats', '2026-11-01']], overrides: [], updated_at: 1 },
      'r-1': { active: 'offering-treats', started: [['offering-treats', '2026-11-01']], overrides: [], updated_at: 1 },
    },
  },
};

/** Opens tab A at `pathA` and tab B at `pathB`. Once A has written, B must not reload (that
 * would read the fresh data): it only acts within the page it has. */
async function twoTabs(context: BrowserContext, blindB: boolean, pathA = 'rats', pathB = 'rats'): Promise<[Page, Page]> {
  await context.clock.install({ time: NOW });
  await context.addInitScript((d) => {
    if (localStorage.getItem('ratbond/rats')) return;
    for (const [key, value] of Object.entries(d)) localStorage.setItem(key, JSON.stringify(value));
  }, seed);
  const a = await context.newPage();
  await open(a, pathA);
  const b = await context.newPage();
  if (blindB) {
    await b.addInitScript(() => {
      window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true);
    });
  }
  await open(b, pathB);
  return [a, b];
}

async function open(page: Page, path = '') {
  await page.goto(server.url + path);
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
}

/** From the Rats list, without reloading. */
async function addRat(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rats' }).click();
  await page.getByRole('link', { name: /^Add a(nother)? rat$/ }).first().click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('radio', { name: /^Curious/ }).check();
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function storedNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (JSON.parse(localStorage.getItem('ratbond/rats') ?? '{"rats":[]}').rats as { name: string }[])
      .map((r) => r.name)
      .sort(),
  );
}

/** From Today, already open, without reloading. */
async function logFromToday(page: Page, name: string) {
  await page.getByRole('button', { name: `Start a session with ${name}` }).click();
  await page.getByRole('group', { name: `How did ${name} respond?` }).getByRole('radio', { name: 'Relaxed', exact: true }).check();
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Well done/ })).toBeVisible();
}

test('a rat added in one tab shows in the other without a reload', async ({ context }) => {
  const [a, b] = await twoTabs(context, false);
  await addRat(a, 'Cleo');
  await expect(b.getByRole('link', { name: /Cleo/ })).toBeVisible();
  await expect(b.getByText('Updated from another tab.')).toBeVisible();
});

test('rats added in two tabs at once are both kept', async ({ context }) => {
  const [a, b] = await twoTabs(context, true);
  await addRat(a, 'Cleo');
  // B never heard about Cleo, and saves its own new rat.
  await expect(b.getByRole('link', { name: /Cleo/ })).toHaveCount(0);
  await addRat(b, 'Dot');
  expect(await storedNames(a)).toEqual(['Bean', 'Cleo', 'Dot', 'Pip']);
  // B's save brought Cleo in; A hears about Dot.
  await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rats' }).click();
  await expect(b.getByRole('link', { name: /Cleo/ })).toBeVisible();
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rats' }).click();
  await expect(a.getByRole('link', { name: /Dot/ })).toBeVisible();
});

test('the same rat edited in two tabs: the later save wins and the other tab says so', async ({ context }) => {
  const [a, b] = await twoTabs(context, true, 'rats/r-0/edit', 'rats/r-0/edit');
  await a.getByLabel('Name').fill('Pip from A');
  await a.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Pip from A' })).toBeVisible();
  // B still shows the old Pip and saves later.
  await b.getByLabel('Name').fill('Pip from B');
  await b.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Pip from B' })).toBeVisible();
  expect(await storedNames(a)).toEqual(['Bean', 'Pip from B']);
  // A hears about it.
  await expect(a.getByRole('heading', { level: 1, name: 'Pip from B' })).toBeVisible();
  await expect(a.getByText('Updated from another tab.')).toBeVisible();
});

test('sessions logged in two tabs at once are both kept', async ({ context }) => {
  const [a, b] = await twoTabs(context, true, '', '');
  await logFromToday(a, 'Pip');
  await logFromToday(b, 'Bean');
  await expect(a.getByText('Updated from another tab.')).toBeVisible();
  // Both tabs see both sessions, without a reload.
  for (const page of [a, b]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('session-count')).toHaveText('2');
  }
  await open(b, 'settings');
  await expect(b.getByTestId('session-count')).toHaveText('2');
});

test('rest days set for two rats in two tabs at once are both kept', async ({ context }) => {
  const [a, b] = await twoTabs(context, true, 'rats/r-0', 'rats/r-1');
  await a.getByTestId('rest-today').click();
  await expect(a.getByTestId('rest-today')).not.toHaveText('Rest today');
  // B's picture of the plans is from before A's rest day.
  await b.getByTestId('rest-today').click();
  await expect(b.getByTestId('rest-today')).not.toHaveText('Rest today');
  const rest = await a.evaluate(() => {
    const p = JSON.parse(localStorage.getItem('ratbond/programs') ?? '{}');
    return [p.rats['r-0'].rest?.length ?? 0, p.rats['r-1'].rest?.length ?? 0];
  });
  expect(rest).toEqual([1, 1]);
});
