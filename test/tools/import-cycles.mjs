// Fails when modules under src/ import each other in a circle. Every import counts, static,
// type-only or dynamic: a circle of types still ties two files together, so neither can be read,
// moved or tested without the other. Shared types belong in a module both can import from below.
//
//   node test/tools/import-cycles.mjs [dir]     (default: src)

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

/** The files under `root` that `file` imports, by path. */
export function importsOf(file, text) {
  const found = new Set();
  for (const match of text.matchAll(SPECIFIER)) {
    const target = resolve(dirname(file), match[2].replace(/\.js$/, '.ts'));
    if (target.startsWith(root)) found.add(target);
  }
  return found;
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan. */
export function circles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const result = [];
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node).has(node)) result.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return result;
}

const graph = new Map(filesUnder(root).map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));
const found = circles(graph);
if (found.length > 0) {
  console.error(`Import circles under ${relative(process.cwd(), root)}/ (${found.length}):`);
  for (const circle of found) console.error(`  ${circle.map((f) => relative(root, f)).join(' <-> ')}`);
  process.exit(1);
}
console.log(`No import circles among ${graph.size} modules under ${relative(process.cwd(), root) || '.'}/.`);
