// The training coach, whole journeys on a phone-sized screen, against the release build:
// the chooser, sessions day by day (a controlled clock moves the app's `today()`), the
// progression rules moving rats up and back, group sessions, the stored timer, editing
// and deleting sessions, and an axe scan of every coach screen in light and dark.
//
// The day-by-day journeys follow the rule data in src/domain/technique.rs; the comments
// next to each day say which rule makes the coach decide what the test expects.
import { test, expect, type Locator, type Page } from '@playwright/test';
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

// ---------------------------------------------------------------------------------------
// Time. Day 0 is Monday 2 November 2026; the owner trains in the evening.

const DAY0 = '2026-11-02';

/** Local time on day `n` (0 = DAY0), as the browser's `Date` will see it. */
function dayAt(n: number, time = '18:00:00'): Date {
  const d = new Date(`${DAY0}T${time}`);
  d.setDate(d.getDate() + n);
  return d;
}

/** "4 November 2026" for day 2: a day in records, as Intl writes it for en-GB. */
function longDay(n: number): string {
  return dayAt(n, '12:00:00').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** "4 Nov 2026" for day 2: a day in the history list, as Intl writes it for en-GB. */
function shortDay(n: number): string {
  return dayAt(n, '12:00:00').toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

async function waitReady(page: Page) {
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
}

async function open(page: Page, path = '') {
  await page.goto(server.url + path.replace(/^\//, ''));
  await waitReady(page);
}

/** Installs the fake clock at day 0 (or `start`), then opens the app. */
async function openAt(page: Page, path = '', start: Date = dayAt(0)) {
  await page.clock.install({ time: start });
  await open(page, path);
}

/** The clock jumps to day `n` (same evening hour) and the page reloads, so `today()` moves. */
async function goToDay(page: Page, n: number, time = '18:00:00') {
  await page.clock.setSystemTime(dayAt(n, time));
  await page.reload();
  await waitReady(page);
}

// ---------------------------------------------------------------------------------------
// Rats and the chooser.

async function addRat(
  page: Page,
  rat: { name: string; temperament?: string; sex?: string; group?: string },
) {
  await page.getByRole('link', { name: /^Add (a|your first) rat$/ }).click();
  await expect(page.getByRole('heading', { name: 'Add a rat' })).toBeVisible();
  await page.getByLabel('Name').fill(rat.name);
  if (rat.sex) await page.getByRole('radio', { name: rat.sex, exact: true }).check();
  await page.getByRole('radio', { name: new RegExp(`^${rat.temperament ?? 'Curious'}`) }).check();
  if (rat.group) await page.getByLabel(/Cage group/).fill(rat.group);
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: rat.name })).toBeVisible();
}

type Answers = { hand: string; food: string; handled: string; space: 'Yes' | 'No' };

/** The chooser's questions as the page words them for `name` (src/domain/chooser.rs). */
function question(page: Page, name: string, key: keyof Answers | 'temperament'): Locator {
  const legends: Record<keyof Answers | 'temperament', string | RegExp> = {
    hand: `When you put your hand in the cage, what does ${name} do?`,
    food: `Does ${name} take food from your fingers?`,
    handled: `Has ${name} been handled before?`,
    space: /^Do you have a safe space outside the cage/,
    temperament: `How would you describe ${name}?`,
  };
  return page.getByRole('group', { name: legends[key] });
}

async function answerChooser(page: Page, name: string, answers: Answers) {
  for (const key of ['hand', 'food', 'handled', 'space'] as const) {
    await question(page, name, key).getByRole('radio', { name: answers[key], exact: true }).check();
  }
}

/** From the rat's page: the chooser, answered, then "Start <recommended>". */
async function startRecommended(page: Page, name: string, answers: Answers, technique: string) {
  await page.getByRole('link', { name: 'Find a technique' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Find a technique for ${name}` })).toBeVisible();
  await answerChooser(page, name, answers);
  await page.getByRole('button', { name: `Start ${technique}` }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(training(page).getByRole('heading', { level: 3 })).toHaveText(new RegExp(`^Step 1 of \\d: `));
}

/** A nervous rat that hides from hands: the chooser's path to Scent. */
const HIDES: Answers = { hand: 'Hides or freezes', food: 'Not yet', handled: "No, or I don't know", space: 'No' };
/** A rat that watches and sometimes takes food: Offering treats. */
const WATCHES: Answers = { hand: 'Watches from a distance', food: 'Sometimes', handled: 'A little', space: 'No' };

async function newRatOnScent(page: Page, name = 'Pip') {
  await addRat(page, { name, temperament: 'Nervous' });
  await startRecommended(page, name, HIDES, 'Scent');
}

// ---------------------------------------------------------------------------------------
// The rat's page.

function training(page: Page): Locator {
  return page.getByRole('region', { name: 'Training' });
}

function history(page: Page): Locator {
  return page.getByRole('region', { name: 'History' });
}

/** The logged sessions in History (each row links to its edit page). */
function historySessions(page: Page): Locator {
  return history(page).getByRole('listitem').filter({ has: page.getByRole('link') });
}

async function expectStep(page: Page, heading: string, tally?: string) {
  await expect(training(page).getByRole('heading', { level: 3 })).toHaveText(heading);
  if (tally) await expect(training(page).getByText(/good sessions ·/)).toHaveText(tally);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ladder, one status per step: ['Done', 'Now', 'Ahead', ...]. */
async function expectLadder(page: Page, technique: string, steps: [string, string][]) {
  const items = training(page).getByRole('list', { name: `${technique} steps` }).getByRole('listitem');
  await expect(items).toHaveText(steps.map(([status, title]) => new RegExp(`^${status}\\s*${escape(title)}$`)));
  const now = steps.findIndex(([status]) => status === 'Now');
  if (now >= 0) await expect(items.nth(now)).toHaveAttribute('aria-current', 'step');
  await expect(training(page).locator('[aria-current="step"]')).toHaveCount(now >= 0 ? 1 : 0);
}

const SCENT = ['Your scent in the cage', 'Hands near, no touching', 'Treats from your hand', 'Gentle petting'];

function ladder(statuses: string[], titles = SCENT): [string, string][] {
  return statuses.map((s, i) => [s, titles[i]]);
}

// ---------------------------------------------------------------------------------------
// Sessions.

type Log = { response: string; signs?: string[] };

function responseGroup(page: Page, name: string): Locator {
  return page.getByRole('group', { name: `How did ${name} respond?` });
}

async function fillOutcome(page: Page, name: string, log: Log) {
  const group = responseGroup(page, name);
  await group.getByRole('radio', { name: log.response, exact: true }).check();
  if (log.signs?.length) {
    // A step's goal sign ("Took a treat") is asked in the open; the others are folded away.
    let inFold = 0;
    for (const sign of log.signs) {
      const box = group.getByRole('checkbox', { name: sign, exact: true });
      if (!(await box.isVisible())) {
        await group.getByText(/^Signs you saw/).click();
        await expect(box).toBeVisible();
      }
      if (await box.evaluate((el) => el.closest('details') !== null)) inFold++;
      await box.check();
    }
    await expect(group.getByText(/^Signs you saw/)).toHaveText(inFold ? `Signs you saw (${inFold})` : 'Signs you saw (optional)');
  }
}

function advice(page: Page, name: string): Locator {
  return page.getByRole('region', { name: `Advice for ${name}` });
}

async function expectAdvice(page: Page, name: string, headline: string, reason?: string) {
  const card = advice(page, name);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(headline);
  if (reason) await expect(card.getByText(reason, { exact: true })).toBeVisible();
}

/** From the rat's page: one session for `name` alone, saved; leaves the results showing. */
async function logSession(page: Page, name: string, log: Log) {
  await training(page).getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Training ${name}` })).toBeVisible();
  await fillOutcome(page, name, log);
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: thanks(log) })).toBeVisible();
  // The running screen is hidden at once and gone after the next frame.
  await expect(page.locator('.session-page')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
}

/** A whole session: log it, check the advice, go back to the rat's page. */
async function session(page: Page, name: string, log: Log, headline: string, reason?: string) {
  await logSession(page, name, log);
  await expectAdvice(page, name, headline, reason);
  await page.getByRole('link', { name: `Back to ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** "1:02:05" or "2:03" → seconds. */
function clockSeconds(text: string | null): number {
  const parts = (text ?? '').trim().split(':').map(Number);
  if (parts.length < 2 || parts.some((p) => !Number.isInteger(p))) throw new Error(`not a clock: ${text}`);
  return parts.reduce((total, p) => total * 60 + p, 0);
}

async function timerSeconds(page: Page): Promise<number> {
  return clockSeconds(await page.getByRole('timer').textContent());
}

const STRESS = ['Froze', 'Hid', 'Squeaked', 'Nipped or bit', 'Red tears (porphyrin)'];

/** The results' heading: no praise after a session where the rat was scared or stressed. */
function thanks(log: Log): string {
  const hard = ['Hid or fled', 'Froze or tense'].includes(log.response) || (log.signs ?? []).some((s) => STRESS.includes(s));
  return hard ? 'Thank you for going gently' : 'Well done, both of you';
}

const RELAXED: Log = { response: 'Relaxed' };
const HID: Log = { response: 'Hid or fled' };
const TREAT: Log = { response: 'Relaxed', signs: ['Took a treat'] };
const STAY = 'Stay on this step';

// ---------------------------------------------------------------------------------------

test('a nervous rat goes from the chooser through Scent, up and back, to mastery', async ({ page }) => {
  test.setTimeout(300_000);
  await openAt(page);
  await addRat(page, { name: 'Pip', sex: 'Female', temperament: 'Nervous' });

  // The chooser: the temperament comes from the profile, the rest is asked.
  await expect(training(page)).toContainText("Pip doesn't have a technique yet.");
  await page.getByRole('link', { name: 'Find a technique' }).click();
  await expect(page).toHaveURL(/\/rats\/[^/]+\/choose$/);
  await expect(question(page, 'Pip', 'temperament').getByRole('radio', { name: 'Nervous', exact: true })).toBeChecked();
  await expect(page.getByText('Answer every question to see what we suggest.')).toBeVisible();
  await expect(page.getByText('Our suggestion')).toHaveCount(0);
  await question(page, 'Pip', 'hand').getByRole('radio', { name: 'Hides or freezes' }).check();
  await question(page, 'Pip', 'food').getByRole('radio', { name: 'Not yet' }).check();
  await question(page, 'Pip', 'handled').getByRole('radio', { name: "No, or I don't know" }).check();
  await expect(page.getByText('Our suggestion')).toHaveCount(0);
  await question(page, 'Pip', 'space').getByRole('radio', { name: 'No', exact: true }).check();

  const rec = page.getByRole('region', { name: 'Scent', exact: true });
  await expect(rec.getByText('Our suggestion')).toBeVisible();
  await expect(rec.getByText('Scent first: Pip hides or freezes when your hand comes near.', { exact: true })).toBeVisible();
  const others = page.getByRole('region', { name: 'Or choose another' });
  await expect(others.getByRole('button')).toHaveText(['Choose Offering treats', 'Choose Bonding', 'Choose Neutral space']);
  await rec.getByRole('button', { name: 'Start Scent' }).click();

  // Day 0, on the first step. Scent's tissue step: 3 good sessions on 3 days, 3 days at least.
  await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
  await expect(page.getByText('Pip is now on Scent.')).toBeVisible();
  await expectStep(page, 'Step 1 of 4: Your scent in the cage', '0 of 3 good sessions · 0 of 3 days');
  await expect(training(page).getByText('Start with “Your scent in the cage”. Keep it short and calm, once a day or more.')).toBeVisible();
  await expect(training(page).getByText(`Ready to move on from ${longDay(2)} at the earliest.`)).toBeVisible();
  await expectLadder(page, 'Scent', ladder(['Now', 'Ahead', 'Ahead', 'Ahead']));
  await expect(history(page)).toContainText('No sessions yet.');

  await session(page, 'Pip', RELAXED, STAY, 'Good session for Pip: 1 of 3 so far, on 1 of 3 different days.');
  await expectStep(page, 'Step 1 of 4: Your scent in the cage', '1 of 3 good sessions · 1 of 3 days');

  await goToDay(page, 1);
  await expect(training(page).getByText('Pip needs 2 more good sessions here, spread over 2 more days.')).toBeVisible();
  await session(page, 'Pip', RELAXED, STAY, 'Good session for Pip: 2 of 3 so far, on 2 of 3 different days.');

  // Day 2: the third good day, and the third day on the step: up.
  await goToDay(page, 2);
  await session(
    page,
    'Pip',
    RELAXED,
    'Move up: step 2, “Hands near, no touching”',
    'Pip was relaxed on 3 different days. Ready for the next step: “Hands near, no touching”.',
  );
  await expectStep(page, 'Step 2 of 4: Hands near, no touching', '0 of 3 good sessions · 0 of 3 days');
  await expectLadder(page, 'Scent', ladder(['Done', 'Now', 'Ahead', 'Ahead']));
  await expect(history(page).getByRole('listitem').first()).toContainText('Move up: step 2, “Hands near, no touching”');

  // Hands near: again 3 good sessions on 3 days, and 3 days on the step (days 2, 3, 4).
  await session(page, 'Pip', RELAXED, STAY, 'Good session for Pip: 1 of 3 so far, on 1 of 3 different days.');
  await goToDay(page, 3);
  await session(page, 'Pip', { response: 'Came to you' }, STAY, 'Good session for Pip: 2 of 3 so far, on 2 of 3 different days.');
  await goToDay(page, 4);
  await session(page, 'Pip', RELAXED, 'Move up: step 3, “Treats from your hand”');
  await expectStep(page, 'Step 3 of 4: Treats from your hand', '0 of 3 good sessions · 0 of 2 days');
  await expectLadder(page, 'Scent', ladder(['Done', 'Done', 'Now', 'Ahead']));

  // Treats: fear in 2 of the last 3 sessions steps back to hands-near, for 2 days.
  await session(page, 'Pip', HID, STAY, 'Pip was scared today. That happens. Keep the next session short and easy.');
  await session(
    page,
    'Pip',
    HID,
    'Step back to step 2, “Hands near, no touching”, for 2 days',
    'Pip was scared in the last 2 sessions. Go back to “Hands near, no touching” for 2 days, then try again.',
  );
  await expectStep(page, 'Step 2 of 4: Hands near, no touching', '0 of 2 good sessions · 0 of 2 days');
  await expectLadder(page, 'Scent', ladder(['Done', 'Now', 'Ahead', 'Ahead']));
  await expect(training(page).getByText('Pip is on an easier step for 2 more days. Keep it calm and fun.')).toBeVisible();
  await expect(history(page).getByRole('listitem').first()).toContainText(
    'Step back to step 2, “Hands near, no touching”, for 2 days',
  );
  await page.reload();
  await waitReady(page);
  await expectStep(page, 'Step 2 of 4: Hands near, no touching');

  // Back on the easier step until day 6, with 2 good days there: then up again.
  await goToDay(page, 5);
  await session(
    page,
    'Pip',
    RELAXED,
    STAY,
    'Pip was calm today. One more calm day here, then try “Treats from your hand” again.',
  );
  await goToDay(page, 6);
  await session(
    page,
    'Pip',
    RELAXED,
    'Move up: step 3, “Treats from your hand”',
    'Pip was calm again on the easier step. Try “Treats from your hand” again.',
  );
  await expectStep(page, 'Step 3 of 4: Treats from your hand', '0 of 3 good sessions · 0 of 2 days');

  // Treats only count when the treat was taken (needs_sign: TookTreat); 3 on 2 days.
  await session(page, 'Pip', RELAXED, STAY, 'Pip was relaxed, which is lovely. A session counts here when Pip also takes a treat.');
  await expectStep(page, 'Step 3 of 4: Treats from your hand', '0 of 3 good sessions · 0 of 2 days');
  await session(page, 'Pip', TREAT, STAY, 'Good session for Pip: 1 of 3 so far, on 1 of 2 different days.');
  await session(page, 'Pip', TREAT, STAY, 'Good session for Pip: 2 of 3 so far, on 1 of 2 different days.');
  await goToDay(page, 7);
  await session(
    page,
    'Pip',
    TREAT,
    'Move up: step 4, “Gentle petting”',
    'Pip was relaxed on 2 different days. Ready for the next step: “Gentle petting”.',
  );
  await expectStep(page, 'Step 4 of 4: Gentle petting', '0 of 4 good sessions · 0 of 3 days');
  await expectLadder(page, 'Scent', ladder(['Done', 'Done', 'Done', 'Now']));

  // Petting: 4 good sessions on 3 days, 3 days on the step (days 7, 8, 9).
  await session(page, 'Pip', RELAXED, STAY, 'Good session for Pip: 1 of 4 so far, on 1 of 3 different days.');
  await goToDay(page, 8);
  await session(page, 'Pip', RELAXED, STAY, 'Good session for Pip: 2 of 4 so far, on 2 of 3 different days.');
  await goToDay(page, 9);
  await session(page, 'Pip', RELAXED, STAY, 'Good session for Pip: 3 of 4 so far, on 3 of 3 different days.');
  await session(
    page,
    'Pip',
    { response: 'Came to you', signs: ['Sniffed or licked my hand'] },
    'Scent mastered!',
    'Pip has mastered Scent! Next, try Offering treats for handling outside the cage.',
  );

  // Mastered: the ladder is all done, and the coach suggests what comes next.
  await expect(training(page).getByRole('heading', { level: 3 })).toHaveText('Scent mastered');
  await expect(training(page).getByText(/good sessions ·/)).toHaveCount(0);
  await expectLadder(page, 'Scent', ladder(['Done', 'Done', 'Done', 'Done']));
  await expect(history(page).getByRole('listitem').first()).toContainText('Scent mastered!');
  await expect(historySessions(page)).toHaveCount(18);

  // Practice after mastery: no step left to stay on or days to wait, only more of the same.
  await training(page).getByRole('button', { name: 'Start a session' }).click();
  const guide = page.getByRole('region', { name: /^Scent mastered · practising step 4/ });
  await expect(guide.locator('.step-meta')).toHaveText(/^\S.* a session$/);
  await expect(page.getByText(/on this step/)).toHaveCount(0);
  await fillOutcome(page, 'Pip', RELAXED);
  await page.getByRole('button', { name: 'Save session' }).click();
  await expectAdvice(page, 'Pip', 'Keep practising gently', 'Pip has mastered Scent. Keep sessions short and fun.');
  await page.getByRole('link', { name: 'Back to Pip' }).click();
  await expect(historySessions(page)).toHaveCount(19);
  await page.reload();
  await waitReady(page);
  await expect(training(page).getByRole('heading', { level: 3 })).toHaveText('Scent mastered');
  await training(page).getByRole('button', { name: 'Go on with Offering treats' }).click();
  await expectStep(page, 'Step 1 of 5: Treat from your fingers', '0 of 3 good sessions · 0 of 2 days');
  await expect(training(page).getByRole('link', { name: 'Offering treats' })).toBeVisible();
});

test('cage mates train together and each gets their own advice', async ({ page }) => {
  test.setTimeout(120_000);
  await openAt(page);
  await addRat(page, { name: 'Pip', temperament: 'Curious', group: 'Big cage' });
  await startRecommended(page, 'Pip', WATCHES, 'Offering treats');
  await page.getByRole('link', { name: '‹ Your rats' }).click();
  await addRat(page, { name: 'Bo', temperament: 'Shy', group: 'Big cage' });
  await expect(training(page).getByRole('checkbox', { name: 'Also Pip' })).toHaveCount(0); // Bo has no technique yet
  await startRecommended(page, 'Bo', WATCHES, 'Offering treats');
  await expect(training(page).getByRole('group', { name: 'Train cage mates together' })).toBeVisible();
  await expect(training(page).getByRole('checkbox', { name: 'Also Pip' })).not.toBeChecked();
  await page.getByRole('link', { name: '‹ Your rats' }).click();
  await page.getByRole('link', { name: /^Pip/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();

  // Offering treats, step 1: 3 good sessions (treat taken) on 2 days, 2 days at least.
  // Fear on the first step can't step back, so Bo stays.
  const together = async (bo: string, pip: string, boReason?: string, pipReason?: string) => {
    await training(page).getByRole('checkbox', { name: 'Also Bo' }).check();
    await training(page).getByRole('button', { name: 'Start a session' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Training Pip and Bo' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Offering treats: step 1 of 5 · Pip and Bo: Treat from your fingers' })).toBeVisible();
    const save = page.getByRole('button', { name: 'Save session' });
    await expect(save).toHaveClass(/button-waiting/);
    // The treat is this step's goal, so it is asked in the open, for each rat.
    for (const name of ['Pip', 'Bo']) {
      const took = responseGroup(page, name).getByRole('checkbox', { name: 'Took a treat', exact: true });
      await expect(took).toBeVisible();
      await expect(took).toHaveAccessibleDescription(`This step counts a session when ${name} takes a treat.`);
    }
    await fillOutcome(page, 'Pip', TREAT);
    // Save says which rat is still to answer, and goes there.
    await save.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Choose how Bo responded.' })).toBeVisible();
    await expect(responseGroup(page, 'Bo')).toBeFocused();
    await fillOutcome(page, 'Bo', HID);
    await expect(save).not.toHaveClass(/button-waiting/);
    await save.click();
    // Bo hid, so no "well done".
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you for going gently' })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Advice for / })).toHaveCount(2);
    await expectAdvice(page, 'Pip', pip, pipReason);
    await expectAdvice(page, 'Bo', bo, boReason);
    // A way back to each rat.
    await expect(page.getByRole('link', { name: 'Back to Bo' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to Pip' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
  };

  await together(STAY, STAY, 'Bo was scared today. That happens. Keep the next session short and easy.', 'Good session for Pip: 1 of 3 so far, on 1 of 2 different days.');
  await together(
    STAY,
    STAY,
    'Bo was scared in the last 2 sessions. This is the first step, so stay here and go gently: shorter sessions, more distance. Bo needs more time, and that is normal.',
    'Good session for Pip: 2 of 3 so far, on 1 of 2 different days.',
  );
  await goToDay(page, 1);
  await together(
    STAY,
    'Move up: step 2, “Come to your hand”',
    undefined,
    'Pip was relaxed on 2 different days. Ready for the next step: “Come to your hand”.',
  );

  await expectStep(page, 'Step 2 of 5: Come to your hand', '0 of 3 good sessions · 0 of 2 days');
  await expect(historySessions(page)).toHaveCount(3);
  await expect(historySessions(page).first()).toContainText('Offering treats, step 1 · Relaxed');
  await page.getByRole('link', { name: '‹ Your rats' }).click();
  await page.getByRole('link', { name: /^Bo/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bo' })).toBeVisible();
  await expectStep(page, 'Step 1 of 5: Treat from your fingers', '0 of 3 good sessions · 0 of 2 days');
  await expect(historySessions(page)).toHaveCount(3);
  await expect(historySessions(page)).toContainText(Array(3).fill('Offering treats, step 1 · Hid or fled'));

  // Now on different steps: each step's guide says whose it is.
  await training(page).getByRole('checkbox', { name: 'Also Pip' }).check();
  await training(page).getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByRole('region', { name: 'Offering treats: step 1 of 5 · Bo: Treat from your fingers' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Offering treats: step 2 of 5 · Pip: Come to your hand' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel session' }).click();
  await page.getByRole('alertdialog', { name: 'Cancel this session?' }).getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bo' })).toBeVisible();

  // Deleting a shared session says it leaves both rats' histories.
  await historySessions(page).first().getByRole('link').click();
  await page.getByRole('button', { name: 'Delete session' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this session?' });
  await expect(confirm).toContainText('Pip and Bo trained together, so this removes it from each of their histories.');
  await confirm.getByRole('button', { name: 'Keep' }).click();
  await expect(confirm).toHaveCount(0);
});

test('a running timer survives a reload and moving around, and pausing keeps the time', async ({ page }) => {
  await openAt(page);
  await newRatOnScent(page);
  await training(page).getByRole('button', { name: 'Start a session' }).click();
  await expect(page).toHaveURL(/\/session$/);
  expect(await timerSeconds(page)).toBeLessThan(60);

  await page.clock.fastForward('02:00');
  await expect.poll(() => timerSeconds(page)).toBeGreaterThanOrEqual(120);
  await page.reload();
  await waitReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Training Pip' })).toBeVisible();
  await expect.poll(() => timerSeconds(page)).toBeGreaterThanOrEqual(120);
  expect(await timerSeconds(page)).toBeLessThan(180);

  // Elsewhere in the app, a banner leads back to it.
  const banner = page.getByRole('status').filter({ hasText: 'A session is running.' });
  await expect(banner).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rats' }).click();
  await expect(banner).toBeVisible();
  await page.getByRole('link', { name: /^Pip/ }).click();
  await expect(training(page).getByRole('button', { name: 'Back to the running session' })).toBeVisible();
  await banner.getByRole('link', { name: 'Back to it' }).click();
  await expect(page).toHaveURL(/\/session$/);
  await expect(banner).toHaveCount(0);
  await expect.poll(() => timerSeconds(page)).toBeGreaterThanOrEqual(120);

  // Pause: the time stands still, also across a reload; resume: it runs on from there.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused.', { exact: true })).toBeVisible();
  const atPause = await timerSeconds(page);
  expect(atPause).toBeGreaterThanOrEqual(120);
  await page.clock.fastForward('05:00');
  await page.waitForTimeout(1_500); // a tick or two of the screen's 1 s clock
  expect(await timerSeconds(page)).toBe(atPause);
  await page.reload();
  await waitReady(page);
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  expect(await timerSeconds(page)).toBe(atPause);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.clock.fastForward('00:30');
  await expect.poll(() => timerSeconds(page)).toBeGreaterThanOrEqual(atPause + 30);
  // Far below atPause + 300 (the paused 5 minutes), with room for a slow machine's real seconds.
  expect(await timerSeconds(page)).toBeLessThan(atPause + 120);

  // The logged length is the running time without the pause.
  await fillOutcome(page, 'Pip', RELAXED);
  await page.getByRole('button', { name: 'Save session' }).click();
  const logged = page.getByText(/^\d+:\d\d logged\./);
  await expect(logged).toBeVisible();
  const secs = clockSeconds((await logged.textContent())!.split(' ')[0]);
  expect(secs).toBeGreaterThanOrEqual(atPause + 30);
  expect(secs).toBeLessThan(atPause + 120);
});

test('cancelling a session asks first, logs nothing, and training starts again from the same step', async ({ page }) => {
  await openAt(page);
  await newRatOnScent(page);
  await training(page).getByRole('button', { name: 'Start a session' }).click();
  await expect(page).toHaveURL(/\/session$/);

  // A slip of the thumb is harmless: the question comes first, and "Keep going" keeps the timer.
  await page.getByRole('button', { name: 'Cancel session' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Cancel this session?' });
  await expect(ask).toHaveAccessibleDescription('Nothing from it will be saved.');
  await expect(ask.getByRole('button', { name: 'Yes, cancel it' })).toBeFocused();
  await ask.getByRole('button', { name: 'Keep going' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole('timer')).toBeVisible();

  await page.getByRole('button', { name: 'Cancel session' }).click();
  await ask.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page).toHaveURL(/\/rats\/[^/]+$/);
  await expect(page.getByText('The session was not logged.')).toBeVisible();
  await page.reload();
  await waitReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'A session is running.' })).toHaveCount(0);
  await expect(training(page).getByRole('heading', { level: 3 })).toHaveText(/^Step 1 of \d+/);
  await expect(training(page).getByRole('button', { name: 'Start a session' })).toBeVisible();
  await expect(historySessions(page)).toHaveCount(0);
});

test('a timer left running for hours asks how long the session really was', async ({ page }) => {
  await openAt(page, '', dayAt(0, '08:00:00'));
  await newRatOnScent(page);
  await training(page).getByRole('button', { name: 'Start a session' }).click();
  await page.clock.fastForward('10:00:00');
  await expect.poll(() => timerSeconds(page)).toBeGreaterThanOrEqual(10 * 3600);

  await fillOutcome(page, 'Pip', RELAXED);
  await page.getByRole('button', { name: 'Save session' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Did the session end earlier?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(/The timer ran for 10:0\d:\d\d\./);
  const minutes = ask.getByLabel('Minutes');
  await expect(minutes).toHaveValue('5'); // the step's longest suggested session (2–5 min)
  await expect(page.getByRole('heading', { name: 'Well done, both of you' })).toHaveCount(0);

  await minutes.fill('0');
  await page.getByRole('button', { name: 'Save with these minutes' }).click();
  await expect(page.getByText('Enter the minutes as a number from 1 to 240.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Well done, both of you' })).toHaveCount(0);

  await minutes.fill('12');
  await page.getByRole('button', { name: 'Save with these minutes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Well done, both of you' })).toBeVisible();
  await expect(page.getByText('12:00 logged.', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Edit this session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit session' })).toBeVisible();
  await expect(page.getByText(`Logged for ${longDay(0)}`)).toBeVisible();
  await expect(page.getByLabel('Length in minutes')).toHaveValue('12');
  // The same rule as when logging: a typed length is 1 to 240 minutes.
  const length = page.getByLabel('Length in minutes');
  for (const typed of ['0', '241', 'ten']) {
    await length.fill(typed);
    await expect(length).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(length).toHaveAccessibleDescription(/Enter the length in whole minutes, from 1 to 240\.$/);
    await expect(page.getByText('Changes saved.')).toHaveCount(0);
  }
  await page.reload();
  await waitReady(page);
  await expect(page.getByLabel('Length in minutes')).toHaveValue('12');
});

test('a double tap on Save logs the session once', async ({ page }) => {
  await openAt(page);
  await newRatOnScent(page);
  await training(page).getByRole('button', { name: 'Start a session' }).click();
  await fillOutcome(page, 'Pip', RELAXED);
  await page.getByRole('button', { name: 'Save session' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Well done, both of you' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Advice for / })).toHaveCount(1);
  // A reload keeps the results and the advice: it is worked out again from the history.
  await page.reload();
  await waitReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Well done, both of you' })).toBeVisible();
  await expectAdvice(page, 'Pip', STAY, 'Good session for Pip: 1 of 3 so far, on 1 of 3 different days.');
  await page.getByRole('link', { name: 'Back to Pip' }).click();
  await expect(historySessions(page)).toHaveCount(1);
  await expectStep(page, 'Step 1 of 4: Your scent in the cage', '1 of 3 good sessions · 1 of 3 days');

  // Two clicks in the same task, before the page can redraw.
  await training(page).getByRole('button', { name: 'Start a session' }).click();
  await fillOutcome(page, 'Pip', RELAXED);
  await page.getByRole('button', { name: 'Save session' }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Well done, both of you' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to Pip' }).click();
  await expect(historySessions(page)).toHaveCount(2);
  await page.reload();
  await waitReady(page);
  await expect(historySessions(page)).toHaveCount(2);
  await expectStep(page, 'Step 1 of 4: Your scent in the cage', '2 of 3 good sessions · 1 of 3 days');
});

test('a session logged late moves to the day it happened, never to a day to come', async ({ page }) => {
  await openAt(page);
  await newRatOnScent(page);
  await session(page, 'Pip', RELAXED, STAY);
  await goToDay(page, 2);
  // Yesterday's session, logged only today, then today's.
  await session(page, 'Pip', RELAXED, STAY);
  await session(page, 'Pip', RELAXED, STAY);
  await expectStep(page, 'Step 1 of 4: Your scent in the cage', '3 of 3 good sessions · 2 of 3 days');

  await historySessions(page).last().getByRole('link').click();
  await expect(page.getByText(`Logged for ${longDay(0)}`)).toBeVisible();
  await page.getByRole('link', { name: '‹ Back' }).click();
  await historySessions(page).nth(1).getByRole('link').click();
  await expect(page.getByText(`Logged for ${longDay(2)}`)).toBeVisible();
  const day = page.getByLabel('Day of the session');
  await expect(day).toHaveValue('2026-11-04');
  await day.fill('2026-11-05');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('This day is in the future. Pick today or earlier.');
  await day.fill('2026-11-03');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await page.getByRole('link', { name: '‹ Back' }).click();
  // Three different days now: that is what the step asked, so Pip has moved up.
  await expect(historySessions(page).nth(1)).toContainText(shortDay(1));
  await expect(historySessions(page).first()).toContainText(shortDay(2));
  await page.reload();
  await waitReady(page);
  await expect(historySessions(page).nth(1)).toContainText(shortDay(1));
  await expectStep(page, 'Step 2 of 4: Hands near, no touching');
});

test('editing a session re-runs the advice, a delete can be undone, and a step set by hand is in History', async ({ page }) => {
  test.setTimeout(120_000);
  await openAt(page);
  await newRatOnScent(page);
  await session(page, 'Pip', RELAXED, STAY);
  await goToDay(page, 1);
  await session(page, 'Pip', RELAXED, STAY);
  await goToDay(page, 2);
  await logSession(page, 'Pip', RELAXED);
  await expectAdvice(page, 'Pip', 'Move up: step 2, “Hands near, no touching”');

  // The third session was really a scared one: the move up goes away.
  await page.getByRole('link', { name: 'Edit this session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit session' })).toBeVisible();
  await expect(page.getByText('Scent, step 1: Your scent in the cage')).toBeVisible();
  const pip = responseGroup(page, 'Pip');
  await expect(pip.getByRole('radio', { name: 'Relaxed', exact: true })).toBeChecked();
  await pip.getByRole('radio', { name: 'Hid or fled', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await expectAdvice(page, 'Pip', STAY, 'Pip was scared today. That happens. Keep the next session short and easy.');
  await page.getByRole('link', { name: '‹ Back' }).click();
  await expectStep(page, 'Step 1 of 4: Your scent in the cage', '2 of 3 good sessions · 2 of 3 days');
  await expect(historySessions(page)).toHaveCount(3);
  await expect(historySessions(page).first()).toContainText(`${shortDay(2)}Scent, step 1 · Hid or fled`);
  await expect(history(page)).not.toContainText('Move up');

  // Editing it back brings the move up back.
  await historySessions(page).first().getByRole('link').click();
  await responseGroup(page, 'Pip').getByRole('radio', { name: 'Came to you', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expectAdvice(page, 'Pip', 'Move up: step 2, “Hands near, no touching”');
  await page.getByRole('link', { name: '‹ Back' }).click();
  await expectStep(page, 'Step 2 of 4: Hands near, no touching');

  // Deleting the first session asks first; the coach works it out again; Undo restores it.
  await historySessions(page).filter({ hasText: new RegExp(`^${shortDay(0)}`) }).getByRole('link').click();
  await expect(page.getByText(`Logged for ${longDay(0)}`)).toBeVisible();
  await page.getByRole('button', { name: 'Delete session' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this session?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Keep' }).click();
  await expect(confirm).toHaveCount(0);
  await page.getByRole('button', { name: 'Delete session' }).click();
  await confirm.getByRole('button', { name: 'Delete session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
  await expect(page.getByText('The session was deleted.')).toBeVisible();
  // The pointer on the toast keeps Undo there (it goes after 8 s otherwise: a slow machine).
  await page.locator('.toast').hover();
  await expect(historySessions(page)).toHaveCount(2);
  await expectStep(page, 'Step 1 of 4: Your scent in the cage', '2 of 3 good sessions · 2 of 3 days');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('The session is back.')).toBeVisible();
  await expect(historySessions(page)).toHaveCount(3);
  await expectStep(page, 'Step 2 of 4: Hands near, no touching', '0 of 3 good sessions · 0 of 3 days');
  await page.reload();
  await waitReady(page);
  await expect(historySessions(page)).toHaveCount(3);
  await expectStep(page, 'Step 2 of 4: Hands near, no touching');

  // The owner moves Pip up by hand.
  await training(page).getByText('Change the step by hand').click();
  await training(page).getByRole('button', { name: 'Move up to step 3' }).click();
  await expect(page.getByText('Pip moved up to step 3.')).toBeVisible();
  await expectStep(page, 'Step 3 of 4: Treats from your hand', '0 of 3 good sessions · 0 of 2 days');
  await expect(history(page).getByRole('listitem').first()).toHaveText(`${shortDay(2)}You moved up to step 3 of Scent (by hand)`);
  await page.reload();
  await waitReady(page);
  await expectStep(page, 'Step 3 of 4: Treats from your hand');
  await expect(history(page).getByText('You moved up to step 3 of Scent (by hand)')).toBeVisible();
});

test('an owner moves a new rat up to step 2 by hand, and History says so', async ({ page }) => {
  await openAt(page);
  await newRatOnScent(page);
  await training(page).getByText('Change the step by hand').click();
  await expect(training(page).getByRole('button', { name: /^Step back/ })).toHaveCount(0);
  await training(page).getByRole('button', { name: 'Move up to step 2' }).click();
  await expect(page.getByText('Pip moved up to step 2.')).toBeVisible();
  await expectStep(page, 'Step 2 of 4: Hands near, no touching', '0 of 3 good sessions · 0 of 3 days');
  await expectLadder(page, 'Scent', ladder(['Done', 'Now', 'Ahead', 'Ahead']));
  await expect(history(page).getByRole('listitem')).toHaveText([`${shortDay(0)}You moved up to step 2 of Scent (by hand)`]);
  await expect(training(page).getByText('Pip needs 3 more good sessions here, spread over 3 more days.')).toBeVisible();
  // The next session is logged at the new step.
  await session(page, 'Pip', RELAXED, STAY, 'Good session for Pip: 1 of 3 so far, on 1 of 3 different days.');
  await expect(historySessions(page).first()).toContainText('Scent, step 2 · Relaxed');
});

// ---------------------------------------------------------------------------------------
// Accessibility of every coach screen, light and dark.


/** Pip on Scent with three sessions on three days: a move up in History. */
async function ratWithHistory(page: Page) {
  await openAt(page);
  await newRatOnScent(page);
  await session(page, 'Pip', { response: 'Cautious', signs: ['Froze'] }, STAY);
  await goToDay(page, 1);
  await session(page, 'Pip', RELAXED, STAY);
  await goToDay(page, 2);
  await session(page, 'Pip', RELAXED, STAY);
  await goToDay(page, 3);
  await session(page, 'Pip', RELAXED, 'Move up: step 2, “Hands near, no touching”');
}

async function sessionResults(page: Page) {
  await openAt(page);
  await newRatOnScent(page);
  await logSession(page, 'Pip', TREAT);
  await expect(advice(page, 'Pip')).toBeVisible();
}

const screens: { name: string; setup: (page: Page) => Promise<void> }[] = [
  {
    name: 'chooser, unanswered',
    setup: async (page) => {
      await openAt(page);
      await addRat(page, { name: 'Pip', temperament: 'Nervous' });
      await page.getByRole('link', { name: 'Find a technique' }).click();
      await expect(page.getByText('Answer every question to see what we suggest.')).toBeVisible();
    },
  },
  {
    name: 'chooser with a recommendation',
    setup: async (page) => {
      await openAt(page);
      await addRat(page, { name: 'Pip', temperament: 'Nervous' });
      await page.getByRole('link', { name: 'Find a technique' }).click();
      await answerChooser(page, 'Pip', HIDES);
      await expect(page.getByRole('button', { name: 'Start Scent' })).toBeVisible();
    },
  },
  {
    name: 'rat page with a technique and history',
    setup: async (page) => {
      await ratWithHistory(page);
      await training(page).getByText('Change the step by hand').click();
      await expect(historySessions(page)).toHaveCount(4);
    },
  },
  {
    name: 'rat page with a cage mate to train together',
    setup: async (page) => {
      await openAt(page);
      await addRat(page, { name: 'Pip', temperament: 'Curious', group: 'Big cage' });
      await startRecommended(page, 'Pip', WATCHES, 'Offering treats');
      await page.getByRole('link', { name: '‹ Your rats' }).click();
      await addRat(page, { name: 'Bo', temperament: 'Shy', group: 'Big cage' });
      await startRecommended(page, 'Bo', WATCHES, 'Offering treats');
      await training(page).getByRole('checkbox', { name: 'Also Pip' }).check();
    },
  },
  {
    name: 'running session with the suggested-time cue',
    setup: async (page) => {
      await openAt(page);
      await newRatOnScent(page);
      await training(page).getByRole('button', { name: 'Start a session' }).click();
      const cue = page.getByText("That's the suggested time. End whenever your rat is ready, on a calm note.");
      await expect(cue).toHaveCount(0);
      await page.clock.fastForward('02:30'); // the scent step suggests 2–5 minutes
      await expect(cue).toBeVisible();
      await fillOutcome(page, 'Pip', { response: 'Relaxed', signs: ['Bruxing'] });
      await page.getByText('Treats and a note (optional)').click();
      await expect(page.getByRole('button', { name: 'One treat more' })).toBeVisible();
    },
  },
  {
    name: 'stale-timer question',
    setup: async (page) => {
      await openAt(page, '', dayAt(0, '08:00:00'));
      await newRatOnScent(page);
      await training(page).getByRole('button', { name: 'Start a session' }).click();
      await page.clock.fastForward('10:00:00');
      await fillOutcome(page, 'Pip', RELAXED);
      await page.getByRole('button', { name: 'Save session' }).click();
      await expect(page.getByRole('alertdialog', { name: 'Did the session end earlier?' })).toBeVisible();
    },
  },
  { name: 'session results', setup: sessionResults },
  {
    name: 'session results for two rats, with a welfare pause',
    setup: async (page) => {
      await openAt(page);
      await addRat(page, { name: 'Pip', temperament: 'Curious', group: 'Big cage' });
      await startRecommended(page, 'Pip', WATCHES, 'Offering treats');
      await page.getByRole('link', { name: '‹ Your rats' }).click();
      await addRat(page, { name: 'Bo', temperament: 'Shy', group: 'Big cage' });
      await startRecommended(page, 'Bo', WATCHES, 'Offering treats');
      await session(page, 'Bo', { response: 'Cautious', signs: ['Red tears (porphyrin)'] }, STAY);
      await training(page).getByRole('checkbox', { name: 'Also Pip' }).check();
      await training(page).getByRole('button', { name: 'Start a session' }).click();
      await fillOutcome(page, 'Bo', { response: 'Cautious', signs: ['Red tears (porphyrin)'] });
      await fillOutcome(page, 'Pip', TREAT);
      await page.getByRole('button', { name: 'Save session' }).click();
      await expectAdvice(page, 'Bo', 'Pause and check on your rat');
      await expectAdvice(page, 'Pip', STAY);
      await expect(advice(page, 'Bo').getByText(/Red tears can mean stress or illness/)).toBeVisible();
    },
  },
  {
    name: 'session edit page with the delete confirmation',
    setup: async (page) => {
      await sessionResults(page);
      await page.getByRole('link', { name: 'Edit this session' }).click();
      await page.getByRole('button', { name: 'Delete session' }).click();
      await expect(page.getByRole('alertdialog', { name: 'Delete this session?' })).toBeVisible();
    },
  },
  {
    name: 'techniques',
    setup: async (page) => {
      await open(page, '/techniques');
      await expect(page.getByRole('heading', { level: 1, name: 'Techniques' })).toBeVisible();
    },
  },
  {
    name: 'Scent technique',
    setup: async (page) => {
      await open(page, '/techniques/scent');
      await expect(page.getByRole('heading', { level: 1, name: 'Scent' })).toBeVisible();
      await expect(page.getByRole('region', { name: /^Step \d of 4: / })).toHaveCount(4);
    },
  },
  {
    name: 'no session running',
    setup: async (page) => {
      await open(page, '/session');
      await expect(page.getByRole('heading', { level: 1, name: 'No session is running' })).toBeVisible();
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`every coach screen in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const screen of screens) {
      test(`${screen.name}: no axe violations, no sideways scroll at 320 px`, async ({ page }) => {
        test.setTimeout(120_000);
        await screen.setup(page);
        await expectScreenOk(page, screen.name, scheme);
      });
    }
  });
}
