// Tampered page addresses: a link to index.html or embed.html whose query string names another
// site for the assessment, the submit URL or the share links is refused with a message, and
// nothing is fetched from that site. An assessment that never arrives ends in a message too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import zlib from 'node:zlib';
import { DIST_DIR, startServer } from '../lib/server.mjs';
import { launch, newPage } from '../lib/browser.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const SKIP = !existsSync(`${DIST}index.html`);
let server;
// Another origin (another port): a site the visitor did not choose.
let other;
let browser;
const hanging = [];

before(async () => {
  server = await startServer({
    root: DIST,
    routes: {
      // Answers nothing, ever: the widget must give up with a message.
      '/never.json': (req, res) => hanging.push(res),
      // A body without a declared length that never ends.
      '/endless.json': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const more = () => { while (!res.destroyed && res.write(chunk)); };
        res.on('drain', more);
        more();
        hanging.push(res);
      },
      // 64 KiB on the wire that unpacks to 64 MiB: the declared length is the packed one.
      '/packed.json': {
        type: 'application/json',
        headers: { 'Content-Encoding': 'gzip' },
        body: zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)),
      },
    },
  });
  other = await startServer({
    root: DIST,
    headers: { 'Access-Control-Allow-Origin': '*' },
    routes: { '/host.html': { type: 'text/html', body: '<!doctype html><html lang="en"><title>Host</title><h1>Host</h1></html>' } },
  });
  browser = await launch();
});

after(async () => {
  for (const res of hanging) res.destroy();
  await browser?.close();
  await server?.close();
  await other?.close();
});

const fromOther = () => other.requests.filter((r) => r.url.startsWith('/fixtures/') || r.url.startsWith('/collect'));

for (const [option, value, lang, lead] of [
  ['src', () => `${other.url}/fixtures/small.json`, 'en', 'This assessment could not be loaded'],
  ['submit-url', () => `${other.url}/collect`, 'nl', 'Deze vragenlijst kon niet worden geladen'],
  ['share-base', () => `${other.url}/report.html`, 'en', 'This assessment could not be loaded'],
]) {
  test(`index.html: ${option} on another site is refused with a message`, { skip: SKIP }, async () => {
    const p = await newPage(browser);
    const { page } = p;
    const seen = fromOther().length;
    await page.goto(`${server.url}/index.html?lang=${lang}&${option}=${encodeURIComponent(value())}`);
    const alert = page.locator('.sextant [role=alert]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.ok(text.startsWith(lead), text);
    assert.match(text, new RegExp(`${option}: ${other.url.replace(/[.]/g, '\\.')} is on another site than this page`));
    // The scan does not start, and the other site is never asked for anything.
    assert.equal(await page.getByRole('button', { name: 'Start', exact: true }).count(), 0);
    assert.equal(fromOther().length, seen);
    // The host page around the widget keeps working.
    assert.ok(await page.getByRole('link', { name: /Demo pages/ }).isVisible());
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });
}

test('index.html: addresses on the page\'s own site are taken, relative or absolute', { skip: SKIP }, async () => {
  const p = await newPage(browser);
  const { page } = p;
  const own = encodeURIComponent(`${server.url}/fixtures/small.json`);
  await page.goto(`${server.url}/index.html?lang=en&src=${own}&submit-url=/collect&share-base=${encodeURIComponent(`${server.url}/index.html`)}`);
  await page.getByRole('heading', { level: 1, name: 'Small test scan' }).waitFor();
  assert.equal(await page.locator('.sextant [role=alert]').count(), 0);
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('index.html: a relative share-base gives share links that work anywhere (absolute)', { skip: SKIP, timeout: 60_000 }, async () => {
  for (const [base, expected] of [
    ['/fixtures/host.html', '/fixtures/host.html#r='],
    ['host.html?x=1', '/host.html?x=1#r='],
  ]) {
    const p = await newPage(browser);
    const { page } = p;
    await page.addInitScript((k) => {
      if (location.protocol === 'http:') {
        localStorage.setItem(k, JSON.stringify({ format: 'sextant-state/1', assessment: 'e2e-small', version: '1', step: 'report', locale: 'en', revision: 1, answers: { q1: 4, q2: 5, q3: 2 } }));
      }
    }, 'sextant:e2e-small:1');
    await page.goto(`${server.url}/index.html?lang=en&src=/fixtures/small.json&share-base=${encodeURIComponent(base)}`);
    await page.getByRole('button', { name: 'Make a share link', exact: true }).click();
    const field = page.getByRole('textbox', { name: 'Share link', exact: true });
    await page.waitForFunction(() => document.querySelector('#app input[readonly]')?.value.includes('#r='));
    const link = await field.inputValue();
    assert.ok(link.startsWith(`${server.url}${expected}`), `${base}: ${link}`);
    assert.deepEqual(p.errors(), []);
    await p.close();
  }
});

test('index.html: an address that is not one is refused', { skip: SKIP }, async () => {
  const p = await newPage(browser);
  const { page } = p;
  await page.goto(`${server.url}/index.html?lang=en&submit-url=${encodeURIComponent('http://[bad')}`);
  const alert = page.locator('.sextant [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /submit-url: http:\/\/\[bad is not an address/);
  await p.close();
});

test('index.html: a data: address, which is on no site, is refused and says so', { skip: SKIP }, async () => {
  const p = await newPage(browser);
  const { page } = p;
  const data = 'data:application/json,' + encodeURIComponent('{"format": "sextant/1"}');
  await page.goto(`${server.url}/index.html?lang=en&src=${encodeURIComponent(data)}`);
  const alert = page.locator('.sextant [role=alert]');
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /src: a `data:` address is on no site; an address in the page's query string must be on this site/);
  assert.doesNotMatch(text, /null/);
  assert.equal(await page.getByRole('button', { name: 'Start', exact: true }).count(), 0);
  await p.close();
});

test('embed.html on its own: an address on another site is refused with a message', { skip: SKIP }, async () => {
  const p = await newPage(browser);
  const { page } = p;
  const seen = fromOther().length;
  await page.goto(`${server.url}/embed.html?lang=nl&src=${encodeURIComponent(`${other.url}/fixtures/small.json`)}`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^Deze vragenlijst start niet: .*src$/);
  assert.equal(await page.locator('sextant-scan').count(), 0);
  assert.equal(fromOther().length, seen);
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('embed.html in a frame: the framing page may name another site', { skip: SKIP }, async () => {
  const p = await newPage(browser);
  const { page } = p;
  // The host page on `other` frames the widget on `server`, with the assessment on `other`.
  const frameUrl = `${server.url}/embed.html?lang=en&storage-key=framed-other&src=${encodeURIComponent(`${other.url}/fixtures/small.json`)}`;
  await page.goto(`${other.url}/host.html`);
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Scan';
    frame.style.height = '600px';
    document.body.append(frame);
  }, frameUrl);
  const frame = page.frameLocator('iframe[title=Scan]');
  await frame.getByRole('heading', { level: 1, name: 'Small test scan' }).waitFor();
  assert.equal(await frame.getByRole('alert').count(), 0);
  await p.close();
});

test('an assessment that never arrives ends in a message, not endless loading', { skip: SKIP, timeout: 60_000 }, async () => {
  const p = await newPage(browser, { timeout: 45_000 });
  const { page } = p;
  await page.goto(`${server.url}/index.html?lang=en&src=/never.json`);
  assert.equal(await page.locator('.sextant [role=alert]').count(), 0, 'still loading at first');
  const alert = page.locator('.sextant [role=alert]');
  await alert.waitFor({ timeout: 40_000 });
  const text = await alert.textContent();
  assert.ok(text.startsWith('This assessment could not be loaded'), text);
  assert.match(text, /\/never\.json: no complete answer within 20 seconds/);
  assert.ok(hanging.length >= 1, 'the request reached the server');
  await p.close();
});

test('a body larger than the limit is given up at the limit, without a declared length or packed', { skip: SKIP, timeout: 60_000 }, async () => {
  for (const name of ['endless', 'packed']) {
    const p = await newPage(browser, { timeout: 30_000 });
    const { page } = p;
    await page.goto(`${server.url}/index.html?lang=en&src=/${name}.json`);
    const alert = page.locator('.sextant [role=alert]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.ok(text.startsWith('This assessment could not be loaded'), text);
    assert.match(text, new RegExp(`/${name}\\.json: the file is larger than the limit of 4194304 bytes`));
    // No more of it was kept than the limit allows (the heap holds the read part, at most).
    const heap = await page.evaluate(() => performance.memory.usedJSHeapSize);
    assert.ok(heap < 32 * 1024 * 1024, `${name}: the page's heap is ${heap} bytes`);
    await p.close();
  }
});
