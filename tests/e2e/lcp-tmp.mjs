import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
const server = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
const page = await ctx.newPage();
await page.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push({ t: e.startTime, size: e.size, el: e.element ? (e.element.closest('#boot') ? 'boot ' : 'app ') + e.element.tagName + '.' + e.element.className : null }); }).observe({ type: 'largest-contentful-paint', buffered: true });
});
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(server.url);
await page.waitForSelector('body[data-ready]');
await page.waitForTimeout(500);
console.log(await page.evaluate(() => window.__lcp));
await browser.close(); await server.close();
