// Never losing a rat's history: every stored key damaged by hand, data from a newer version,
// a full storage, the backup reminder on Today, and deleting everything with a typed word.
import { test, expect, type Page } from '@playwright/test';
import { BUILDS, expectScreenOk, requireBuild, saveNewRat, startServer } from './support';

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

function session(id: string, day: string, rat = 'r-0') {
  const started = new Date(`${day}T17:00:00`).getTime();
  return {
    id, day, started_at: started, duration_secs: 300,
    outcomes: [{ rat, technique: 'offering-treats', step: 0, response: 'relaxed', signs: ['took-treat'] }],
    treats: 2, note: '', updated_at: started + 300_000,
  };
}

/** Sessions on days `fromDay`..`toDay` of a month, e.g. ('2026-10', 1, 6). */
function sessions(month: string, fromDay: number, toDay: number, rat = 'r-0') {
  const out = [];
  for (let d = fromDay; d <= toDay; d++) out.push(session(`s-${month}-${d}-${rat}`, `${month}-${String(d).padStart(2, '0')}`, rat));
  return out;
}

type Seed = Record<string, unknown>;

function baseSeed(extra: Seed = {}): Seed {
  return {
    'ratbond/rats': { rats },
    'ratbond/programs': {
      rats: {
        'r-0': { active: 'offering-treats', started: [['offering-treats', '2026-10-01']], overrides: [], updated_at: 1 },
        'r-1': { active: 'offering-treats', started: [['offering-treats', '2026-10-01']], overrides: [], updated_at: 1 },
      },
    },
    'ratbond/sessions/2026-10': { sessions: sessions('2026-10', 1, 6) },
    'ratbond/sessions/2026-11': { sessions: sessions('2026-11', 18, 19, 'r-1') },
    ...extra,
  };
}

/** Writes `seed` once (raw strings are stored as they are), then keeps what the app saves. */
async function seedOnce(page: Page, seed: Seed) {
  await page.addInitScript((d) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [key, value] of Object.entries(d)) {
      localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }, seed);
}

async function open(page: Page, path = '') {
  await page.goto(server.url + path);
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
}

async function downloadedText(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  let text = '';
  for await (const chunk of await file.createReadStream()) text += chunk;
  return { name: file.suggestedFilename(), text };
}

// Every key Ratbond keeps, damaged one at a time: the app starts, says what happened, keeps the
// raw text aside to download, and everything else keeps working.
const damaged: { key: string; what: string; stillThere: (page: Page) => Promise<void> }[] = [
  {
    key: 'ratbond/meta',
    what: 'app settings',
    stillThere: async (page) => {
      await open(page, 'rats');
      await expect(page.getByRole('link', { name: /Pip/ })).toBeVisible();
    },
  },
  {
    key: 'ratbond/rats',
    what: 'rat profiles',
    stillThere: async (page) => {
      // Rats are gone from view, but their sessions and plans are still there.
      await open(page, 'settings');
      await expect(page.getByTestId('session-count')).toHaveText('8');
    },
  },
  {
    key: 'ratbond/programs',
    what: 'training programs',
    stillThere: async (page) => {
      // Today doesn't just say "No technique yet": the plan is kept aside, not gone.
      await open(page);
      await expect(page.locator('.plan').getByText("Its training plan couldn't be read. Restoring a backup brings it back.").first()).toBeVisible();
      await open(page, 'rats/r-0');
      await expect(page.getByRole('heading', { level: 1, name: 'Pip' })).toBeVisible();
      await open(page, 'settings');
      await expect(page.getByTestId('session-count')).toHaveText('8');
    },
  },
  {
    key: 'ratbond/timer',
    what: 'session timer',
    stillThere: async (page) => {
      await open(page, 'settings');
      await expect(page.getByTestId('session-count')).toHaveText('8');
    },
  },
  {
    key: 'ratbond/sessions/2026-10',
    what: 'session history',
    stillThere: async (page) => {
      // October is kept aside; November still counts.
      await open(page, 'settings');
      await expect(page.getByTestId('session-count')).toHaveText('2');
      await expect(page.getByTestId('rat-count')).toHaveText('2 active, 0 archived');
    },
  },
];

for (const { key, what, stillThere } of damaged) {
  test(`a damaged ${key} is kept aside, explained and downloadable, and the rest works`, async ({ page }) => {
    await page.clock.install({ time: NOW });
    const broken = `{"oops": [ half a record ${key}`;
    await seedOnce(page, baseSeed({ [key]: broken }));
    await open(page);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(alert).toContainText(`(${what})`);
    await expect(alert).toContainText('kept safe, untouched');
    await page.reload();
    // Kept aside once, not again on every start.
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(1);
    await stillThere(page);

    await open(page, 'settings');
    const kept = page.getByRole('region', { name: 'Data kept aside' });
    await expect(kept.getByText(what, { exact: true })).toBeVisible();
    const { text } = await downloadedText(page, () => kept.getByRole('button', { name: 'Download raw text' }).click());
    expect(text).toBe(broken);

    // New data saves fine next to it.
    await open(page, 'rats/new');
    await saveNewRat(page, 'Cleo');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Cleo' })).toBeVisible();
    const quarantined = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('ratbond/quarantine/')).map((k) => localStorage.getItem(k)),
    );
    expect(quarantined).toEqual([broken]);
  });
}

test('data from a newer Ratbond opens read-only and is never overwritten', async ({ page }) => {
  await page.clock.install({ time: NOW });
  const meta = JSON.stringify({ schema_version: 99, app_version: '9.0.0', created_at: 1 });
  const future = '{"v":99,"something":"new"}';
  await seedOnce(page, baseSeed({ 'ratbond/meta': meta, 'ratbond/sessions/2026-09': future }));
  await open(page, 'rats');
  await expect(page.getByRole('status').filter({ hasText: 'newer Ratbond' })).toContainText('read-only');
  await expect(page.getByRole('link', { name: /Pip/ })).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  // Saving is switched off where it can be; anything else that tries is refused in words.
  await open(page, 'rats/new');
  await page.getByLabel('Name').fill('Cleo');
  await expect(page.getByRole('button', { name: 'Save rat' })).toBeDisabled();
  await open(page, 'rats/r-0');
  await expect(page.getByTestId('rest-today')).toBeDisabled();
  await open(page);
  await page.getByRole('button', { name: 'Start a session with Pip' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not saved' })).toBeVisible();

  // A backup of what is shown still works.
  await open(page, 'settings');
  const { text } = await downloadedText(page, () =>
    page.getByRole('region', { name: 'Backup' }).getByRole('button', { name: 'Download backup' }).click(),
  );
  expect(JSON.parse(text).data.rats.map((r: { name: string }) => r.name)).toEqual(['Bean', 'Pip']);

  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);
});

test('a full storage refuses the change cleanly, keeps everything, and offers a backup and room', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await seedOnce(page, baseSeed());
  await open(page, 'rats');
  // Fill the browser's storage with another app's data until it refuses.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let i = 0;
    for (;;) {
      try {
        localStorage.setItem(`other-app/${i++}`, chunk);
      } catch {
        break;
      }
    }
    let size = 1024;
    while (size >= 1) {
      try {
        localStorage.setItem(`other-app/${i++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await page.getByRole('link', { name: /Add a(nother)? rat/ }).first().click();
  await page.getByLabel('Name').fill('A rat with a long name that does not fit');
  await page.getByRole('radio', { name: /^Curious/ }).check();
  await page.getByRole('button', { name: 'Save rat' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'storage for Ratbond is full' });
  await expect(banner).toContainText('Everything else is as it was');
  // Still on the form, with what was typed.
  await expect(page.getByLabel('Name')).toHaveValue('A rat with a long name that does not fit');
  const { name, text } = await downloadedText(page, () => banner.getByRole('button', { name: 'Download backup' }).click());
  expect(name).toBe('ratbond-backup-2026-11-20.json');
  expect(JSON.parse(text).data.sessions).toHaveLength(8);

  await banner.getByRole('link', { name: 'Make room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('#space')).toBeFocused();
  await expect(page.getByTestId('rat-count')).toHaveText('2 active, 0 archived');
  await page.reload();
  await expect(page.getByTestId('rat-count')).toHaveText('2 active, 0 archived');
  await expect(page.getByTestId('session-count')).toHaveText('8');
});

test('Settings warns at 80 % full and can archive old sessions into a file', async ({ page }) => {
  await page.clock.install({ time: new Date('2027-12-01T18:00:00') });
  await seedOnce(page, baseSeed({
    // Both moved on to Scent a month ago, so 2026 is no longer needed for a current step.
    'ratbond/programs': {
      rats: {
        'r-0': { active: 'scent', started: [['offering-treats', '2026-10-01'], ['scent', '2027-11-01']], overrides: [], updated_at: 1 },
        'r-1': { active: 'scent', started: [['scent', '2027-11-01']], overrides: [], updated_at: 1 },
      },
    },
    'ratbond/sessions/2027-11': { sessions: sessions('2027-11', 1, 3) },
    'ratbond/zz-test-filler': 'x'.repeat(4_100_000),
  }));
  await open(page, 'settings');
  const space = page.getByRole('region', { name: 'Space' });
  await expect(space.getByTestId('storage-warning')).toContainText('Storage is nearly full.');
  await expect(space.getByTestId('storage-used')).toHaveText(/^Ratbond's data fills 8\d\.\d % of the space this browser gives it\.$/);
  await expect(space.getByTestId('storage-chars')).toHaveText(/^4,1\d\d,\d\d\d of about 5,000,000 characters$/);
  // Too few sessions to measure: about 60 characters each in the ~880,000 left.
  await expect(space.getByTestId('storage-room')).toHaveText(/^Room for about 1[45],000 more sessions\.$/);
  await expect(space.getByText(/^8 sessions from before 1 December 2026 can move into an archive file/)).toBeVisible();
  const download = () => downloadedText(page, () => space.getByRole('button', { name: 'Download the archive file' }).click());
  const { name, text } = await download();
  expect(name).toBe('ratbond-archive-2027-12-01.json');
  expect(JSON.parse(text).data.sessions).toHaveLength(11);
  // Nothing leaves until the owner says the file is saved.
  const check = space.getByRole('group', { name: 'Is the file saved?' });
  await expect(check).toContainText('Check that ratbond-archive-2027-12-01.json is in your downloads. Only then take the 8 old sessions off this device.');
  await expect(page.getByTestId('session-count')).toHaveText('11');
  await expect(space.getByRole('button', { name: 'Download the archive file' })).toBeHidden();
  await expectScreenOk(page, 'Settings, archive file downloaded, sessions not yet removed', 'light');
  await check.getByRole('button', { name: 'Keep them here' }).click();
  await expect(check).toBeHidden();
  await expect(space.getByRole('status').last()).toHaveText('Nothing was moved. The old sessions are still here.');
  await expect(page.getByTestId('session-count')).toHaveText('11');

  // Another tab changes what is stored after the file was made (this tab hasn't heard yet):
  // the file may lack it, so nothing is removed.
  await download();
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('ratbond/rats') ?? '{}');
    stored.rats[0].name = 'Pipsqueak';
    localStorage.setItem('ratbond/rats', JSON.stringify(stored));
  });
  await check.getByRole('button', { name: 'Remove 8 sessions from this device' }).click();
  await expect(space.getByRole('status').last()).toHaveText(
    'Your records changed since the file was made, so nothing was moved. Download the archive file again.',
  );
  await expect(page.getByTestId('session-count')).toHaveText('11');
  await page.reload();

  await download();
  await check.getByRole('button', { name: 'Remove 8 sessions from this device' }).click();
  await expect(space.getByRole('status').last()).toContainText('8 older sessions are now only in ratbond-archive-2027-12-01.json');
  await expect(page.getByTestId('session-count')).toHaveText('3');
  await page.reload();
  await expect(page.getByTestId('session-count')).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Download the archive file' })).toHaveCount(0);
});

test('Settings says when the browser may clear the data, and can ask again or make a backup', async ({ page }) => {
  await page.clock.install({ time: NOW });
  // The browser says no at start-up and to the first tap, then yes (as after installing).
  await page.addInitScript(() => {
    const answers = [false, false, true];
    const w = window as unknown as { persistCalls: number };
    w.persistCalls = 0;
    Object.defineProperty(navigator.storage, 'persisted', { value: async () => false });
    Object.defineProperty(navigator.storage, 'persist', {
      value: async () => answers[Math.min(w.persistCalls++, answers.length - 1)],
    });
  });
  await seedOnce(page, baseSeed());
  await open(page, 'settings');
  const space = page.getByRole('region', { name: 'Space' });
  await expect(space.getByTestId('storage-protection')).toHaveText(/^Not protected: the browser may clear/);
  const { name } = await downloadedText(page, () => space.getByRole('button', { name: 'Download a backup' }).click());
  expect(name).toMatch(/^ratbond-backup-2026-11-20/);
  await space.getByRole('button', { name: 'Ask the browser again' }).click();
  await expect(space.getByText('The browser still says no.', { exact: false })).toBeVisible();
  await expect(space.getByTestId('storage-protection')).toHaveText(/^Not protected/);
  await space.getByRole('button', { name: 'Ask the browser again' }).click();
  await expect(space.getByTestId('storage-protection')).toHaveText(/^Protected: the browser has promised/);
  await expect(space.getByRole('button', { name: 'Ask the browser again' })).toHaveCount(0);
  await expect(space.getByText('The browser still says no.', { exact: false })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(3);
});

test('Today reminds about a backup after two weeks, and "Not now" keeps it away', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await seedOnce(page, baseSeed());
  await open(page);
  const nudge = page.getByTestId('backup-nudge');
  await expect(nudge).toContainText("You haven't made a backup yet. A backup file keeps all 8 sessions safe");
  await nudge.getByRole('button', { name: 'Not now' }).click();
  await expect(nudge).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('backup-nudge')).toHaveCount(0);
});

test('"Not now" on the backup reminder leaves a restore\'s Undo on offer', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await seedOnce(page, baseSeed());
  await open(page, 'settings');
  const { text } = await downloadedText(page, () =>
    page.getByRole('region', { name: 'Backup' }).getByRole('button', { name: 'Download backup' }).click(),
  );
  // A rat added after that backup: Replace takes Cleo away, Undo brings her back.
  await open(page, 'rats/new');
  await saveNewRat(page, 'Cleo');
  await open(page, 'settings');
  const restore = page.getByRole('region', { name: 'Restore' });
  await restore.getByTestId('restore-file').setInputFiles({
    name: 'ratbond-backup-2026-11-20.json', mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
  });
  await restore.getByRole('button', { name: 'Replace' }).click();
  await restore.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByTestId('rat-count')).toHaveText('2 active, 0 archived');

  // The file was made before its own download was noted, so Today asks for a backup again.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Today' }).click();
  const nudge = page.getByTestId('backup-nudge');
  await nudge.getByRole('button', { name: 'Not now' }).click();
  await expect(nudge).toHaveCount(0);
  await nav.getByRole('link', { name: 'Settings' }).click();
  await restore.getByRole('button', { name: 'Undo restore' }).click();
  await expect(page.getByTestId('rat-count')).toHaveText('3 active, 0 archived');
  // And "Not now" still holds.
  await open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('backup-nudge')).toHaveCount(0);
});

test('the reminder goes away once a backup is downloaded from it', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await seedOnce(page, baseSeed({
    'ratbond/programs': { rats: {}, last_backup: '2026-11-01' },
  }));
  await open(page);
  const nudge = page.getByTestId('backup-nudge');
  await expect(nudge).toContainText('Your last backup was 19 days ago.');
  const { name } = await downloadedText(page, () => nudge.getByRole('button', { name: 'Download backup' }).click());
  expect(name).toBe('ratbond-backup-2026-11-20.json');
  await expect(nudge).toHaveCount(0);
  await open(page, 'settings');
  await expect(page.getByTestId('last-backup')).toHaveText('Last backup: 20 November 2026.');
});

test('Delete all data needs the typed word, offers a backup first, and leaves nothing behind', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await seedOnce(page, baseSeed({ 'ratbond/quarantine/rats-1': 'old broken text', 'other-app/keep': 'theirs' }));
  await open(page, 'settings');
  const section = page.getByRole('region', { name: 'Delete all data' });
  await section.getByRole('button', { name: 'Delete all data…' }).click();
  await expect(section.getByText('This deletes 2 rats and 8 sessions.')).toBeVisible();
  const { text } = await downloadedText(page, () => section.getByRole('button', { name: 'Download backup first' }).click());
  expect(JSON.parse(text).data.rats).toHaveLength(2);
  const confirm = section.getByRole('button', { name: 'Delete everything' });
  await expect(confirm).toBeDisabled();
  await section.getByLabel('Type delete to confirm').fill('delet');
  await expect(confirm).toBeDisabled();
  await section.getByLabel('Type delete to confirm').fill('DELETE');
  await confirm.click();
  await expect(section.getByRole('status')).toHaveText('All data was deleted from this browser.');
  await expect(page.getByTestId('rat-count')).toHaveText('0 active, 0 archived');
  const left = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(left).toEqual(['other-app/keep', 'ratbond/meta']);
  await open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Ratbond' })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`Settings with a storage warning and the delete panel passes axe and fits 320 px (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.clock.install({ time: NOW });
    await seedOnce(page, baseSeed({ 'ratbond/zz-test-filler': 'x'.repeat(4_100_000) }));
    await open(page, 'settings');
    await expect(page.getByTestId('storage-warning')).toBeVisible();
    await page.getByRole('button', { name: 'Delete all data…' }).click();
    await expectScreenOk(page, 'Settings, nearly full, delete panel open', scheme);
  });
  test(`Today with the backup reminder passes axe and fits 320 px (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.clock.install({ time: NOW });
    await seedOnce(page, baseSeed());
    await open(page);
    await expect(page.getByTestId('backup-nudge')).toBeVisible();
    await expectScreenOk(page, 'Today with the backup reminder', scheme);
  });
}
