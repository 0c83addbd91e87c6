// Subresource integrity: the release loader pins the wasm and the stylesheets, so a changed file
// is refused with a clear message instead of running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST_DIR, REPO_ROOT, startServer } from '../lib/server.mjs';
import { launch, newPage } from '../lib/browser.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const SKIP = !existsSync(`${DIST}integrity.json`);
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the loader carries the hashes of what it fetches', { skip: SKIP }, () => {
  const integrity = JSON.parse(readFileSync(`${DIST}integrity.json`, 'utf8'));
  const loader = readFileSync(`${DIST}sextant.js`, 'utf8');
  for (const file of ['sextant-widget_bg.wasm', 'sextant.css', 'charts.css']) {
    assert.match(integrity[file], /^sha384-[A-Za-z0-9+/]{64}$/);
    assert.ok(loader.includes(integrity[file]), `${file} is not pinned by the loader`);
  }
});

test('the bundle names no folder of the machine that built it', { skip: SKIP }, () => {
  // Panic locations are compiled into the wasm. A dependency's file is named as
  // `yew-0.23.0/src/…` (scripts/paths.sh), without the builder's cargo registry in front;
  // the last check makes sure such names are there to be looked at.
  for (const file of ['sextant-widget_bg.wasm', 'sextant-widget.js', 'sextant.js']) {
    const text = readFileSync(`${DIST}${file}`, 'latin1');
    for (const marker of ['.cargo/registry', 'index.crates.io-', REPO_ROOT]) {
      assert.ok(!text.includes(marker), `${file} contains ${marker}`);
    }
  }
  assert.match(readFileSync(`${DIST}sextant-widget_bg.wasm`, 'latin1'), /[a-z_-]+-\d+\.\d+\.\d+\/src\/[a-z_/]+\.rs/);
});

test('a tampered wasm file is refused and the element says so', { skip: SKIP }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sextant-sri-'));
  cpSync(DIST, dir, { recursive: true });
  const wasm = path.join(dir, 'sextant-widget_bg.wasm');
  const bytes = readFileSync(wasm);
  bytes[bytes.length - 1] ^= 1;
  writeFileSync(wasm, bytes);
  const server = await startServer({ root: dir });
  try {
    const p = await newPage(browser);
    const { page } = p;
    const errors = [];
    await page.exposeFunction('recordSextantError', (m) => errors.push(m));
    await page.addInitScript(() => {
      document.addEventListener('sextant:error', (e) => window.recordSextantError(e.detail.message));
    });
    await page.goto(`${server.url}/demo/consultancy.html`);
    // The demo page and its element are Dutch: so is the message, with the browser's own
    // (English) reason marked as English.
    const alert = page.getByRole('alert').filter({ hasText: 'De vragenlijst kon niet worden gestart' });
    await alert.waitFor();
    assert.equal(await alert.getAttribute('lang'), 'nl');
    assert.equal(await alert.locator('span').getAttribute('lang'), 'en');
    assert.equal(errors.length, 1);
    // It names the file and what can refuse it, not only the browser's "Failed to fetch".
    assert.match(errors[0], /^sextant-widget_bg\.wasm could not be loaded \(Failed to fetch\): .*Content-Security-Policy.*\(connect-src\).*integrity hash differs/);
    assert.match(await alert.innerText(), /sextant-widget_bg\.wasm could not be loaded/);
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'the host page is still there');
    await p.close();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failed load is tried again when the element is put back, and speaks the first language of a list', { skip: SKIP }, async () => {
  const server = await startServer({ root: DIST });
  try {
    const p = await newPage(browser);
    const { page } = p;
    // The first request for the wasm fails, as on a network that drops for a moment.
    let failed = 0;
    await page.route('**/sextant-widget_bg.wasm', (route) => (failed++ === 0 ? route.abort('failed') : route.continue()));
    await page.route('**/host.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>Host</title><h1>Host</h1>
        <script type="module" src="/sextant.js"></script>
        <sextant-scan lang="fr, nl" src="/fixtures/small.json"></sextant-scan></html>`,
    }));
    await page.goto(`${server.url}/host.html`);
    const scan = page.locator('sextant-scan');
    const alert = scan.getByRole('alert').filter({ hasText: 'De vragenlijst kon niet worden gestart' });
    await alert.waitFor();
    assert.equal(await alert.getAttribute('lang'), 'nl');
    // Taken out of the page and put back: the widget loads.
    await page.evaluate(() => {
      const el = document.querySelector('sextant-scan');
      const parent = el.parentNode;
      el.remove();
      parent.append(el);
    });
    await scan.getByRole('button', { name: 'Start', exact: true }).waitFor();
    assert.equal(failed, 2, 'the wasm was asked for again');
    await p.close();
  } finally {
    await server.close();
  }
});

test('the glue is part of the loader: a host pins one file, and a changed glue file is never run', { skip: SKIP }, async () => {
  const integrity = JSON.parse(readFileSync(`${DIST}integrity.json`, 'utf8'));
  const dir = mkdtempSync(path.join(tmpdir(), 'sextant-sri-'));
  cpSync(DIST, dir, { recursive: true });
  // A glue file that would announce itself if it ran.
  const glue = path.join(dir, 'sextant-widget.js');
  writeFileSync(glue, `window.__tamperedGlue = true;\n${readFileSync(glue, 'utf8')}`);
  const pin = (loader) => `<!doctype html><html lang="en"><title>Host</title><h1>Host</h1>
    <script type="module" src="/${loader}" integrity="${integrity['sextant.js']}" crossorigin></script>
    <sextant-scan src="/fixtures/small.json"></sextant-scan></html>`;
  writeFileSync(path.join(dir, 'host.html'), pin('sextant.js'));
  // A changed loader under the same pin.
  writeFileSync(path.join(dir, 'changed.js'), `${readFileSync(path.join(dir, 'sextant.js'), 'utf8')}\n// changed\n`);
  writeFileSync(path.join(dir, 'changed.html'), pin('changed.js'));
  const server = await startServer({ root: dir });
  try {
    const p = await newPage(browser);
    const { page } = p;
    await page.goto(`${server.url}/host.html`);
    await page.locator('sextant-scan').getByRole('button', { name: 'Start', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => window.__tamperedGlue), undefined, 'the glue file did not run');
    assert.deepEqual(server.requests.filter((r) => r.url.includes('sextant-widget.js')), [], 'nor was it fetched');

    // The pinned loader, changed, is refused by the browser: nothing of the widget runs.
    const refused = page.waitForEvent('console', (m) => /integrity/i.test(m.text()));
    await page.goto(`${server.url}/changed.html`);
    await refused;
    assert.equal(await page.evaluate(() => customElements.get('sextant-scan')), undefined);
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Host' }).count(), 1, 'the host page is still there');
    await p.close();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
