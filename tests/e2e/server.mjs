#!/usr/bin/env node
// Tiny dependency-free static server for the end-to-end tests (and for trying a release build).
//
//   CLI:     node tests/e2e/server.mjs [root=dist] [port=8080] [base=/]
//   Module:  const server = await startServer({ root: 'dist', port: 0, base: '/' });
//            server.url      -> 'http://127.0.0.1:PORT/BASE'   (port 0 = pick a free port)
//            server.setRoot('tests/e2e/.builds/next')  // serve another build from now on
//            await server.close()                      // stop listening AND drop open sockets
//
// Behaviour (what a good static host does for Ratbond):
//   - only serves under `base` ("/" or e.g. "/ratbond/"); `/ratbond` redirects to `/ratbond/`
//   - SPA fallback: a path without a file extension that is not a file -> <root>/index.html,
//     so deep links like /rats/abc work; unknown paths WITH an extension -> 404
//   - MIME types incl. application/wasm, application/manifest+json, text/javascript
//   - Cache-Control: no-cache on everything (the service worker does the caching)
//   - GET and HEAD only
//   - with `gzip: true` (the benchmark), text and wasm go out gzip -9 compressed, as real
//     hosts send them; the e2e tests leave it off
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map']);

function normalizeBase(base) {
  let b = base || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

async function statFile(file) {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/**
 * Start a static server.
 * @param {{root: string, port?: number, base?: string, host?: string, quiet?: boolean, gzip?: boolean}} options
 */
export async function startServer({ root, port = 0, base = '/', host = '127.0.0.1', quiet = true, gzip = false } = {}) {
  // file -> { mtimeMs, body } so each file is compressed once.
  const gzipped = new Map();
  async function compressed(file, st) {
    const hit = gzipped.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs) return hit.body;
    const body = gzipSync(await fs.readFile(file), { level: zlibConstants.Z_BEST_COMPRESSION });
    gzipped.set(file, { mtimeMs: st.mtimeMs, body });
    return body;
  }
  if (!root) throw new Error('startServer: root is required');
  let rootDir = path.resolve(root);
  const basePath = normalizeBase(base);
  const sockets = new Set();
  const log = quiet ? () => {} : (...args) => console.log(...args);

  async function resolveFile(urlPath) {
    // urlPath is below basePath; strip it and map onto rootDir safely.
    let rel;
    try {
      rel = decodeURIComponent(urlPath.slice(basePath.length));
    } catch {
      return { status: 400 };
    }
    if (rel.includes('\0')) return { status: 400 };
    const candidate = path.resolve(rootDir, `.${path.posix.sep}${rel}`);
    if (candidate !== rootDir && !candidate.startsWith(rootDir + path.sep)) return { status: 403 };

    let st = await statFile(candidate);
    if (st && st.isDirectory()) {
      const index = path.join(candidate, 'index.html');
      st = await statFile(index);
      if (st && st.isFile()) return { file: index, st };
    } else if (st && st.isFile()) {
      return { file: candidate, st };
    }
    const lastSegment = rel.split('/').pop() || '';
    if (!path.extname(lastSegment)) {
      const index = path.join(rootDir, 'index.html');
      st = await statFile(index);
      if (st && st.isFile()) return { file: index, st, fallback: true };
    }
    return { status: 404 };
  }

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const done = (status) => log(`${req.method} ${req.url} ${status} ${Date.now() - started}ms`);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Method not allowed\n');
        return done(405);
      }
      const url = new URL(req.url, 'http://localhost');
      const pathname = url.pathname;
      if (basePath !== '/' && pathname === basePath.slice(0, -1)) {
        res.writeHead(301, { Location: basePath + url.search, 'Cache-Control': 'no-cache' });
        res.end();
        return done(301);
      }
      if (!pathname.startsWith(basePath)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end(`Not found (this server serves under ${basePath})\n`);
        return done(404);
      }
      const found = await resolveFile(pathname);
      if (!found.file) {
        res.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end(`${found.status}\n`);
        return done(found.status);
      }
      const ext = path.extname(found.file).toLowerCase();
      const type = MIME_TYPES[ext] || 'application/octet-stream';
      if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        const body = await compressed(found.file, found.st);
        res.writeHead(200, {
          'Content-Type': type,
          'Content-Length': body.length,
          'Content-Encoding': 'gzip',
          Vary: 'Accept-Encoding',
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return done(200);
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': found.st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return done(200);
      }
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
      res.on('finish', () => done(200));
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`500 ${err && err.message}\n`);
      done(500);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const origin = `http://${host}:${actualPort}`;
  let closed = false;

  return {
    origin,
    port: actualPort,
    base: basePath,
    url: `${origin}${basePath}`,
    get root() {
      return rootDir;
    },
    /** Serve another directory from now on (e.g. the next build, for the update test). */
    setRoot(dir) {
      rootDir = path.resolve(dir);
    },
    /** Stop listening and destroy kept-alive sockets, so the browser really sees "offline". */
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise((resolve) => {
        server.close(() => resolve());
        if (typeof server.closeAllConnections === 'function') server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

// CLI: node tests/e2e/server.mjs [root] [port] [base]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [root = 'dist', portArg = '8080', base = '/'] = process.argv.slice(2);
  const st = await statFile(path.resolve(root, 'index.html'));
  if (!st) {
    console.error(`server: ${path.resolve(root)} has no index.html (build first: trunk build --release --offline)`);
    process.exit(1);
  }
  const server = await startServer({ root, port: Number(portArg), base, quiet: false });
  console.log(`Serving ${server.root} at ${server.url} (Ctrl+C to stop)`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
