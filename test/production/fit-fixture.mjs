// A real FIT file for the production checks: the export tests' recorded run (30 minutes, laps, a
// pause) written by the app's own FIT encoder, bundled for Node by esbuild.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The bytes of the fixture run as a FIT file. */
export async function fixtureFitBytes() {
  const contents = [
    "import { fixtureSession } from './test/export/session-fixture.ts';",
    "import { encodeFit } from './src/export/fit.ts';",
    'export const bytes = encodeFit(fixtureSession());',
  ].join('\n');
  const { outputFiles } = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'error',
  });
  const { bytes } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  return bytes;
}
