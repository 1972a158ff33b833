import { defineConfig } from '@playwright/test';

// End-to-end tests run against release builds served by tests/e2e/server.mjs (each spec file
// starts its own server on a free port), never against `trunk serve`.
// The browser is the system Chromium (Debian package); Playwright never downloads one.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  // 2 cores: at most 2 spec files at once (override with PW_WORKERS=1 when debugging).
  workers: Number(process.env.PW_WORKERS ?? 2),
  // One retry, so that one unlucky timing on a busy machine doesn't fail the whole run; a
  // test that fails twice fails, and scripts/test.sh lists every flaky one in its summary.
  retries: Number(process.env.PW_RETRIES ?? 1),
  forbidOnly: !!process.env.CI,
  // The JSON report lets scripts/test.sh name failed tests at the end of a long CI log.
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Dates and numbers come from Intl in the browser's locale; tests read en-GB forms.
    locale: 'en-GB',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
