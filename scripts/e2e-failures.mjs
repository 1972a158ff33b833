#!/usr/bin/env node
// Prints the e2e tests that did not pass, one line each plus the first line of the error,
// from Playwright's JSON report. scripts/test.sh calls it after a failed e2e stage so that the
// last lines of a CI log name the test (Playwright's own list is above thousands of lines).
//
// After a run that passed it lists the flaky tests (failed, then passed on the retry), if any,
// so a retry never hides one:
//
//   node scripts/e2e-failures.mjs [--passed] [test-results/e2e-report.json]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const passed = args.includes('--passed');
const path = args.find((a) => !a.startsWith('--')) ?? 'test-results/e2e-report.json';
let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (e) {
  if (!passed) console.log(`(no e2e report at ${path}: ${e.message})`);
  process.exit(0);
}

// ANSI colour codes would make the log hard to read.
const plain = (s) => String(s ?? '').replace(/\u001b\[[0-9;]*m/g, '');

const rows = [];
const walk = (suite, titles) => {
  const here = suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status === 'expected' || test.status === 'skipped') continue;
      const failed = (test.results ?? []).find((r) => r.status !== 'passed' && r.status !== 'skipped');
      const error = plain(failed?.error?.message ?? failed?.errors?.[0]?.message ?? '')
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l.length > 0);
      rows.push({
        where: `${spec.file}:${spec.line}`,
        title: [...here, spec.title].join(' › '),
        status: test.status,
        error: error ?? '(no error message)',
      });
    }
  }
  for (const child of suite.suites ?? []) walk(child, here);
};
for (const suite of report.suites ?? []) walk(suite, []);

if (rows.length === 0) {
  if (!passed) console.log('e2e: no failed test in the report (the run itself failed: see above).');
} else {
  const what = passed ? 'flaky e2e tests (failed once, passed on the retry)' : 'e2e tests that did not pass';
  console.log(`${what} (${rows.length}):`);
  for (const r of rows) {
    console.log(`  ${r.status.padEnd(10)} ${r.where} › ${r.title}`);
    console.log(`             ${r.error.slice(0, 300)}`);
  }
}
