// The Guide: search, topic chips, deep links to one entry, offline use, the links from a
// session's sign picker and a technique step, and axe + 320 px in light and dark.
// Content comes from src/domain/guide.rs; the page from src/pages/guide.rs.
import { test, expect, type Page } from '@playwright/test';
import { BUILDS, expectScreenOk, requireBuild, startServer, waitForServiceWorkerControl } from './support';

type Server = Awaited<ReturnType<typeof startServer>>;

test.use({ viewport: { width: 390, height: 844 } });

let server: Server;
test.beforeEach(async () => {
  server = await startServer({ root: requireBuild(BUILDS.dist), port: 0 });
});
test.afterEach(async () => {
  await server.close();
});

const TOPICS = ['Body language', 'Treats', 'Handling safely', 'Session tips', 'The four techniques'];

async function open(page: Page, path = '') {
  await page.goto(server.url + path.replace(/^\//, ''));
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Guide' })).toBeVisible();
}

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search the guide' });
const entries = (page: Page) => page.locator('details.guide-entry');
const shownEntries = (page: Page) => page.locator('details.guide-entry:visible');
const entry = (page: Page, id: string) => page.locator(`details.guide-entry#${id}`);
const topicHeadings = (page: Page) => page.getByRole('heading', { level: 2 });
const chip = (page: Page, name: string) =>
  page.getByRole('group', { name: 'Topics' }).getByRole('button', { name, exact: true });
/** The guide's live result line (the app's toast area is a status region too). */
const status = (page: Page) => page.locator('.guide-status').getByRole('status');
const noMatch = (page: Page) => status(page).filter({ hasText: /^No entries match/ });

test('the guide lists all five topics, each entry folded with its summary and mood', async ({ page }) => {
  await open(page, '/guide');
  await expect(topicHeadings(page)).toHaveText(TOPICS);
  const total = await entries(page).count();
  expect(total).toBeGreaterThan(30);
  await expect(shownEntries(page)).toHaveCount(total);
  // Folded: titles and one-line summaries show, bodies don't.
  await expect(page.locator('details.guide-entry[open]')).toHaveCount(0);
  const bruxing = entry(page, 'bruxing');
  await expect(bruxing.locator('summary')).toContainText('Bruxing (teeth grinding)');
  await expect(bruxing.locator('summary')).toContainText('Sign of comfort');
  await expect(bruxing.getByText(/sounds a bit like a cat's purr/)).toBeHidden();
  await expect(entry(page, 'froze').locator('summary')).toContainText('Sign of fear or stress');
  await expect(entry(page, 'good-treats').locator('.mood')).toHaveCount(0);
  // Opening shows the paragraphs.
  await bruxing.locator('summary').click();
  await expect(bruxing.getByText(/sounds a bit like a cat's purr/)).toBeVisible();
  // A technique overview lists its steps as links to the technique page.
  const scent = entry(page, 'scent');
  await scent.locator('summary').click();
  const steps = scent.getByRole('list').getByRole('link');
  await expect(steps.first()).toHaveText('Your scent in the cage');
  expect(await steps.count()).toBeGreaterThanOrEqual(3);
  await scent.getByRole('link', { name: 'Open Scent' }).click();
  await expect(page).toHaveURL(/\/techniques\/scent$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Scent' })).toBeVisible();
  // The technique pages belong to the guide: its tab stays lit there, and Back returns.
  const guideTab = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guide' });
  await expect(guideTab).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page).toHaveURL(/\/guide$/);
  await expect(entry(page, 'scent')).toBeVisible();
});

test('searching as you type, topic chips, and a search with no match', async ({ page }) => {
  await open(page, '/guide');
  const total = await entries(page).count();

  await search(page).fill('teeth');
  await expect(entry(page, 'bruxing')).toBeVisible();
  for (const unrelated of ['good-treats', 'pick-up', 'froze', 'scent']) await expect(entry(page, unrelated)).toBeHidden();
  const found = await shownEntries(page).count();
  expect(found).toBeLessThan(total);
  await expect(status(page)).toHaveText(`Showing ${found} of ${total} entries.`);
  // Topics with no match lose their heading.
  await expect(page.getByRole('heading', { level: 2, name: 'Treats' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Body language' })).toBeVisible();

  // A topic chip narrows to that topic (the search is cleared first).
  await search(page).fill('');
  await expect(shownEntries(page)).toHaveCount(total);
  await chip(page, 'Treats').click();
  await expect(chip(page, 'Treats')).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(page, 'All')).toHaveAttribute('aria-pressed', 'false');
  await expect(topicHeadings(page).filter({ visible: true })).toHaveText(['Treats']);
  await expect(entry(page, 'good-treats')).toBeVisible();
  await expect(entry(page, 'bruxing')).toBeHidden();
  // Search and topic together.
  await search(page).fill('choke');
  await expect(shownEntries(page)).toHaveCount(1);
  await expect(entry(page, 'sticky-foods')).toBeVisible();
  await chip(page, 'All').click();
  await expect(chip(page, 'All')).toHaveAttribute('aria-pressed', 'true');

  // Nonsense: a clear message and a way back.
  await search(page).fill('zzqxv');
  await expect(noMatch(page)).toHaveText('No entries match “zzqxv”.');
  await expect(shownEntries(page)).toHaveCount(0);
  await expect(topicHeadings(page).filter({ visible: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(search(page)).toHaveValue('');
  await expect(search(page)).toBeFocused();
  await expect(noMatch(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clear search' })).toBeHidden();
  await expect(shownEntries(page)).toHaveCount(total);
  await expect(topicHeadings(page)).toHaveText(TOPICS);
});

test('/guide/bruxing opens that entry, scrolled to and focused, and survives a reload', async ({ page }) => {
  await open(page, '/guide/bruxing');
  const bruxing = entry(page, 'bruxing');
  await expect(bruxing).toHaveAttribute('open', '');
  await expect(bruxing.locator('summary')).toBeFocused();
  await expect(bruxing.getByText(/sounds a bit like a cat's purr/)).toBeInViewport();
  await expect(page.locator('details.guide-entry[open]')).toHaveCount(1);

  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  await expect(entry(page, 'bruxing')).toHaveAttribute('open', '');
  await expect(entry(page, 'bruxing').locator('summary')).toBeFocused();

  // An entry far down the page is scrolled into view too.
  await open(page, '/guide/scent');
  await expect(entry(page, 'scent')).toHaveAttribute('open', '');
  await expect(entry(page, 'scent').locator('summary')).toBeInViewport();
  await expect(entry(page, 'scent').locator('summary')).toBeFocused();
  await expect(page.getByText("We couldn't find that entry.", { exact: false })).toBeHidden();

  // An unknown entry: a short note, and the whole guide.
  await open(page, '/guide/no-such-entry');
  await expect(page.getByText("We couldn't find that entry.", { exact: false })).toBeVisible();
  await expect(topicHeadings(page)).toHaveText(TOPICS);
  await expect(page.locator('details.guide-entry[open]')).toHaveCount(0);
});

test('the guide works offline once the service worker controls the page', async ({ page }) => {
  await open(page, '/guide');
  await waitForServiceWorkerControl(page);
  await server.close();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Guide' })).toBeVisible();
  await search(page).fill('teeth');
  await expect(entry(page, 'bruxing')).toBeVisible();
  await expect(entry(page, 'good-treats')).toBeHidden();
  await page.goto(`${server.url}guide/red-tears`);
  await expect(entry(page, 'red-tears')).toHaveAttribute('open', '');
  await expect(entry(page, 'red-tears').getByText(/It looks like dried blood/)).toBeVisible();
});

test("a sign in a session's sign picker links to its guide entry", async ({ page }) => {
  await page.goto(server.url);
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  // A rat on Scent, through the UI as an owner would do it.
  await page.getByRole('link', { name: /^Add (a|your first) rat$/ }).click();
  await page.getByLabel('Name').fill('Pip');
  await page.getByRole('radio', { name: /^Curious/ }).check();
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
  await page.getByRole('link', { name: 'Find a technique' }).click();
  const answers: [RegExp | string, string][] = [
    ['When you put your hand in the cage, what does Pip do?', 'Hides or freezes'],
    ['Does Pip take food from your fingers?', 'Not yet'],
    ['Has Pip been handled before?', "No, or I don't know"],
    [/^Do you have a safe space outside the cage/, 'No'],
  ];
  for (const [question, answer] of answers) {
    await page.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Start Scent' }).click();
  await page.getByRole('region', { name: 'Training' }).getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Training Pip' })).toBeVisible();

  // The step shown links to its technique's overview.
  await expect(page.getByRole('link', { name: 'How Scent works, in the guide (opens a new tab)' })).toHaveAttribute('href', /\/guide\/scent$/);

  const group = page.getByRole('group', { name: 'How did Pip respond?' });
  await group.getByText(/^Signs you saw/).click();
  // The link sits beside the checkbox, not inside its label: ticking still works, and the
  // link doesn't tick it.
  const checkbox = group.getByRole('checkbox', { name: 'Bruxing', exact: true });
  await checkbox.check();
  await expect(checkbox).toBeChecked();
  const about = group.getByRole('link', { name: 'About Bruxing, in a new tab' });
  await expect(about).toHaveAttribute('href', /\/guide\/bruxing$/);
  const box = await about.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await expect(group.getByRole('link', { name: /^About / })).toHaveCount(11);
  // A new tab, so the answers not saved yet stay in the session.
  const opened = page.waitForEvent('popup');
  await about.click();
  const guidePage = await opened;
  await expect(guidePage).toHaveURL(/\/guide\/bruxing$/);
  await expect(entry(guidePage, 'bruxing')).toHaveAttribute('open', '');
  await expect(entry(guidePage, 'bruxing').locator('summary')).toBeFocused();
  await expect(entry(guidePage, 'bruxing').getByText(/sounds a bit like a cat's purr/)).toBeInViewport();
  await guidePage.close();
  await expect(page.getByRole('heading', { level: 1, name: 'Training Pip' })).toBeVisible();
  await expect(checkbox).toBeChecked();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`guide screens pass axe and fit 320 px (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const reset = () => page.setViewportSize({ width: 390, height: 844 });

    await open(page, '/guide');
    await expectScreenOk(page, 'guide', scheme);

    await reset();
    await search(page).fill('treat');
    await chip(page, 'Treats').click();
    await expect(entry(page, 'bruxing')).toBeHidden();
    await expectScreenOk(page, 'guide filtered', scheme);

    await reset();
    await open(page, '/guide/nipped-or-bit');
    await expect(entry(page, 'nipped-or-bit')).toHaveAttribute('open', '');
    await entry(page, 'scent').locator('summary').click();
    await expectScreenOk(page, 'guide entry open', scheme);

    await reset();
    await search(page).fill('zzqxv');
    await expect(noMatch(page)).toBeVisible();
    await expectScreenOk(page, 'guide no match', scheme);
  });
}
