import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { startServer } from './server.mjs';
const data = JSON.parse(readFileSync('target/bench/five_years.json', 'utf8'));
const server = await startServer({ root: process.argv[2], port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
const page = await ctx.newPage();
await page.goto(server.url + 'icons/ratbond.svg');
await page.evaluate((d) => { for (const [k, v] of Object.entries(d)) localStorage.setItem(k, v); }, data);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(server.url);
await page.waitForSelector('body[data-ready]');
await page.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/prof.json', JSON.stringify(profile));
// self time per function
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; 
for (let i = 0; i < profile.samples.length; i++) { const n = byId.get(profile.samples[i]); const k = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')'; self.set(k, (self.get(k) || 0) + (dt[i] || 0) / 1000); }
// inclusive
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < profile.samples.length; i++) { const seen = new Set(); let id = profile.samples[i]; while (id) { const n = byId.get(id); const k = n.callFrame.functionName || '(anon)'; if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + (dt[i] || 0) / 1000); seen.add(k); } id = parent.get(id); } }
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => v.toFixed(1).padStart(7) + ' ' + k.slice(0, 150)).join('\n');
console.log('SELF\n' + top(self));
console.log('INCL\n' + top(incl));
await browser.close(); await server.close();
