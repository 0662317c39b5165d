// npm test runs the test files of a few folders of pure rules and sources in one page a folder,
// through a module that imports each of them: test/<folder>/all.batch.ts. A page per file cost
// about 0.2 s of Chromium CPU each even with its renderer kept, and these folders hold ~120 small
// files. Only folders whose files share no page-wide state: test/store's files each pick their own
// database at the top (useSeparateDatabase), which in one page the last file would pick for all.
// Each file still runs alone as before (`npx web-test-runner --group default
// test/session/gait.test.ts`), and keeps its describe names.
// A file the batch does not import would silently drop out of npm test, so the config refuses to
// run until every batch imports exactly its folder's files (bluetooth and foreground ones apart:
// they run in the foreground group).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

// The biggest first: a batch is one long file for the runner, which starts files in this order.
export const batchedFolders = ['session', 'program', 'ble', 'sources', 'workout', 'coach'];

const ownPage = (file) => /\.(bluetooth|foreground)\.test\.ts$/.test(file);

/** The batch module of `folder`, and the files it must import, relative to `root`. */
function batchOf(root, folder) {
  const batch = `test/${folder}/all.batch.ts`;
  const files = readdirSync(join(root, 'test', folder), { recursive: true })
    .map((path) => `test/${folder}/${path.split('\\').join('/')}`)
    .filter((file) => file.endsWith('.test.ts') && !ownPage(file));
  const imported = [...readFileSync(join(root, batch), 'utf8').matchAll(/^import '\.\/(.+)\.js';$/gm)].map(
    ([, path]) => `test/${folder}/${path}.ts`,
  );
  return { batch, files, imported };
}

/** Checks every batch against its folder; returns the batch modules and the globs that leave their files out. */
export function batchedTestFiles(root) {
  const problems = [];
  const batches = [];
  for (const folder of batchedFolders) {
    const { batch, files, imported } = batchOf(root, folder);
    const missing = files.filter((file) => !imported.includes(file));
    const extra = imported.filter((file) => !files.includes(file));
    const twice = imported.filter((file, i) => imported.indexOf(file) !== i);
    if (missing.length) problems.push(`${batch} does not import ${missing.map((f) => `'./${relative(dirname(batch), f).replace(/\.ts$/, '.js')}'`).join(', ')}`);
    if (extra.length) problems.push(`${batch} imports ${extra.map((f) => basename(f)).join(', ')}, not a test file of the folder (renamed or removed?)`);
    if (twice.length) problems.push(`${batch} imports ${twice.join(', ')} twice`);
    batches.push(batch);
  }
  if (problems.length) {
    throw new Error(`Test batches out of date (test/tools/batched-test-files.mjs):\n  ${problems.join('\n  ')}\nAdd each test file to its folder's all.batch.ts, in alphabetical order.`);
  }
  return { batches, leftOut: batchedFolders.map((folder) => `!test/${folder}/**/*.test.ts`) };
}
