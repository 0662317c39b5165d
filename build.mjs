// Production build of the app into dist/ (minified, code-split, hashed names).
//   node build.mjs            build once
//   node build.mjs --watch    rebuild on change
//   node build.mjs --serve    build, then serve dist/ on http://127.0.0.1:$PORT (default 8000)
import * as esbuild from 'esbuild';
import { createServer } from 'node:http';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('.', import.meta.url));
const outdir = join(root, 'dist');

// Served as a header and as a meta tag, so the policy holds whichever way the files are hosted.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** esbuild options shared by the build, the watcher and the size benchmark. */
// @vaadin/router calls Vaadin's usage statistics, which in "development mode" (localhost, or a
// flag in localStorage) posts to tools.vaadin.com. The app makes no third-party requests, so the
// build puts an empty function in its place (which also keeps 3 KB out of the first load).
const noUsageStatistics = {
  name: 'no-vaadin-usage-statistics',
  setup(build) {
    build.onResolve({ filter: /^@vaadin\/vaadin-usage-statistics\// }, (args) => ({ path: args.path, namespace: 'no-usage-statistics' }));
    build.onLoad({ filter: /.*/, namespace: 'no-usage-statistics' }, () => ({ contents: 'export const usageStatistics = () => {};', loader: 'js' }));
  },
};

export const buildOptions = {
  entryPoints: { app: join(root, 'src/app/main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  legalComments: 'none',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  logLevel: 'warning',
  plugins: [noUsageStatistics],
};

// esbuild splits code shared by the app and its lazily loaded modules into one chunk per set of
// modules that share it: 28 small files for the first load, and the browser fetches them six at a
// time over HTTP/1.1. A lazily loaded module that also imports the first load (src/app/first-load.ts,
// which pulls in what main.ts does) puts all of the first load in one chunk. It costs nothing at run
// time: a lazy module is only ever loaded after the first load ran. Two passes, since which
// modules are loaded lazily is known only once the code has been read.
const firstLoadImport = join(root, 'src/app/first-load.ts');

async function lazyModules(options) {
  const { metafile } = await esbuild.build({ ...options, write: false, minify: false, sourcemap: false, logLevel: 'silent' });
  const inFirstLoad = new Set(firstLoadFiles(metafile).files.flatMap((file) => Object.keys(metafile.outputs[file].inputs)));
  const lazy = new Set();
  for (const input of Object.values(metafile.inputs)) {
    for (const imp of input.imports) {
      // One that is in the first load too is loaded already; importing the first load from it would be a cycle.
      if (imp.kind === 'dynamic-import' && !inFirstLoad.has(imp.path)) lazy.add(resolve(options.absWorkingDir ?? process.cwd(), imp.path));
    }
  }
  return lazy;
}

const lazyImportsFirstLoad = (lazy) => ({
  name: 'lazy-imports-first-load',
  setup(build) {
    build.onLoad({ filter: /\.[jt]s$/ }, async (args) => {
      if (!lazy.has(args.path)) return undefined;
      const source = await readFile(args.path, 'utf8');
      return { contents: `import ${JSON.stringify(firstLoadImport)};\n${source}`, loader: extname(args.path).slice(1), resolveDir: dirname(args.path) };
    });
  },
});

/** The production build's esbuild result (`options` may add to buildOptions, e.g. write: false). */
export async function buildProduction(options = {}) {
  const merged = { ...buildOptions, ...options };
  const lazy = await lazyModules(merged);
  return esbuild.build({ ...merged, plugins: [...merged.plugins, lazyImportsFirstLoad(lazy)] });
}

/** The entry script's file name and the first-load files (entry + its static imports + CSS). */
export function firstLoadFiles(metafile) {
  const outputs = metafile.outputs;
  // Lazy pages are entry points to esbuild too; the app's own entry is the one built from main.ts.
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint?.endsWith('src/app/main.ts') && file.endsWith('.js'));
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imp of outputs[file].imports) if (imp.kind === 'import-statement') visit(imp.path);
    if (outputs[file].cssBundle) files.add(outputs[file].cssBundle);
  };
  visit(entry);
  return { entry, files: [...files] };
}

async function writeIndex(metafile) {
  const { entry, files } = firstLoadFiles(metafile);
  const href = (file) => '/' + file.slice(file.indexOf('dist/') + 'dist/'.length);
  const css = files.filter((f) => f.endsWith('.css')).map((f) => `<link rel="stylesheet" href="${href(f)}">`);
  const preload = files
    .filter((f) => f.endsWith('.js') && f !== entry)
    .map((f) => `<link rel="modulepreload" href="${href(f)}">`);
  const template = await readFile(join(root, 'public/index.html'), 'utf8');
  const html = template
    .replace('%CSP%', contentSecurityPolicy)
    .replace('<!-- %HEAD% -->', [...css, ...preload, `<script type="module" src="${href(entry)}"></script>`].join('\n    '));
  await writeFile(join(outdir, 'index.html'), html);
}

async function copyPublic() {
  await cp(join(root, 'public'), outdir, { recursive: true, filter: (src) => !src.endsWith('index.html') });
}

export async function buildApp() {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await buildProduction();
  await copyPublic();
  await writeIndex(result.metafile);
  return result.metafile;
}

async function watch() {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const rewriteIndex = {
    name: 'write-index',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        await copyPublic();
        await writeIndex(result.metafile);
        console.log(`rebuilt ${new Date().toLocaleTimeString()}`);
      });
    },
  };
  const ctx = await esbuild.context({ ...buildOptions, minify: false, plugins: [...buildOptions.plugins, rewriteIndex] });
  await ctx.watch();
  console.log('watching src/ for changes');
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

const compressible = new Set(['.html', '.js', '.css', '.map', '.json', '.svg', '.webmanifest']);

function serve(port) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(outdir, path));
    if (!file.startsWith(outdir + sep) && file !== outdir) {
      res.writeHead(403).end();
      return;
    }
    // Client-side routes (/settings, /history/…) fall back to the app shell.
    if (!extname(file)) file = join(outdir, 'index.html');
    try {
      const body = await readFile(file);
      // Text goes out gzipped, as any real host sends it: the first load is counted that way too.
      const gzip = compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(gzip ? gzipSync(body) : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`Stridewise is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  });
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const args = new Set(process.argv.slice(2));
  if (args.has('--watch')) {
    await watch();
  } else {
    const started = performance.now();
    await buildApp();
    console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
    if (args.has('--serve')) serve(Number(process.env.PORT) || 8000);
  }
}
