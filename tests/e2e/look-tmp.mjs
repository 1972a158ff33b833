import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
const server = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const scheme of ['light', 'dark']) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, colorScheme: scheme, locale: 'en-GB', serviceWorkers: 'block' });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready]');
  await page.getByRole('button', { name: 'How it works, in 3 cards' }).click().catch(e => console.log('no intro button'));
  await page.screenshot({ path: `/tmp/shot-intro-${scheme}.png` });
  await page.goto(server.url + 'settings');
  await page.waitForSelector('body[data-ready]');
  await page.locator('#install').screenshot({ path: `/tmp/shot-install-${scheme}.png` });
  await page.locator('section[aria-labelledby=appearance-title]').screenshot({ path: `/tmp/shot-appearance-${scheme}.png` });
  console.log(scheme, await page.evaluate(() => document.documentElement.dataset.theme));
  await ctx.close();
}
await browser.close(); await server.close();
