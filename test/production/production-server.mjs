// `npm start` for the production tests and the benchmarks: the production build served on a random local port.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds and serves dist/ as `npm start` does (on `port`); resolves with the origin and a stop function. */
export function startProductionServer(port = 20000 + Math.floor(Math.random() * 20000)) {
  const server = spawn(process.execPath, ['build.mjs', '--serve'], { cwd: root, env: { ...process.env, PORT: String(port) } });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    server.stderr.on('data', (d) => (output += d));
    server.stdout.on('data', (d) => {
      output += d;
      if (output.includes(`127.0.0.1:${port}/`)) {
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${port}`, stop: () => server.kill() });
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}
