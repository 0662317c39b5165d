// The production checks of `npm test`, side by side: smoke.mjs (dist/ as npm start serves it),
// offline.mjs (two builds of its own in a temporary folder) and idle.mjs (one of its own) share
// nothing but the machine, and mostly wait on the browser. Each one's output is printed whole when
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

const results = await Promise.all([run('smoke.mjs'), run('offline.mjs'), run('idle.mjs')]);
process.exit(results.every(Boolean) ? 0 : 1);
