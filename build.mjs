// Production build of the app into dist/ (minified, code-split, hashed names).
//   node build.mjs            build once
//   node build.mjs --watch    rebuild on change (--watch --serve: and serve it, as below)
//   node build.mjs --serve    build, then serve dist/ on http://127.0.0.1:$PORT (default 8000)
// The production build ends with a Workbox service worker (dist/sw.js) that precaches every file
// of the build, so the app opens offline after one visit; the watch build registers none and
// writes a sw.js that removes one an earlier `npm start` left, so development never runs stale code.
import * as esbuild from 'esbuild';
import { createServer } from 'node:http';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
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
  "manifest-src 'self'",
  "worker-src 'self'",
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

// Lit's css`` styles are template strings, which esbuild's minifier leaves as written: their
// comments and indentation would reach every runner. This drops the comments and the white space
// that carries no meaning (runs of it become one space; none around { } ;), outside ${} only.
// Quoted strings in the styles (content: 'Sort by') hold no runs of spaces, so nothing they say changes.
export function minifyCss(body) {
  return body
    .split(/(\$\{[^}]*\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};])\s*/g, '$1')))
    .join('');
}
const withMinifiedCss = (source) => source.replace(/\bcss`([^`]*)`/g, (_, body) => `css\`${minifyCss(body)}\``);

// Lit's html`` and svg`` templates keep their source indentation for the same reason. HTML reads
// any run of white space between or inside tags as one, so in the literal parts of templates
// tagged html or svg a run holding a line break becomes one line break. A small scanner finds them
// (templates nest inside ${} expressions; strings and comments are stepped over); what it changes
// is checked to be white space alone, and anything else stops the build.
export function shrinkHtmlTemplates(source) {
  let out = '';
  let i = 0;
  const n = source.length;
  const copyQuoted = (quote) => {
    const from = i++;
    while (i < n && source[i] !== quote) i += source[i] === '\\' ? 2 : 1;
    i++;
    out += source.slice(from, i);
  };
  const copyComment = () => {
    const end = source[i + 1] === '/' ? source.indexOf('\n', i) : source.indexOf('*/', i) + 2;
    const to = end <= 0 ? n : end;
    out += source.slice(i, to);
    i = to;
  };
  // Code up to the } that closes a ${ (or to the end of the file).
  const code = (inTemplate) => {
    let depth = 0;
    while (i < n) {
      const c = source[i];
      if (c === "'" || c === '"') copyQuoted(c);
      else if (c === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) copyComment();
      else if (c === '`') {
        const tagged = /\b(?:html|svg)$/.test(source.slice(Math.max(0, i - 4), i));
        out += c;
        i++;
        template(tagged);
      } else {
        if (c === '{') depth++;
        if (c === '}' && depth-- === 0 && inTemplate) return;
        out += c;
        i++;
      }
    }
  };
  // A template's literal parts after its opening backtick, through its closing one.
  const template = (shrink) => {
    let text = '';
    const flush = () => {
      out += shrink ? text.replace(/[ \t]*\n\s*/g, '\n') : text;
      text = '';
    };
    while (i < n) {
      const c = source[i];
      if (c === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        out += c;
        i++;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        code(true);
        out += '}';
        i++;
      } else {
        text += c;
        i++;
      }
    }
    flush();
  };
  code(false);
  if (out.replace(/\s+/g, '') !== source.replace(/\s+/g, '')) throw new Error('shrinkHtmlTemplates changed more than white space');
  return out;
}
const withMinifiedStyles = (source) => shrinkHtmlTemplates(withMinifiedCss(source));
const minifiedStyles = {
  name: 'minified-lit-styles',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      return { contents: withMinifiedStyles(await readFile(args.path, 'utf8')), loader: 'ts' };
    });
  },
};

// Two parts of @vaadin/router this app never uses, left out of the first load (0.6 KB gzip): named
// routes' URLs (urlForName, with its route cache) and route transitions (a route's `animate`). Each is
// replaced by a function that throws, so a use would fail loudly; the smoke check also looks for one in src/.
const unusedRouterParts = {
  name: 'unused-router-parts',
  setup(build) {
    build.onResolve({ filter: /^\.\/(resolver\/generateUrls|transitions\/animate)\.js$/ }, (args) =>
      /@vaadin[\\/]router/.test(args.importer) ? { path: args.path, namespace: 'unused-router-part' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'unused-router-part' }, (args) => ({
      contents: `export default () => { throw new Error('${args.path} is left out of the build (build.mjs)'); };`,
      loader: 'js',
    }));
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
  plugins: [noUsageStatistics, unusedRouterParts, minifiedStyles],
  // The production build registers the service worker; the watch build must not (see watch()).
  define: { STRIDE_SERVICE_WORKER: 'true' },
};

// esbuild splits code shared by the app and its lazily loaded modules into one chunk per set of
// modules that share it: 28 small files for the first load, and the browser fetches them six at a
// time over HTTP/1.1. A lazily loaded module that also imports the first load (src/app/first-load.ts,
// which pulls in what main.ts does) puts all of the first load in one chunk. It costs nothing at run
// time: a lazy module is only ever loaded after the first load ran. Two passes, since which
// modules are loaded lazily is known only once the code has been read.
// The lazy module gets first-load.ts's own imports rather than an import of first-load.ts: that file
// holds no code, and imported only by lazy modules it would be one more (empty) chunk, which the
// first load fetches and the service worker lists.
const firstLoadFile = join(root, 'src/app/first-load.ts');
async function firstLoadImports() {
  const source = await readFile(firstLoadFile, 'utf8');
  const paths = [...source.matchAll(/^import '(\.[^']+)\.js';$/gm)].map(([, path]) => resolve(dirname(firstLoadFile), `${path}.ts`));
  if (paths.length === 0) throw new Error('src/app/first-load.ts imports nothing the build can read');
  return paths.map((path) => `import ${JSON.stringify(path)};\n`).join('');
}

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

const lazyImportsFirstLoad = (lazy, firstLoad) => ({
  name: 'lazy-imports-first-load',
  setup(build) {
    build.onLoad({ filter: /\.[jt]s$/ }, async (args) => {
      if (!lazy.has(args.path)) return undefined;
      const source = withMinifiedStyles(await readFile(args.path, 'utf8'));
      return { contents: `${firstLoad}${source}`, loader: extname(args.path).slice(1), resolveDir: dirname(args.path) };
    });
  },
});

const workerEntries = {
  'import-worker': join(root, 'src/export/import-worker.ts'),
  'encode-worker': join(root, 'src/export/encode-worker.ts'),
};
/** The define naming each worker's file for the app, by its entry's name in workerEntries. */
const workerDefines = { 'import-worker': 'STRIDE_IMPORT_WORKER_URL', 'encode-worker': 'STRIDE_ENCODE_WORKER_URL' };

/**
 * The workers (src/export/import-worker.ts and encode-worker.ts), built on their own: a worker
 * cannot share the app's chunks, which load the page's first load with them. Built together, so
 * the two share one chunk of Garmin's FIT SDK (440 KB) rather than each precaching its own. Their
 * names carry esbuild's hash, as lazy files do, so the service worker precaches them with them; the
 * FIT decoder and encoder are chunks a worker loads only for a FIT file. Returns the defines that
 * tell the app where they are.
 */
async function buildWorkers(dir, overrides = {}) {
  const { metafile } = await esbuild.build({
    ...buildOptions,
    ...overrides,
    entryPoints: workerEntries,
    outdir: dir,
    plugins: [minifiedStyles],
    define: {},
  });
  const defines = {};
  for (const [name, source] of Object.entries(workerEntries)) {
    const file = Object.keys(metafile.outputs).find((f) => metafile.outputs[f].entryPoint?.endsWith(relative(root, source).split(sep).join('/')));
    // The metafile's paths are relative to the working directory esbuild was given.
    const path = resolve(overrides.absWorkingDir ?? process.cwd(), file);
    defines[workerDefines[name]] = JSON.stringify(`/${relative(resolve(dir), path).split(sep).join('/')}`);
  }
  return defines;
}

/**
 * The production build's esbuild result (`options` may add to buildOptions, e.g. write: false),
 * with the workers built beside it (written or not, as the app is), so the app names them.
 */
export async function buildProduction(options = {}) {
  const workerUrls = await buildWorkers(options.outdir ?? outdir, options);
  const merged = { ...buildOptions, ...options, define: { ...buildOptions.define, ...options.define, ...workerUrls } };
  const lazy = await lazyModules(merged);
  // First: a lazy module is loaded by this plugin (its styles minified too), every other by the rest.
  return esbuild.build({ ...merged, plugins: [lazyImportsFirstLoad(lazy, await firstLoadImports()), ...merged.plugins] });
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

async function writeIndex(metafile, dir = outdir) {
  const { entry, files } = firstLoadFiles(metafile);
  // The metafile's paths are relative to the working directory.
  const href = (file) => '/' + relative(dir, resolve(file)).split(sep).join('/');
  const css = files.filter((f) => f.endsWith('.css')).map((f) => `<link rel="stylesheet" href="${href(f)}">`);
  const preload = files
    .filter((f) => f.endsWith('.js') && f !== entry)
    .map((f) => `<link rel="modulepreload" href="${href(f)}">`);
  const template = await readFile(join(root, 'public/index.html'), 'utf8');
  const html = template
    .replace('%CSP%', contentSecurityPolicy)
    .replace('<!-- %HEAD% -->', [...css, ...preload, `<script type="module" src="${href(entry)}"></script>`].join('\n    '));
  await writeFile(join(dir, 'index.html'), html);
}

async function copyPublic(dir = outdir) {
  await cp(join(root, 'public'), dir, { recursive: true, filter: (src) => !src.endsWith('index.html') });
  // The manifest is fetched by every first visit too: its indentation is for people reading public/.
  const manifest = join(dir, 'manifest.webmanifest');
  await writeFile(manifest, JSON.stringify(JSON.parse(await readFile(manifest, 'utf8'))));
  // The page's palette (both themes) is in the first load: minified like the scripts.
  const css = await readFile(join(dir, 'base.css'), 'utf8');
  const { code } = await esbuild.transform(css, { loader: 'css', minify: true, target: 'chrome110' });
  await writeFile(join(dir, 'base.css'), code);
}

/** esbuild's [hash] in a file name: such a file never changes, so it needs no revision. */
const hashedName = /-[A-Z0-9]{8}\.(?:js|css)$/;

/**
 * The service worker: src/app/service-worker.ts (a precache in Workbox's format, in a few lines), bundled by
 * esbuild into one same-origin dist/sw.js that fetches nothing else, with the precache list from
 * workbox-build's getManifest in place of STRIDE_PRECACHE: the whole build (html, css, every
 * chunk, icons, manifest; not the source maps, nor the README's screenshots), each file with a
 * revision unless its name carries esbuild's hash. This is Workbox's injectManifest done in
 * one esbuild step: generateSW (and injectManifest, through workbox-build's index) load rollup,
 * babel and terser, which cost 14 s per build on a 2-core machine against well under a second here.
 */
async function writeServiceWorker(dir) {
  const { getManifest } = await import('workbox-build/build/get-manifest.js');
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: dir,
    globPatterns: ['**/*.{html,js,css,svg,png,webmanifest}'],
    globIgnores: ['sw.js', 'screenshots/**'],
    dontCacheBustURLsMatching: hashedName,
    // The FIT reader and writer (Garmin's SDK) are one chunk of about 450 KB; the default cap is 2 MB.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  // One line a file, "/url" or "/url revision": Workbox's {url, revision} objects repeat their keys
  // and null for every hashed file, bytes each runner's first load fetches with sw.js. A revision
  // only has to differ when the file does: 10 of the MD5's 32 hex digits (40 bits) do that.
  const precache = manifestEntries.map(({ url, revision }) => `/${url}${revision ? ` ${revision.slice(0, 10)}` : ''}`).join('\n');
  await esbuild.build({
    entryPoints: [join(root, 'src/app/service-worker.ts')],
    outfile: join(dir, 'sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { STRIDE_PRECACHE: JSON.stringify(precache) },
  });
}

/**
 * Builds the app into `dir` (dist/ unless told otherwise); `overrides` are merged into the esbuild
 * options (the offline test makes a second, different build with a banner).
 */
export async function buildApp({ dir = outdir, ...overrides } = {}) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const result = await buildProduction({ ...overrides, outdir: dir });
  await copyPublic(dir);
  await writeIndex(result.metafile, dir);
  await writeServiceWorker(dir);
  return result.metafile;
}

// What the watch build serves as sw.js: a service worker a production build left on this origin
// would keep answering with the code it cached, so this one replaces it, empties its caches,
// unregisters and reloads the open tabs, which then run the watched build straight from dist/.
const removeServiceWorker = `// Written by npm run dev: removes the service worker an earlier production build installed.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) await caches.delete(key);
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
  })());
});
`;

/** Rebuilds `dir` (dist/ unless told otherwise) on every change; resolves with esbuild's context after the first build. */
export async function watch({ dir = outdir } = {}) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let built;
  const firstBuild = new Promise((resolve) => (built = resolve));
  const rewriteIndex = {
    name: 'write-index',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        await copyPublic(dir);
        await writeIndex(result.metafile, dir);
        await writeFile(join(dir, 'sw.js'), removeServiceWorker);
        console.log(`rebuilt ${new Date().toLocaleTimeString()}`);
        built();
      });
    },
  };
  const workerCtx = await esbuild.context({ ...buildOptions, entryPoints: workerEntries, entryNames: '[name]', outdir: dir, minify: false, define: {} });
  await workerCtx.watch();
  const ctx = await esbuild.context({
    ...buildOptions,
    outdir: dir,
    minify: false,
    define: { STRIDE_SERVICE_WORKER: 'false', STRIDE_IMPORT_WORKER_URL: JSON.stringify('/import-worker.js'), STRIDE_ENCODE_WORKER_URL: JSON.stringify('/encode-worker.js') },
    plugins: [...buildOptions.plugins, rewriteIndex],
  });
  await ctx.watch();
  await firstBuild;
  // One context to the caller: disposing it stops the workers' watcher too.
  return { ...ctx, dispose: () => Promise.all([workerCtx.dispose(), ctx.dispose()]).then(() => undefined) };
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

/**
 * Serves `dir` as a static host would. Only files with esbuild's hash in their name are cached for
 * good; the rest (index.html, sw.js, base.css, the manifest, icons) are revalidated on every use, so
 * the browser sees a new service worker as soon as one is deployed.
 */
export function serve(port, dir = outdir, onListening = () => console.log(`Stridewise is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)`)) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    // Client-side routes (/settings, /history/…) fall back to the app shell.
    if (!extname(file)) file = join(dir, 'index.html');
    try {
      const body = await readFile(file);
      // Text goes out gzipped, as any real host sends it: the first load is counted that way too.
      const gzip = compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': hashedName.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(gzip ? gzipSync(body) : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  server.listen(port, '127.0.0.1', onListening);
  return server;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const args = new Set(process.argv.slice(2));
  if (args.has('--watch')) {
    await watch();
    console.log('watching src/ for changes');
    if (args.has('--serve')) serve(Number(process.env.PORT) || 8000);
  } else {
    const started = performance.now();
    await buildApp();
    console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
    if (args.has('--serve')) serve(Number(process.env.PORT) || 8000);
  }
}
