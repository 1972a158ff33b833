// A rat's trust chart, milestones and the shareable progress summary, against the release
// build: seeded sessions (localStorage, as the app stores them) and a fixed clock.
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

// Day 0 is Monday 2 November 2026; "today" is day 20, in the evening.
const DAY0 = '2026-11-02';
const TODAY = 20;

function isoDay(n: number): string {
  const d = new Date(`${DAY0}T12:00:00`);
  d.setDate(d.getDate() + n);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Day `n` as the page writes it for en-GB: "2 November 2026". */
function longDay(n: number): string {
  const d = new Date(`${DAY0}T12:00:00`);
  d.setDate(d.getDate() + n);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

function at(n: number): number {
  const d = new Date(`${DAY0}T18:00:00`);
  d.setDate(d.getDate() + n);
  return d.getTime();
}

const rat = (id: string, name: string) => ({
  id, name, sex: 'female', temperament: 'nervous', cage_group: null,
  known_date: { kind: 'adopted', date: '2026-10-20' }, notes: '', archived: false,
  created_at: at(-14), updated_at: at(-14),
});

/** Pip's sessions in Offering treats: one a day on these days, relaxed unless noted. */
const PIP_DAYS = [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19];
const FIRST_HAND_TREAT = 1;
function pipSessions() {
  return PIP_DAYS.map((n, i) => ({
    id: `s-pip-${String(i).padStart(3, '0')}`,
    day: isoDay(n),
    started_at: at(n),
    duration_secs: 600,
    outcomes: [{
      rat: 'r-pip',
      technique: 'offering-treats',
      step: n < 3 ? 0 : n < 7 ? 1 : 2,
      response: n === 0 ? 'froze-or-tense' : n === 12 ? 'cautious' : n > 14 ? 'came-to-you' : 'relaxed',
      signs: n >= FIRST_HAND_TREAT ? (n >= 15 ? ['took-treat', 'climbed-on'] : ['took-treat']) : [],
    }],
    treats: 2,
    note: '',
    updated_at: at(n),
  }));
}

function seed(withSessions: boolean) {
  const data: Record<string, unknown> = {
    'ratbond/rats': { rats: [rat('r-pip', 'Pip'), rat('r-new', 'Nibbles')] },
    'ratbond/programs': {
      rats: {
        'r-pip': { active: 'offering-treats', started: [['offering-treats', isoDay(0)]], overrides: [], updated_at: at(0) },
      },
    },
  };
  if (withSessions) {
    for (const s of pipSessions()) {
      const key = `ratbond/sessions/${s.day.slice(0, 7)}`;
      ((data[key] ??= { sessions: [] }) as { sessions: unknown[] }).sessions.push(s);
    }
  }
  return data;
}

async function openRat(page: Page, id = 'r-pip', withSessions = true) {
  await page.clock.install({ time: new Date(at(TODAY)) });
  await page.addInitScript((data) => {
    if (!localStorage.getItem('ratbond/rats')) {
      for (const [key, value] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(value));
    }
  }, seed(withSessions));
  await page.goto(`${server.url}rats/${id}`);
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
}

const chart = (page: Page) => page.locator('.trust-card svg[role="img"]');

test('the chart has a dot per session, step marks and a spoken summary', async ({ page }) => {
  await openRat(page);
  const card = page.locator('.trust-card');
  await expect(card.getByRole('heading', { name: 'Trust over time' })).toBeVisible();
  await expect(chart(page)).toBeVisible();
  // One zero-length segment ("M x y h0") per session in the dots path.
  const dots = await card.locator('path.trust-dots').first().getAttribute('d');
  expect((dots ?? '').match(/h0/g)?.length).toBe(PIP_DAYS.length);
  // The line joins one level per session.
  const line = (await card.locator('path.trust-line').first().getAttribute('d')) ?? '';
  expect(line.match(/[ML]/g)?.length).toBe(PIP_DAYS.length);

  // Labelled by the heading, described by the visible summary sentence.
  await expect(chart(page)).toHaveAttribute('aria-labelledby', 'trust-title');
  await expect(chart(page)).toHaveAttribute('aria-describedby', 'trust-summary');
  const summary = page.locator('#trust-summary');
  await expect(summary).toHaveText(
    new RegExp(`^Trust level (\\d+) of 100, up from 50 at the start, 2 weeks ago\\. ${PIP_DAYS.length} sessions\\.$`),
  );
  const level = Number((await summary.textContent())!.match(/Trust level (\d+)/)![1]);
  expect(level).toBeGreaterThan(70);
  expect(level).toBeLessThanOrEqual(100);
  await expect(chart(page)).toHaveAccessibleDescription(/Trust level \d+ of 100/);

  // Step changes: a dashed line and a numbered label per change, listed with their days.
  const marks = (await card.locator('path.trust-marks').first().getAttribute('d')) ?? '';
  const changes = card.locator('.trust-mark-list li');
  const count = await changes.count();
  expect(count).toBeGreaterThan(0);
  expect(marks.match(/M/g)?.length).toBe(count);
  await expect(card.locator('.trust-mark-num')).toHaveCount(count);
  await expect(changes.first()).toContainText(/^\d{1,2} [A-Z][a-z]+ \d{4} Moved up: Come to your hand$/);
  await expect(card.getByText('Step change, numbered below')).toBeVisible();
  await expect(card.getByText(/The line is Pip's trust level/)).toBeVisible();
});

/** Day `n` as the chart's dates write it for en-GB: "2 Nov 2026". */
function shortDay(n: number): string {
  const d = new Date(`${DAY0}T12:00:00`);
  d.setDate(d.getDate() + n);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Left and right of the chart's drawing area (its frame lines) and of each date under it. */
async function dateEdges(page: Page) {
  return page.locator('.trust-card .trust-chart').evaluate((figure) => {
    const frame = figure.querySelector('path.trust-frame')!.getBoundingClientRect();
    const dates = [...figure.querySelectorAll('.trust-dates span')].map((span) => {
      const range = document.createRange();
      range.selectNodeContents(span); // the text itself, not its box
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top };
    });
    return { frame: { left: frame.left, right: frame.right }, dates };
  });
}

test('the dates under the chart sit under its ends, on one line each', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await openRat(page);
  const caption = page.locator('.trust-card .trust-dates span');
  await expect(caption).toHaveText([shortDay(PIP_DAYS[0]), shortDay(PIP_DAYS[PIP_DAYS.length - 1])]);
  const { frame, dates } = await dateEdges(page);
  expect(Math.abs(dates[0].left - frame.left)).toBeLessThan(4);
  expect(Math.abs(dates[1].right - frame.right)).toBeLessThan(4);
  expect(dates[1].top).toBe(dates[0].top);
  for (const span of await caption.all()) {
    const lines = await span.evaluate((el) => el.getClientRects().length);
    expect(lines).toBe(1);
  }
});

test('sessions on one day only: one date, under the dots in the middle', async ({ page }) => {
  await page.clock.install({ time: new Date(at(TODAY)) });
  const one = pipSessions().slice(0, 1);
  await page.addInitScript((data) => {
    if (!localStorage.getItem('ratbond/rats')) {
      for (const [key, value] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(value));
    }
  }, { ...seed(false), [`ratbond/sessions/${one[0].day.slice(0, 7)}`]: { sessions: one } });
  await page.goto(`${server.url}rats/r-pip`);
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  await expect(page.locator('.trust-card .trust-dates span')).toHaveText([shortDay(PIP_DAYS[0])]);
  const { frame, dates } = await dateEdges(page);
  const middle = (frame.left + frame.right) / 2;
  expect(Math.abs((dates[0].left + dates[0].right) / 2 - middle)).toBeLessThan(4);
});

test('milestones show with their dates', async ({ page }) => {
  await openRat(page);
  const list = page.locator('.milestones');
  await expect(list.getByRole('heading', { name: 'Milestones' })).toBeVisible();
  const first = page.locator('#milestone-first-session');
  await expect(first.locator('.milestone-day')).toHaveText(longDay(0));
  await expect(first).toContainText("Pip's first session with you.");
  const treat = page.locator('#milestone-first-treat-from-hand');
  await expect(treat.locator('.milestone-day')).toHaveText(longDay(FIRST_HAND_TREAT));
  await expect(treat).toContainText('Pip took a treat from your hand for the first time.');
  await expect(page.locator('#milestone-first-climb-on .milestone-day')).toHaveText(longDay(15));
  // Days 5 to 12 in a row: the seventh is day 11.
  await expect(page.locator('#milestone-first-full-week .milestone-day')).toHaveText(longDay(11));
  // Oldest first.
  const days = (await list.locator('.milestone-day').allTextContents()).map((d) => new Date(d).getTime());
  expect(days.every((t) => !Number.isNaN(t))).toBe(true);
  expect(days).toEqual([...days].sort((a, b) => a - b));
});

test('no sessions: friendly empty states and no empty chart', async ({ page }) => {
  await openRat(page, 'r-new', false);
  await expect(page.locator('.trust-card')).toContainText(
    "Nibbles's trust chart starts with your first session.",
  );
  await expect(chart(page)).toHaveCount(0);
  await expect(page.locator('.milestones')).toContainText(
    'Milestones will appear here as Nibbles makes progress.',
  );
  await expect(page.locator('.milestone')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share progress' })).toBeVisible();
});

test('Share progress uses the share sheet with the summary text', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { shared: unknown[] }).shared = [];
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: unknown) => {
        (window as unknown as { shared: unknown[] }).shared.push(data);
        return Promise.resolve();
      },
    });
  });
  await openRat(page);
  await page.getByRole('button', { name: 'Share progress' }).click();
  await expect(page.locator('.share-card').getByRole('status')).toHaveText(/^Shared\./);
  const shared = (await page.evaluate(() => (window as unknown as { shared: unknown[] }).shared)) as {
    title: string;
    text: string;
  }[];
  expect(shared).toHaveLength(1);
  expect(shared[0].title).toBe("Pip's trust training");
  const text = shared[0].text;
  expect(text).toContain("Pip's trust training");
  expect(text).toMatch(/Technique: Offering treats, step \d of 5: /);
  expect(text).toContain('Temperament: Nervous');
  expect(text).toContain(`Sessions: ${PIP_DAYS.length}, from ${longDay(0)} to ${longDay(19)}`);
  expect(text).toContain('Streak: 6 days in a row');
  expect(text).toContain(`- ${longDay(FIRST_HAND_TREAT)}: Pip took a treat from your hand for the first time.`);
  expect(text).not.toContain('<');
});

test('without a share sheet, the summary is copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    delete (Navigator.prototype as unknown as { share?: unknown }).share;
    delete (navigator as unknown as { share?: unknown }).share;
  });
  await openRat(page);
  expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
  await page.getByRole('button', { name: 'Share progress' }).click();
  await expect(page.locator('.share-card').getByRole('status')).toHaveText(/^Copied\./);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("Pip's trust training");
  expect(copied).toContain('Technique: Offering treats');
});

test('Print opens the print dialog and prints only the summary', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await openRat(page);
  await expect(page.locator('.trust-print')).toBeHidden();
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.main-nav')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share progress' })).toBeHidden();
  await expect(page.locator('.training')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
  const print = page.locator('.trust-print');
  await expect(print).toBeVisible();
  await expect(print).toContainText('Offering treats, step');
  await expect(print).toContainText(`${PIP_DAYS.length}, from ${longDay(0)}`);
  await expect(print).toContainText('Adopted');
  await expect(chart(page)).toBeVisible();
  await expect(page.locator('#milestone-first-treat-from-hand')).toBeVisible();
  const colours = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return [body.backgroundColor, body.color];
  });
  expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the rat page with chart and milestones passes axe and fits 320 px (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openRat(page);
    await expect(chart(page)).toBeVisible();
    await expect(page.locator('.milestone').first()).toBeVisible();
    await expectScreenOk(page, 'rat page with trust chart', scheme);
  });
}
