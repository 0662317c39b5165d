// Where npm test's time goes: `npx web-test-runner --config test/tools/file-times.config.mjs
// [--group foreground] --port <port>` runs the same files as npm test and prints, slowest first,
// each file's time from page load to its last test and its slowest tests. With two files at a
// time the file times add up to about twice the wall clock; on a shared machine compare them
// with each other, not with yesterday's run.
import config from '../../web-test-runner.config.mjs';
import { writeFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';

function fileTimes() {
  const started = new Map();
  const rows = [];
  const tests = [];
  const collect = (suite, file, prefix = '') => {
    for (const test of suite.tests ?? []) {
      const status = test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed';
      tests.push({ file, name: `${prefix}${test.name}`, ms: test.duration ?? 0, status });
    }
    for (const child of suite.suites ?? []) collect(child, file, `${prefix}${child.name} > `);
  };
  return {
    start({ sessions, startTime }) {
      this.runStart = startTime;
      sessions.on('session-status-updated', (session) => {
        if (session.status === 'INITIALIZING') started.set(session.id, Date.now());
        if (session.status === 'FINISHED') {
          rows.push({ file: session.testFile, group: session.group.name, ms: Date.now() - (started.get(session.id) ?? Date.now()) });
          if (session.testResults) collect(session.testResults, session.testFile);
        }
      });
    },
    stop() {
      const total = rows.reduce((sum, r) => sum + r.ms, 0);
      const s = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
      console.log(`\nFiles, slowest first (sum ${s(total)}, wall ${s(Date.now() - this.runStart)}):`);
      for (const r of rows.sort((a, b) => b.ms - a.ms)) console.log(`${s(r.ms)}  ${r.file}`);
      console.log('\nSlowest tests:');
      for (const t of tests.sort((a, b) => b.ms - a.ms).slice(0, 40)) console.log(`${s(t.ms)}  ${t.file}: ${t.name}`);
      const count = (status) => tests.filter((t) => t.status === status).length;
      console.log(`\n${tests.length} tests: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
      // FILE_TIMES_JSON=path keeps every file's and test's time, to compare two runs.
      if (process.env.FILE_TIMES_JSON) writeFileSync(process.env.FILE_TIMES_JSON, JSON.stringify({ files: rows, tests }, null, 1));
    },
  };
}

export default { ...config, reporters: [defaultReporter(), fileTimes()] };
