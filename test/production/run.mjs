// The production checks of `npm test`: smoke.mjs (dist/ as npm start serves it), then idle.mjs (a
// build of its own), beside offline.mjs (two builds of its own in a temporary folder), then
// launch.mjs (files opened with the installed app and shared to it; a build of its own). They share
// nothing but the machine and mostly wait on the browser; idle waits for smoke because three builds
// and browsers at once, beside the test runner's start, stalled the first test files past their
// timeouts on two cores. Each one's output is printed whole when
// it ends; the run fails if any does.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      process.stdout.write(output);
      resolve(code === 0);
    });
  });
}

const smokeThenIdle = async () => [await run('smoke.mjs'), await run('idle.mjs')];
const offlineThenLaunch = async () => [await run('offline.mjs'), await run('launch.mjs')];
const results = (await Promise.all([smokeThenIdle(), offlineThenLaunch()])).flat();
process.exit(results.every(Boolean) ? 0 : 1);
