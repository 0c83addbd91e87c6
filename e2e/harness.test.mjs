// Self-test of the e2e harness: the static server, the browser helpers, the
// axe check (which must be able to fail), the page object and journeys
// (against e2e/mock-widget/), and scripts/size-report.mjs. Needs no build.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { expectNoAxeViolations } from './lib/axe.mjs';
import { launch, newPage } from './lib/browser.mjs';
import { brokenScanJourney, smallScanJourney } from './lib/journeys.mjs';
import { ScanPage } from './lib/scan-page.mjs';
import { FIXTURES_DIR, REPO_ROOT, startServer } from './lib/server.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** GET (or other method) with a raw, unnormalised path. */
function request(baseUrl, rawPath, { method = 'GET', headers = {} } = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Write { relative path: content } below dir. */
async function writeTree(dir, files) {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

const WASM_BYTES = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]); // empty module

describe('static server', () => {
  let tmp;
  let root;
  let server;

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sextant-e2e-server-'));
    root = path.join(tmp, 'root');
    await writeTree(tmp, { 'secret.txt': 'TOP-SECRET' });
    await writeTree(root, {
      'index.html': '<!doctype html><title>x</title>',
      'app.js': 'export {};',
      'app.wasm': WASM_BYTES,
      'style.css': 'body{}',
      'data.json': '{}',
      'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'sub/index.html': '<!doctype html><title>sub</title>',
    });
    server = await startServer({ root, headers: { 'Content-Security-Policy': STRICT_CSP, 'X-Sextant-Test': 'yes' } });
  });
  after(async () => {
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 with an ephemeral port', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(server.port > 0);
  });

  test('serves files with the right Content-Type', async () => {
    const expected = {
      '/index.html': 'text/html; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/app.wasm': 'application/wasm',
      '/style.css': 'text/css; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/icon.svg': 'image/svg+xml',
    };
    for (const [url, type] of Object.entries(expected)) {
      const res = await request(server.url, url);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers['content-type'], type, url);
    }
    const wasm = await request(server.url, '/app.wasm');
    assert.deepEqual(wasm.body, WASM_BYTES);
  });

  test('serves index.html for directories, ignores the query string', async () => {
    assert.match((await request(server.url, '/')).body.toString(), /<title>x</);
    assert.match((await request(server.url, '/sub/')).body.toString(), /<title>sub</);
    assert.equal((await request(server.url, '/index.html?lang=en&src=/fixtures/small.json')).status, 200);
  });

  test('serves /fixtures/ from e2e/fixtures', async () => {
    const res = await request(server.url, '/fixtures/small.json');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(JSON.parse(res.body).id, 'e2e-small');
  });

  test('answers 404, 405 and HEAD', async () => {
    assert.equal((await request(server.url, '/missing.js')).status, 404);
    assert.equal((await request(server.url, '/fixtures/missing.json')).status, 404);
    const post = await request(server.url, '/index.html', { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
    const head = await request(server.url, '/app.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '10');
    assert.equal(head.body.length, 0);
  });

  test('rejects path traversal', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/sub/../../secret.txt',
      '/..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/fixtures/../../package.json',
      '/fixtures/%2e%2e/%2e%2e/package.json',
      '/fixtures/..%2f..%2fpackage.json',
      '/index.html%00.js',
      '/%E0%A4%A',
    ];
    for (const attempt of attempts) {
      const res = await request(server.url, attempt);
      assert.ok(res.status === 403 || res.status === 404, `${attempt} → ${res.status}`);
      assert.ok(!res.body.includes('TOP-SECRET') && !res.body.includes('"devDependencies"'), attempt);
    }
  });

  test('adds the configured headers to every response', async () => {
    for (const url of ['/index.html', '/app.wasm', '/missing', '/../secret.txt']) {
      const res = await request(server.url, url);
      assert.equal(res.headers['content-security-policy'], STRICT_CSP, url);
      assert.equal(res.headers['x-sextant-test'], 'yes', url);
    }
  });

  test('records every request', async () => {
    const before = server.requests.length;
    await request(server.url, '/app.js?x=1');
    const last = server.requests.at(-1);
    assert.equal(server.requests.length, before + 1);
    assert.deepEqual({ method: last.method, url: last.url }, { method: 'GET', url: '/app.js?x=1' });
    assert.ok(Math.abs(Date.now() - last.time) < 10_000);
  });

  test('answers routes before the file system', async () => {
    const routed = await startServer({
      root,
      headers: { 'X-Sextant-Test': 'routed' },
      routes: {
        '/index.html': { status: 200, type: 'text/html; charset=utf-8', body: '<p>canned</p>' },
        '/api/echo': (req, res) => { res.writeHead(201, { 'Content-Type': 'text/plain' }); res.end(req.method); },
      },
    });
    try {
      const canned = await request(routed.url, '/index.html?x=1');
      assert.equal(canned.body.toString(), '<p>canned</p>');
      assert.equal(canned.headers['x-sextant-test'], 'routed');
      const echo = await request(routed.url, '/api/echo', { method: 'POST' });
      assert.deepEqual([echo.status, echo.body.toString()], [201, 'POST']);
    } finally {
      await routed.close();
    }
  });

  for (const [encoding, decode] of [['gzip', zlib.gunzipSync], ['br', zlib.brotliDecompressSync]]) {
    test(`compresses with ${encoding} when the request accepts it`, async () => {
      const compressing = await startServer({ root, compress: encoding });
      try {
        const plain = await request(compressing.url, '/app.wasm');
        assert.equal(plain.headers['content-encoding'], undefined);
        assert.deepEqual(plain.body, WASM_BYTES);

        const refused = await request(compressing.url, '/app.wasm', { headers: { 'Accept-Encoding': `${encoding};q=0` } });
        assert.equal(refused.headers['content-encoding'], undefined);

        const res = await request(compressing.url, '/app.wasm', { headers: { 'Accept-Encoding': `deflate, ${encoding}` } });
        assert.equal(res.headers['content-encoding'], encoding);
        assert.equal(res.headers.vary, 'Accept-Encoding');
        assert.equal(res.headers['content-type'], 'application/wasm');
        assert.equal(Number(res.headers['content-length']), res.body.length);
        assert.deepEqual(decode(res.body), WASM_BYTES);
      } finally {
        await compressing.close();
      }
    });
  }

  test('refuses an unknown compress option', async () => {
    await assert.rejects(startServer({ root, compress: 'zstd' }), /compress/);
  });
});

test('fixtures: broken.json is small.json with a number as q2 scale', async () => {
  const small = JSON.parse(await readFile(path.join(FIXTURES_DIR, 'small.json'), 'utf8'));
  const broken = JSON.parse(await readFile(path.join(FIXTURES_DIR, 'broken.json'), 'utf8'));
  assert.equal(small.sections[0].questions[1].scale, 'agree5');
  assert.equal(broken.sections[0].questions[1].scale, 5);
  broken.sections[0].questions[1].scale = 'agree5';
  assert.deepEqual(broken, small);
});

describe('browser, console capture and axe', () => {
  let browser;
  let tmp;
  let server;

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sextant-e2e-pages-'));
    const head = '<meta charset="utf-8"><meta name="viewport" content="width=device-width">';
    await writeTree(tmp, {
      'bad.html': `<!doctype html><html lang="en"><head>${head}<title>Bad</title></head><body><main>
        <h1>Bad page</h1>
        <img src="/pixel.svg">
        <input type="text" id="name">
      </main></body></html>`,
      'good.html': `<!doctype html><html lang="en"><head>${head}<title>Good</title>
        <script>window.inlineScriptRan = true;</script></head><body><main>
        <h1>Good page</h1>
        <img src="/pixel.svg" alt="A grey square">
        <label for="name">Your name</label> <input type="text" id="name">
      </main></body></html>`,
      'errors.html': `<!doctype html><html lang="en"><head>${head}<title>Errors</title>
        <link rel="stylesheet" href="/missing.css">
        <script src="/errors.js"></script></head><body><main><h1>Errors</h1></main></body></html>`,
      'errors.js': "console.error('boom from console'); setTimeout(() => { throw new Error('boom from page'); });",
      'pixel.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#888"/></svg>',
    });
    server = await startServer({ root: tmp, headers: { 'Content-Security-Policy': STRICT_CSP } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  test('launches the system Chromium headless', async () => {
    assert.match(browser.version(), /^\d+\./);
    const session = await newPage(browser, { locale: 'nl-NL', viewport: { width: 400, height: 700 } });
    try {
      await session.page.goto(`${server.url}/good.html`);
      assert.equal(await session.page.evaluate(() => navigator.language), 'nl-NL');
      assert.equal(await session.page.evaluate(() => window.innerWidth), 400);
    } finally {
      await session.close();
    }
  });

  test('newPage collects console errors and page errors', async () => {
    const session = await newPage(browser);
    try {
      const pageError = session.page.waitForEvent('pageerror');
      const missingCss = session.page.waitForEvent('console', { predicate: (m) => m.location().url.endsWith('/missing.css') });
      await session.page.goto(`${server.url}/errors.html`);
      await Promise.all([pageError, missingCss]);
      assert.equal(session.consoleErrors.length, 2, session.consoleErrors.join('\n'));
      assert.ok(session.consoleErrors.some((e) => /^boom from console \(.*errors\.js:\d+\)$/.test(e)));
      assert.ok(session.consoleErrors.some((e) => /^Failed to load resource.*404.*missing\.css/.test(e)));
      assert.equal(session.pageErrors.length, 1);
      assert.match(session.pageErrors[0], /boom from page/);
      assert.equal(session.errors().length, 3);
    } finally {
      await session.close();
    }
  });

  test('expectNoAxeViolations rejects a page with violations and lists them', async () => {
    const session = await newPage(browser);
    try {
      await session.page.goto(`${server.url}/bad.html`);
      await assert.rejects(expectNoAxeViolations(session.page, 'bad page'), (err) => {
        assert.ok(err instanceof assert.AssertionError, 'an AssertionError');
        assert.match(err.message, /on bad page/);
        assert.match(err.message, /- image-alt \[critical\]: Images must have alternative text/);
        assert.match(err.message, /- label \[critical\]: Form elements must have labels/);
        assert.match(err.message, /^ {4}img$/m);
        assert.match(err.message, /^ {4}#name$/m);
        assert.ok(err.actual.includes('image-alt') && err.actual.includes('label'));
        return true;
      });
    } finally {
      await session.close();
    }
  });

  test('expectNoAxeViolations passes on a clean page under a strict CSP', async () => {
    const session = await newPage(browser);
    try {
      await session.page.goto(`${server.url}/good.html`);
      // The CSP is in force: the inline script was blocked (and reported).
      assert.equal(await session.page.evaluate(() => window.inlineScriptRan), undefined);
      assert.ok(session.consoleErrors.some((e) => /Content Security Policy/.test(e)), session.consoleErrors.join('\n'));
      await expectNoAxeViolations(session.page, 'good page');
      // A second run reuses the injected axe.
      await expectNoAxeViolations(session.page, 'good page again');
    } finally {
      await session.close();
    }
  });
});

describe('journeys against the mock widget', () => {
  let browser;
  let server;

  before(async () => {
    server = await startServer({ root: path.join(REPO_ROOT, 'e2e', 'mock-widget'), headers: { 'Content-Security-Policy': STRICT_CSP } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('small scan: mouse, keyboard, back, results', async () => {
    const session = await newPage(browser);
    try {
      await smallScanJourney(session, server.url);
    } finally {
      await session.close();
    }
  });

  test('broken scan: the alert names the faulty field', async () => {
    const session = await newPage(browser);
    try {
      await brokenScanJourney(session, server.url);
    } finally {
      await session.close();
    }
  });

  test('Dutch strings and "Not enough answers"', async () => {
    const session = await newPage(browser, { locale: 'nl-NL' });
    try {
      const scan = new ScanPage(session.page, server.url);
      await scan.open({ lang: 'nl', src: '/fixtures/small.json' });
      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      assert.equal(await scan.progressText(), 'Stap 1 van 2');
      await scan.answerWithKeyboard('We deliver quickly.', 'Strongly disagree');
      await scan.next();
      await scan.waitForStep(2, 2, 'Attention');
      await scan.seeResults();
      assert.deepEqual(await scan.scores(), { Speed: '0', Care: 'Te weinig antwoorden' });
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });

  test('a failing expectation in the page object is reported, not hidden', async () => {
    const session = await newPage(browser, { timeout: 2_000 });
    try {
      const scan = new ScanPage(session.page, server.url);
      await scan.open({ lang: 'en', src: '/fixtures/small.json' });
      await scan.start();
      await assert.rejects(scan.answer('We deliver quickly.', 'No such option'), /Timeout/);
      await assert.rejects(scan.answerWithKeyboard('We deliver quickly.', 'No such option'), /Timeout/);
    } finally {
      await session.close();
    }
  });
});

describe('scripts/size-report.mjs', () => {
  const script = path.join(REPO_ROOT, 'scripts', 'size-report.mjs');
  let tmp;

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sextant-e2e-size-'));
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  test('prints a markdown table with a total row', async () => {
    const dist = path.join(tmp, 'dist');
    await writeTree(dist, {
      'index.html': '<!doctype html>'.repeat(100),
      'app_bg.wasm': Buffer.alloc(2048, 7),
      'app.js': 'export const x = 1;\n'.repeat(200),
      'assets/style.css': 'body { color: #111; }\n'.repeat(50),
      'notes.txt': 'not reported',
    });
    const run = spawnSync(process.execPath, [script, dist], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines[0], /^\| File \| Raw \(KiB\) \| gzip -9 \(KiB\) \| brotli q11 \(KiB\) \|$/);
    assert.match(lines[1], /^\|[-:| ]+\|$/);
    const files = lines.slice(2, -1).map((l) => l.split('|')[1].trim());
    assert.deepEqual(files, ['app.js', 'app_bg.wasm', 'assets/style.css', 'index.html']);
    assert.match(lines.find((l) => l.includes('app_bg.wasm')), /\| 2\.0 \|/);
    assert.match(lines.at(-1), /^\| \*\*Total\*\* \| \*\*\d+\.\d\*\* \| \*\*\d+\.\d\*\* \| \*\*\d+\.\d\*\* \|$/);
  });

  test('fails clearly when there is no .wasm', async () => {
    const empty = path.join(tmp, 'no-wasm');
    await writeTree(empty, { 'index.html': '<!doctype html>' });
    const run = spawnSync(process.execPath, [script, empty], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no \.wasm file/);
    const missing = spawnSync(process.execPath, [script, path.join(tmp, 'missing')], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /not found/);
  });
});
