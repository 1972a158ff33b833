// PWA plumbing: manifest + icons, service worker, offline, same-origin only, CSP, update
// mechanics of the service worker, and a build served under a sub-path.
//
// Runs against the release builds scripts/test.sh makes (see support.ts: BUILDS).
import { test, expect, type Page, type Request } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUILDS,
  expectAppRendered,
  requireBuild,
  startServer,
  waitForServiceWorkerControl,
} from './support';

type Server = Awaited<ReturnType<typeof startServer>>;

/** Width/height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  expect(buf.subarray(0, 8).toString('hex'), 'PNG signature').toBe(signature);
  expect(buf.subarray(12, 16).toString('ascii'), 'IHDR chunk').toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Bodies of the inline <script> elements of an HTML document. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter((m) => !/\bsrc\s*=/i.test(m[1]))
    .map((m) => m[2]);
}

function parseCsp(content: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Records CSP violations (from the DOM event and from console errors) across navigations. */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__ratbondCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // @ts-expect-error exposed by the test
      window.__ratbondCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test.describe('PWA (release build at /)', () => {
  let server: Server;

  test.beforeAll(async () => {
    server = await startServer({ root: requireBuild(BUILDS.dist), port: 0 });
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('index.html has the app metas', async ({ page }) => {
    await page.goto(server.url);
    await expect(page).toHaveTitle('Ratbond');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const head = page.locator('head');
    await expect(head.locator('meta[name="viewport"]')).toHaveAttribute(
      'content',
      'width=device-width, initial-scale=1, viewport-fit=cover',
    );
    await expect(head.locator('meta[name="description"]')).toHaveAttribute('content', /rat/i);
    await expect(head.locator('meta[name="theme-color"][media*="light"]')).toHaveAttribute('content', /^#[0-9a-f]{6}$/i);
    await expect(head.locator('meta[name="theme-color"][media*="dark"]')).toHaveAttribute('content', /^#[0-9a-f]{6}$/i);
    await expect(head.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');
    await expect(head.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute('content', 'Ratbond');
    await expect(head.locator('meta[name="apple-mobile-web-app-status-bar-style"]')).toHaveCount(1);
    await expect(head.locator('base')).toHaveAttribute('href', '/');
    // The no-script words sit in the start-up screen, which the running app removes.
    const served = await (await page.request.get(server.url)).text();
    expect(served).toMatch(/<main id="boot"[\s\S]*<noscript>[\s\S]*JavaScript[\s\S]*<\/noscript>/);
    await expectAppRendered(page);
    await expect(page.locator('#boot, noscript')).toHaveCount(0);
  });

  test('manifest parses, has the install fields, and its icons load', async ({ page, request }) => {
    await page.goto(server.url);
    const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((el) => (el as HTMLLinkElement).href);
    expect(manifestUrl).toBe(`${server.url}manifest.webmanifest`);

    const res = await request.get(manifestUrl);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/manifest+json');
    const manifest = JSON.parse(await res.text());

    expect(manifest.name).toBe('Ratbond');
    expect(manifest.short_name).toBe('Ratbond');
    expect(manifest.description).toMatch(/rat/i);
    expect(manifest.start_url).toBe('./');
    expect(manifest.scope).toBe('./');
    expect(manifest.display).toBe('standalone');
    expect(manifest.id).toBeTruthy();
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(server.url);

    const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
    const has = (sizes: string, purpose: string) =>
      icons.some((i) => i.sizes === sizes && (i.purpose ?? 'any').split(/\s+/).includes(purpose));
    expect(has('192x192', 'any'), 'a 192 px "any" icon').toBe(true);
    expect(has('512x512', 'any'), 'a 512 px "any" icon').toBe(true);
    expect(has('512x512', 'maskable'), 'a 512 px maskable icon').toBe(true);

    for (const icon of icons) {
      const iconUrl = new URL(icon.src, manifestUrl).href;
      expect(iconUrl.startsWith(server.url), `${iconUrl} is inside the app`).toBe(true);
      const iconRes = await request.get(iconUrl);
      expect(iconRes.status(), iconUrl).toBe(200);
      expect(iconRes.headers()['content-type'], iconUrl).toBe('image/png');
      expect(icon.type).toBe('image/png');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(await iconRes.body()), iconUrl).toEqual({ width: w, height: h });
    }

    // iOS home-screen icon and favicons.
    const appleHref = await page.locator('link[rel="apple-touch-icon"]').evaluate((el) => (el as HTMLLinkElement).href);
    const apple = await request.get(appleHref);
    expect(apple.status()).toBe(200);
    expect(apple.headers()['content-type']).toBe('image/png');
    expect(pngSize(await apple.body())).toEqual({ width: 180, height: 180 });
    for (const href of await page.locator('link[rel="icon"]').evaluateAll((els) => els.map((e) => (e as HTMLLinkElement).href))) {
      expect((await request.get(href)).status(), href).toBe(200);
    }
  });

  test('the service worker controls the page after load + reload and precaches the build', async ({ page }) => {
    await page.goto(server.url);
    await expectAppRendered(page);
    await waitForServiceWorkerControl(page);
    await page.reload();
    await expectAppRendered(page);

    const sw = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('ratbond-'))!);
      const cached = (await cache.keys()).map((r) => r.url);
      return {
        controller: navigator.serviceWorker.controller?.scriptURL ?? null,
        scope: reg?.scope ?? null,
        keys,
        cached,
      };
    });
    expect(sw.controller).toBe(`${server.url}sw.js`);
    expect(sw.scope).toBe(server.url);
    expect(sw.keys.filter((k) => k.startsWith('ratbond-'))).toHaveLength(1);
    // Every file of the build is precached (the hashed names come from the build).
    const swSource = readFileSync(path.join(BUILDS.dist, 'sw.js'), 'utf8');
    expect(swSource).not.toContain('__RATBOND_');
    for (const must of ['index.html', 'manifest.webmanifest', 'icons/icon-192.png']) {
      expect(sw.cached).toContain(`${server.url}${must}`);
    }
    expect(sw.cached.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(sw.cached.some((u) => u.endsWith('.js'))).toBe(true);
    expect(sw.cached.some((u) => u.endsWith('.css'))).toBe(true);
  });

  test('no request ever leaves the origin', async ({ page, context }) => {
    const requests: string[] = [];
    const record = (r: Request) => requests.push(r.url());
    context.on('request', record);
    for (const route of ['', 'rats', 'settings']) {
      await page.goto(`${server.url}${route}`);
      await expectAppRendered(page);
      if (route === '') await waitForServiceWorkerControl(page);
    }
    await page.waitForLoadState('networkidle');
    context.off('request', record);

    expect(requests.length).toBeGreaterThan(3);
    const foreign = requests.filter(
      (u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign, 'requests to other origins').toEqual([]);
  });

  test('CSP: hashes only (no unsafe-inline), no other origins, no violations', async ({ page, request }) => {
    const violations = await recordCspViolations(page);
    await page.goto(server.url);
    await expectAppRendered(page);

    const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(content).toBeTruthy();
    const csp = parseCsp(content!);
    const scriptSrc = csp.get('script-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc.join(' ')).not.toContain('__RATBOND_');
    for (const [name, values] of csp) {
      for (const v of values) {
        expect(v, `${name} ${v}: only keywords, hashes and data:`).toMatch(/^('[a-z-]+'|'sha256-[A-Za-z0-9+/=]+'|data:)$/);
      }
    }
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);

    // The hash really is the hash of Trunk's inline start-up script as served.
    const html = await (await request.get(server.url)).text();
    const scripts = inlineScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const body of scripts) {
      const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
      expect(scriptSrc).toContain(hash);
    }

    for (const route of ['rats', 'settings']) {
      await page.goto(`${server.url}${route}`);
      await expectAppRendered(page);
    }
    await page.waitForLoadState('networkidle');
    expect(violations, 'CSP violations').toEqual([]);
  });
});

test.describe('offline and updates (own servers)', () => {
  test('works offline: reload and deep links after the server is gone', async ({ page }) => {
    const server = await startServer({ root: requireBuild(BUILDS.dist), port: 0 });
    try {
      await page.goto(server.url);
      await expectAppRendered(page);
      await waitForServiceWorkerControl(page);
    } finally {
      await server.close();
    }
    // The server is gone: every navigation now falls back to the precached app shell.
    await page.reload();
    await expectAppRendered(page);
    await page.goto(`${server.url}settings`);
    await expectAppRendered(page);
    await page.goto(`${server.url}rats/some-rat-id`);
    await expectAppRendered(page);
    // An asset request that was never cached fails cleanly (no hang).
    const status = await page.evaluate(async () => {
      try {
        return (await fetch('no-such-file.png')).status;
      } catch {
        return 'network-error';
      }
    });
    expect(status).toBe('network-error');
  });

  test('a new build installs, waits for SKIP_WAITING, then takes over and drops the old cache', async ({ page }) => {
    const server = await startServer({ root: requireBuild(BUILDS.dist), port: 0 });
    requireBuild(BUILDS.next);
    try {
      await page.goto(server.url);
      await expectAppRendered(page);
      await waitForServiceWorkerControl(page);
      const before = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('ratbond-')));
      expect(before).toHaveLength(1);

      const distSw = readFileSync(path.join(BUILDS.dist, 'sw.js'), 'utf8');
      const nextSw = readFileSync(path.join(BUILDS.next, 'sw.js'), 'utf8');
      expect(nextSw, 'the next build has a different sw.js').not.toBe(distSw);

      server.setRoot(BUILDS.next);
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg!.update();
      });
      // The new worker installs (precaches the next build) and then waits.
      await page.waitForFunction(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed',
        undefined,
        { timeout: 20_000 },
      );
      await page.waitForTimeout(1000);
      const waiting = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: !!reg?.waiting, active: reg?.active?.state, keys: await caches.keys() };
      });
      expect(waiting.waiting, 'still waiting: no skipWaiting() on install').toBe(true);
      expect(waiting.active).toBe('activated');
      expect(waiting.keys.filter((k) => k.startsWith('ratbond-'))).toHaveLength(2);

      // What the page does when the user clicks "reload".
      await page.evaluate(async () => {
        const changed = new Promise<void>((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
        );
        const reg = await navigator.serviceWorker.getRegistration();
        reg!.waiting!.postMessage({ type: 'SKIP_WAITING' });
        await changed;
      });
      // controllerchange fires when activation starts; the old cache goes in the activate handler.
      const ratbondCaches = () =>
        page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('ratbond-')));
      await expect.poll(ratbondCaches, { timeout: 10_000 }).toHaveLength(1);
      const after = await ratbondCaches();
      expect(after[0]).not.toBe(before[0]);

      await page.reload();
      await expectAppRendered(page);
      const nextWasm = /[\w-]+_bg\.wasm/.exec(readFileSync(path.join(BUILDS.next, 'index.html'), 'utf8'))?.[0];
      expect(nextWasm).toBeTruthy();
      expect(await page.content()).toContain(nextWasm!);
    } finally {
      await server.close();
    }
  });
});

test.describe('sub-path build (--public-url /ratbond/)', () => {
  test('renders, stays under /ratbond/, and works offline there', async ({ page, context }) => {
    const server = await startServer({ root: requireBuild(BUILDS.subpath), port: 0, base: '/ratbond/' });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const notFound: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) notFound.push(`${r.status()} ${r.url()}`);
    });
    try {
      expect(server.url).toMatch(/\/ratbond\/$/);
      await page.goto(server.url);
      await expectAppRendered(page);
      await waitForServiceWorkerControl(page);
      await expect(page.locator('head base')).toHaveAttribute('href', '/ratbond/');
      const reg = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { scope: r?.scope, script: navigator.serviceWorker.controller?.scriptURL };
      });
      expect(reg.scope).toBe(server.url);
      expect(reg.script).toBe(`${server.url}sw.js`);

      const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((el) => (el as HTMLLinkElement).href);
      expect(manifestUrl).toBe(`${server.url}manifest.webmanifest`);
      await page.goto(`${server.url}settings`);
      await expectAppRendered(page);
      await page.waitForLoadState('networkidle');
    } finally {
      await server.close();
    }
    expect(notFound, 'no 4xx/5xx responses').toEqual([]);
    const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside, 'every request stays under /ratbond/').toEqual([]);

    // Offline under the sub-path, deep link included.
    await page.goto(`${server.url}rats`);
    await expectAppRendered(page);
    await page.reload();
    await expectAppRendered(page);
  });
});
