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
const source = readFileSync(loader, 'utf8');
const marker = 'const INTEGRITY = {};';
if (!source.includes(marker)) {
  console.error('sri: the loader has no INTEGRITY table to fill');
  process.exit(1);
}
writeFileSync(loader, source.replace(marker, `const INTEGRITY = ${JSON.stringify(hashes)};`));

const all = { ...hashes, 'sextant.js': sri('sextant.js'), 'sextant-widget.js': sri('sextant-widget.js') };
writeFileSync(path.join(dist, 'integrity.json'), `${JSON.stringify(all, null, 2)}\n`);
console.log('Pin the bundle on a host page with:');
console.log(`  <link rel="modulepreload" href="/sextant/sextant-widget.js" integrity="${all['sextant-widget.js']}" crossorigin>`);
console.log(`  <script type="module" src="/sextant/sextant.js" integrity="${all['sextant.js']}" crossorigin></script>`);
