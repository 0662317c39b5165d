// npm test's browser part: the web-test-runner groups and the production checks (test/production)
// side by side. The production checks mostly wait on a browser recording in real time, so run after
// the test runner they added their whole length to a CI run that has a time limit; beside it they
// cost little. The test runner prints as it goes; the production checks' output follows it, whole.
// Fails when either does. CI keeps only the end of a run's output, so a failing test runner's last
// lines (its failures and summary) are printed again at the very end.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(command, args, { live }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (stream) => (d) => {
      output += d;
      if (live) stream.write(d);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    child.on('close', (code) => resolve({ ok: code === 0, code, output }));
  });
}

/** The lines that say what failed: the runner's error reports and its closing summary. */
function failureReport(output) {
  const lines = output.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split('\n');
  const failing = lines.filter((line) => /❌|✖|✗|\bfailed\b(?!,)|Error|timed out|Browser logs/i.test(line) && !/\b0 failed\b/.test(line));
  return [...failing.slice(-80), '--- its last lines:', ...lines.slice(-60)].join('\n');
}

const production = run(process.execPath, ['test/production/run.mjs'], { live: false });
const browser = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { live: true });
const { ok, output } = await production;
process.stdout.write(output);
if (!browser.ok) {
  process.stdout.write(`\nThe test runner failed (exit ${browser.code}). What it reported:\n${failureReport(browser.output)}\n`);
}
if (!ok) process.stdout.write('\nThe production checks failed: see their output above.\n');
process.exit(browser.ok && ok ? 0 : 1);
