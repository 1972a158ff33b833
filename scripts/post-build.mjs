#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml). Runs after Trunk has written the final index.html into
// the staging dir and before the staging dir becomes dist/. Trunk passes:
//   TRUNK_STAGING_DIR  the staged build (we edit index.html and write sw.js there)
//   TRUNK_PROFILE      "release" | "debug"
//   TRUNK_PUBLIC_URL   e.g. "/" or "/ratbond/" (only logged: everything we write is relative)
//
// 1. Content-Security-Policy: compute the sha256 of every inline <script> in the staged
//    index.html (Trunk's <script type="module"> start-up script) and put them into the CSP
//    <meta> in place of the __RATBOND_SCRIPT_HASHES__ placeholder. Under `trunk serve` Trunk also
//    inlines its live-reload script and rewrites it per request, so no hash can match it; only
//    then (dev server) script-src falls back to 'unsafe-inline' and we say so loudly.
// 2. Service worker: write sw.js from public/sw.template.js with the precache list (every file
//    of the build, Trunk's hashed names, relative to sw.js) and a cache name derived from a hash
//    of the file list and contents, so a build with different content gives a different sw.js.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PLACEHOLDER = '__RATBOND_SCRIPT_HASHES__';
const SW_FILE = 'sw.js';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const templatePath = path.join(repoRoot, 'public', 'sw.template.js');

function fail(message) {
  console.error(`post-build: ERROR: ${message}`);
  process.exit(1);
}

const stagingEnv = process.env.TRUNK_STAGING_DIR;
if (!stagingEnv) fail('TRUNK_STAGING_DIR is not set (this script is a Trunk post_build hook)');
const staging = path.resolve(stagingEnv);
const profile = process.env.TRUNK_PROFILE || 'unknown';
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
const indexPath = path.join(staging, 'index.html');

// ---------------------------------------------------------------- 1. CSP hashes
let html;
try {
  html = readFileSync(indexPath, 'utf8');
} catch (err) {
  fail(`cannot read ${indexPath}: ${err.message}`);
}

const inlineScripts = [];
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  const attrs = match[1];
  if (/\bsrc\s*=/i.test(attrs)) continue; // external scripts are covered by 'self'
  inlineScripts.push({ attrs: attrs.trim(), body: match[2] });
}
if (inlineScripts.length === 0) {
  fail('no inline <script> found in the staged index.html: did Trunk stop injecting its start-up script?');
}

const isDevServer = inlineScripts.some((s) => s.body.includes('.well-known/trunk/ws'));
const hashes = inlineScripts.map(
  (s) => `'sha256-${createHash('sha256').update(s.body, 'utf8').digest('base64')}'`,
);
const scriptSources = isDevServer ? "'unsafe-inline'" : hashes.join(' ');

const cspMeta = html.match(/<meta\b[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/i);
if (!cspMeta) fail('no <meta http-equiv="Content-Security-Policy"> in the staged index.html');
const occurrences = cspMeta[0].split(PLACEHOLDER).length - 1;
if (occurrences !== 1) {
  fail(`expected the placeholder ${PLACEHOLDER} exactly once in the CSP <meta>, found ${occurrences}`);
}
html = html.replace(cspMeta[0], () => cspMeta[0].replace(PLACEHOLDER, () => scriptSources));
if (html.includes(PLACEHOLDER)) fail(`${PLACEHOLDER} still present in index.html after replacement`);
writeFileSync(indexPath, html);

if (isDevServer) {
  console.log(
    "post-build: dev server build (Trunk live-reload script present): CSP script-src uses 'unsafe-inline'. " +
      'Release builds (trunk build --release) use hashes only.',
  );
} else {
  console.log(`post-build: CSP script-src hashes for ${inlineScripts.length} inline script(s): ${hashes.join(' ')}`);
}

// ---------------------------------------------------------------- 2. sw.js
function walk(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

const files = walk(staging)
  .filter((rel) => rel !== SW_FILE)
  .sort();
if (!files.includes('index.html')) fail('index.html missing from the staged build');

let template;
try {
  template = readFileSync(templatePath, 'utf8');
} catch (err) {
  fail(`cannot read the service worker template ${templatePath}: ${err.message}`);
}

const buildHash = createHash('sha256');
buildHash.update(`profile:${profile}\n`);
buildHash.update(`template:${createHash('sha256').update(template).digest('hex')}\n`);
let totalBytes = 0;
for (const rel of files) {
  const bytes = readFileSync(path.join(staging, rel));
  totalBytes += bytes.length;
  buildHash.update(`${rel}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
}
const cacheName = `ratbond-${buildHash.digest('hex').slice(0, 16)}`;

// Relative to sw.js (which sits at the root of the build): works for any public URL.
const precache = files.map((rel) => encodeURI(rel));

const NAME_TOKEN = "'__RATBOND_CACHE_NAME__'";
const LIST_TOKEN = "['__RATBOND_PRECACHE__']";
for (const token of [NAME_TOKEN, LIST_TOKEN]) {
  if (template.split(token).length - 1 !== 1) fail(`expected ${token} exactly once in ${templatePath}`);
}
const sw =
  `// Generated by scripts/post-build.mjs from public/sw.template.js (${profile} build). Do not edit.\n` +
  template
    .replace(NAME_TOKEN, () => JSON.stringify(cacheName))
    .replace(LIST_TOKEN, () => JSON.stringify(precache, null, 2));
writeFileSync(path.join(staging, SW_FILE), sw);

console.log(
  `post-build: wrote ${SW_FILE}: cache ${cacheName}, ${files.length} files precached ` +
    `(${(totalBytes / 1024).toFixed(1)} KiB raw), profile ${profile}, public URL ${publicUrl}`,
);

// Sanity: every precached path exists (cheap, catches walk/encode bugs early).
for (const rel of files) statSync(path.join(staging, rel));
