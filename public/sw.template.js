/* Ratbond service worker.
 *
 * This is a TEMPLATE: scripts/post-build.mjs (Trunk post_build hook) writes the real sw.js next
 * to index.html in every build, replacing the two placeholders below with
 *   - CACHE_NAME: "ratbond-" + a hash of the build's file list and contents, and
 *   - PRECACHE:   every file of the build (Trunk's hashed names), relative to this script.
 * Each build with different content therefore gives a byte-different sw.js, which is what makes
 * the browser install it as an update.
 *
 * Everything is resolved relative to this script's own URL, so the same file works at the site
 * root and under a sub-path (trunk build --public-url /ratbond/).
 *
 * Update flow: a new worker installs and precaches, then WAITS (no skipWaiting on install).
 * The page sees registration.waiting while a controller exists, offers "reload", and posts
 * {type: "SKIP_WAITING"}; the worker then activates, deletes the old ratbond- caches and claims
 * the clients, and the page reloads on "controllerchange".
 */
'use strict';

const CACHE_NAME = '__RATBOND_CACHE_NAME__';
const PRECACHE = ['__RATBOND_PRECACHE__'];

const CACHE_PREFIX = 'ratbond-';
/** How long a navigation waits for the network before falling back to the cached app shell. */
const NAVIGATION_TIMEOUT_MS = 3000;

const SCOPE = new URL('./', self.location.href).href;
const SHELL_URL = new URL('index.html', SCOPE).href;
const PRECACHE_URLS = PRECACHE.map((path) => new URL(path, SCOPE).href);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE_NAME).then((cache) =>
      // cache: 'reload' bypasses the HTTP cache so a new build never precaches stale bytes.
      cache.addAll(PRECACHE_URLS.map((url) => new Request(url, { cache: 'reload' }))),
    ),
  );
  // No self.skipWaiting() here: the page decides when to switch (see SKIP_WAITING below).
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (!url.href.startsWith(SCOPE)) return;

  if (request.mode === 'navigate') {
    event.respondWith(networkFirstNavigation(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

/** Network first (with a short timeout); offline or on an error status, the cached app shell.
 *  Every in-app path (/rats/abc, /settings, ...) is the same index.html, so deep links work
 *  offline and on static hosts without SPA fallback. */
async function networkFirstNavigation(request) {
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    if (response.ok) return response;
    const shell = await cachedShell();
    return shell || response;
  } catch (_offlineOrTimeout) {
    const shell = await cachedShell();
    if (shell) return shell;
    return new Response('Ratbond is offline and not cached yet.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}

async function cachedShell() {
  const cache = await caches.open(CACHE_NAME);
  return (await cache.match(SHELL_URL)) || (await cache.match(SCOPE)) || null;
}

/** Cache first for everything else (Trunk's file names are content-hashed). */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    // Keep a copy (e.g. a newer build's file fetched before this worker was replaced).
    cache.put(request, response.clone()).catch(() => {});
  }
  return response;
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
