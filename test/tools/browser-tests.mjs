// npm test's browser part: the web-test-runner groups and the production checks (test/production)
// side by side. The production checks mostly wait on a browser recording in real time, so run after
// the test runner they added their whole length to a CI run that has a time limit; beside it they
// cost little. The test runner prints as it goes; the production checks' output follows it, whole.
// Fails when either does.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(command, args, { buffered }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', buffered ? 'pipe' : 'inherit', buffered ? 'pipe' : 'inherit'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

const production = run(process.execPath, ['test/production/run.mjs'], { buffered: true });
const browser = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { buffered: false });
const { ok, output } = await production;
process.stdout.write(output);
process.exit(browser.ok && ok ? 0 : 1);
