// Shared by the size budget test and the benchmark, so both print the same figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';

// The figure people check by hand is `gzip -9 < file | wc -c`; use the gzip binary when there is
// one (its deflate differs slightly from zlib's), else zlib at level 9.
export const haveGzip = spawnSync('gzip', ['--version'], { stdio: 'ignore' }).status === 0;

/** gzip -9 size of `bytes`. */
export function gzipSize(bytes) {
  if (haveGzip) {
    const r = spawnSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 30 });
    if (r.status === 0) return r.stdout.length;
  }
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** Every file under `dir` (dot files skipped), as sorted relative paths with `/`. */
export function listFiles(dir, prefix = '') {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}
