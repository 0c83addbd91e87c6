#!/usr/bin/env node
// Subresource integrity for the release bundle in dist/ (or the directory given):
// - bakes the sha384 hashes of the wasm and the stylesheets into dist/sextant.js, so the loader
//   refuses a changed file;
// - writes dist/integrity.json with the hash of every file a host loads;
// - prints the lines a host pastes to pin the bundle.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(path.join(dist, file))).digest('base64')}`;
const pinnedByLoader = ['sextant-widget_bg.wasm', 'sextant.css', 'charts.css'];

const loader = path.join(dist, 'sextant.js');
if (!existsSync(loader)) {
  console.error(`sri: ${loader} is missing; build first`);
  process.exit(1);
}
const hashes = Object.fromEntries(pinnedByLoader.map((f) => [f, sri(f)]));
let source = readFileSync(loader, 'utf8');
const fill = (marker, value, what) => {
  if (!source.includes(marker)) {
    console.error(`sri: the loader has no ${what} to fill (${marker})`);
    process.exit(1);
  }
  source = source.replace(marker, () => value);
};
fill('const INTEGRITY = {};', `const INTEGRITY = ${JSON.stringify(hashes)};`, 'INTEGRITY table');
fill('const GLUE = null;', `const GLUE = ${glueFunction(readFileSync(path.join(dist, 'sextant-widget.js'), 'utf8'))};`, 'GLUE');
writeFileSync(loader, source);

const all = {
  ...hashes,
  'sextant.js': sri('sextant.js'),
  // The standalone page's module (the loader carries its own copy), and the iframe mode's files.
  'sextant-widget.js': sri('sextant-widget.js'),
  ...Object.fromEntries(['embed.html', 'embed.js', 'embed.css'].filter((f) => existsSync(path.join(dist, f))).map((f) => [f, sri(f)])),
};
writeFileSync(path.join(dist, 'integrity.json'), `${JSON.stringify(all, null, 2)}\n`);
console.log('Pin the bundle on a host page with:');
console.log(`  <script type="module" src="/sextant/sextant.js" integrity="${all['sextant.js']}" crossorigin></script>`);

/**
 * The wasm-bindgen glue module as a function that returns what the module exports: its
 * `export` keywords dropped, its export list turned into the returned object. Refuses a module
 * it would not turn into the same code (an import, an export it does not know).
 */
function glueFunction(glue) {
  const exported = [];
  let body = glue.replace(/(^|[;}\s])export\s*\{([^}]*)\};?/g, (_, before, list) => {
    for (const item of list.split(',').map((x) => x.trim()).filter(Boolean)) {
      const [local, as = local] = item.split(/\s+as\s+/);
      exported.push([as, local]);
    }
    return before;
  });
  body = body.replace(/(^|[;}\s])export\s+(class|function|const|let|var)\s+([A-Za-z_$][\w$]*)/g, (_, before, kind, name) => {
    exported.push([name, name]);
    return `${before}${kind} ${name}`;
  });
  const left = /(^|[;}\s])(export|import)[\s{*'"(]/.exec(body);
  if (left || !exported.some(([name]) => name === 'default') || !exported.some(([name]) => name === 'mount_element')) {
    console.error(`sri: the glue module has a form this script does not know${left ? ` (${JSON.stringify(left[0])})` : ''}`);
    process.exit(1);
  }
  const object = exported.map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(', ');
  return `() => {\n${body}\nreturn { ${object} };\n}`;
}
