// Shared helpers for the Playwright specs in tests/e2e/.
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { startServer } from './server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Release builds made by scripts/test.sh before Playwright runs. */
export const BUILDS = {
  /** `trunk build --release --offline` (public URL "/"). */
  dist: process.env.RATBOND_DIST ? path.resolve(process.env.RATBOND_DIST) : path.join(repoRoot, 'dist'),
  /** Same sources, `--public-url /ratbond/`. */
  subpath: path.join(repoRoot, 'tests', 'e2e', '.builds', 'subpath'),
  /** RATBOND_VERSION=<version>-update-test: a "newer" build for the update tests. */
  next: path.join(repoRoot, 'tests', 'e2e', '.builds', 'next'),
} as const;

/** The version string baked into BUILDS.next: scripts/test.sh exports RATBOND_NEXT_VERSION;
 *  for a bare `npx playwright test` it is derived the same way (Cargo.toml version + suffix). */
export const NEXT_VERSION = process.env.RATBOND_NEXT_VERSION || cargoVersionSuffixed('-update-test');

function cargoVersionSuffixed(suffix: string): string {
  try {
    const toml = readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8');
    const pkg = toml.split(/^\[/m).find((section) => section.startsWith('package]')) ?? '';
    const version = /^version\s*=\s*"([^"]+)"/m.exec(pkg)?.[1];
    return version ? `${version}${suffix}` : '';
  } catch {
    return '';
  }
}

/** Throws a clear error when a build is missing (run `bash scripts/test.sh`). */
export function requireBuild(dir: string): string {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(
      `missing build ${path.relative(repoRoot, dir) || dir}/index.html: run \`bash scripts/test.sh\` ` +
        '(it makes dist/ and tests/e2e/.builds/{subpath,next}) before `npx playwright test`',
    );
  }
  return dir;
}

/** Waits until a service worker is active AND controls this page (clients.claim()). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) throw new Error('no navigator.serviceWorker');
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });
}

/** The app has started and drawn its first screen from stored data (not just index.html's
 *  start-up screen, which has a <main> and an <h1> of its own), and the start-up screen is gone. */
export async function expectAppRendered(page: Page): Promise<void> {
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('h1').first()).toBeVisible();
}

/** On the open "Add a rat" form: a curious rat called `name`, saved; waits for its page. */
export async function saveNewRat(page: Page, name: string): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByRole('radio', { name: /^Curious/ }).check();
  await page.getByRole('button', { name: 'Save rat' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** axe finds no violations on the page as it is now. Once the app has started, waits for the
 *  start-up screen to be removed (up to a second later) so the page doesn't change under axe. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  if ((await page.locator('body[data-ready="true"]').count()) > 0) {
    await expect(page.locator('#boot')).toHaveCount(0);
  }
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${state}`).toEqual([]);
}

/** One screen in one colour scheme: no axe violations, no sideways scroll at 320 px, and a
 * page background that matches the scheme. */
export async function expectScreenOk(page: Page, state: string, scheme: 'light' | 'dark'): Promise<void> {
  await expectNoAxeViolations(page, `${state} (${scheme})`);
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'no sideways scrolling at 320 px').toBeLessThanOrEqual(0);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  if (scheme === 'dark') expect(luminance, `dark background, got ${background}`).toBeLessThan(0.2);
  else expect(luminance, `light background, got ${background}`).toBeGreaterThan(0.8);
}
