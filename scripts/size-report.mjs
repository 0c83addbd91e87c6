#!/usr/bin/env node
// Size report of the release build: every .wasm, .js, .css and .html file of the bundle in
// the repo's dist/ (the demo pages left out) (or the directory given as the first argument), raw and compressed
// with gzip (zlib level 9) and brotli (quality 11), as a markdown table.
//
//   node scripts/size-report.mjs [dist]

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const EXTENSIONS = new Set(['.wasm', '.js', '.css', '.html']);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** All files below dir, as paths relative to it with forward slashes. */
async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    // The demo pages are not part of the bundle a host serves.
    if (entry.isDirectory()) {
      if (entry.name !== 'demo') out.push(...(await listFiles(dir, rel)));
    }
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

export function gzipSize(buf) {
  return zlib.gzipSync(buf, { level: 9 }).length;
}

export function brotliSize(buf) {
  return zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}

/** [{ file, raw, gzip, brotli }] in bytes, sorted by path. */
export async function measure(dir) {
  const files = (await listFiles(dir))
    .filter((f) => EXTENSIONS.has(path.extname(f).toLowerCase()))
    .sort();
  const rows = [];
  for (const file of files) {
    const buf = await readFile(path.join(dir, file));
    rows.push({ file, raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf) });
  }
  return rows;
}

const kib = (bytes) => (bytes / 1024).toFixed(1);

/** The markdown table, total row included. */
export function formatTable(rows) {
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return [
    '| File | Raw (KiB) | gzip -9 (KiB) | brotli q11 (KiB) |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.file} | ${kib(r.raw)} | ${kib(r.gzip)} | ${kib(r.brotli)} |`),
    `| **Total** | **${kib(total.raw)}** | **${kib(total.gzip)}** | **${kib(total.brotli)}** |`,
  ].join('\n');
}

async function main() {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(REPO_ROOT, 'dist');
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    console.error(`size-report: ${dir} not found; build the release first (it should contain the .wasm).`);
    return 1;
  }
  const rows = await measure(dir);
  if (!rows.some((r) => r.file.endsWith('.wasm'))) {
    console.error(`size-report: no .wasm file in ${dir}; is this a release build of the widget?`);
    return 1;
  }
  console.log(formatTable(rows));
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
