#!/usr/bin/env node
// Renders the PNG icons in public/icons/ from public/icons/ratbond.svg.
//
// The PNGs are committed, so this only needs to run after the SVG changes:
//   node scripts/render-icons.mjs
// It uses Playwright's Chromium driver with the system Chromium (/usr/bin/chromium by default,
// override with CHROMIUM=/path/to/chrome). Nothing is downloaded.
//
// Variants (all derived from the one SVG, so they can never drift apart):
//   icon-192.png, icon-512.png   purpose "any": rounded cream square, transparent corners
//   maskable-512.png             purpose "maskable": full-bleed background, mark inside the
//                                central 80 % safe zone (ratbond-maskable.svg is written too)
//   apple-touch-icon.png (180)   opaque full-bleed (iOS rounds the corners itself)
//   favicon-32.png               small PNG fallback for the SVG favicon
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const iconsDir = path.join(here, '..', 'public', 'icons');
const source = readFileSync(path.join(iconsDir, 'ratbond.svg'), 'utf8');

const ROUNDED_BG = '<rect width="512" height="512" rx="112" fill="#f6efe6"/>';
const FULL_BG = '<rect width="512" height="512" fill="#f6efe6"/>';
const MARK_TRANSFORM = /translate\(256 256\) scale\([0-9.]+\) translate\(-285 -278\)/;

function variant(svg, { fullBleed, scale, title }) {
  if (!svg.includes(ROUNDED_BG) || !MARK_TRANSFORM.test(svg)) {
    throw new Error('ratbond.svg no longer has the expected background rect / mark transform');
  }
  let out = svg.replace(MARK_TRANSFORM, `translate(256 256) scale(${scale}) translate(-285 -278)`);
  if (fullBleed) out = out.replace(ROUNDED_BG, FULL_BG);
  if (title) out = out.replace(/<title id="t">[^<]*<\/title>/, `<title id="t">${title}</title>`);
  return out;
}

const maskable = variant(source, { fullBleed: true, scale: 0.8, title: 'Ratbond (maskable)' });
const apple = variant(source, { fullBleed: true, scale: 0.86 });
writeFileSync(path.join(iconsDir, 'ratbond-maskable.svg'), maskable);

const jobs = [
  { file: 'icon-192.png', svg: source, size: 192, transparent: true },
  { file: 'icon-512.png', svg: source, size: 512, transparent: true },
  { file: 'maskable-512.png', svg: maskable, size: 512, transparent: false },
  { file: 'apple-touch-icon.png', svg: apple, size: 180, transparent: false },
  { file: 'favicon-32.png', svg: source, size: 32, transparent: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  for (const job of jobs) {
    const page = await browser.newPage({ viewport: { width: job.size, height: job.size }, deviceScaleFactor: 1 });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(job.svg).toString('base64')}`;
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img src="${dataUrl}" width="${job.size}" height="${job.size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    await page.screenshot({ path: path.join(iconsDir, job.file), omitBackground: job.transparent });
    await page.close();
    console.log(`wrote public/icons/${job.file} (${job.size}x${job.size})`);
  }
} finally {
  await browser.close();
}
