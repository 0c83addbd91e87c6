// An assessment that is hostile in every text field: markup, scripts, javascript: URLs, RTL
// overrides, very long words and huge numbers. Nothing may execute, the layout must hold, and the
// host page must be unaffected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { DIST_DIR } from '../lib/server.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const env = useServerAndBrowser({ root: DIST });

test('hostile texts render as text, run nothing and keep the layout', { skip: !existsSync(`${DIST}index.html`) }, async () => {
  const p = await newPage(env.browser, { viewport: { width: 360, height: 800 } });
  const { page } = p;
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`${env.server.url}/index.html?lang=en&src=/fixtures/hostile.json`);
  const title = page.getByRole('heading', { level: 1 });
  await title.waitFor();
  // The markup is shown as the visitor would read it, not interpreted.
  assert.match(await title.textContent(), /<script>window.__pwned=1<\/script><img src=x onerror=/);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByText('Step 1 of 1').waitFor();
  const q1 = page.getByRole('group', { name: /window.__pwned=1/ }).first();
  await q1.getByRole('radio').first().check();
  await page.getByRole('textbox').fill('999999999999');
  await page.getByRole('button', { name: 'See results', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Your results' }).waitFor();
  await page.getByRole('heading', { name: /javascript:window.__pwned=3/ }).first().waitFor();

  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a hostile text ran script');
  assert.deepEqual(dialogs, []);
  assert.equal(await page.locator('.sextant script, .sextant img, .sextant a[href^="javascript:"]').count(), 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('a text that opens a right-to-left override and never closes it reverses nothing after it', { skip: !existsSync(`${DIST}index.html`) }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  // Saved answers for another version name it in a notice, with the words that follow.
  await page.addInitScript(() => {
    if (location.protocol !== 'http:') return;
    const version = '2\u202eABC';
    localStorage.setItem(`sextant:e2e-unclosed-bidi:${version}`, JSON.stringify({
      format: 'sextant-state/1', assessment: 'e2e-unclosed-bidi', version, step: 'welcome', locale: 'en', revision: 1, answers: {},
    }));
  });
  await page.goto(`${env.server.url}/index.html?lang=en&src=/fixtures/unclosed-bidi.json`);
  /** Whether `word` inside the text of `selector` is laid out left to right: its first letter left of its last. */
  const leftToRight = (selector, word) =>
    page.evaluate(([selector, word]) => {
      const element = document.querySelector(selector);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent.lastIndexOf(word);
        if (at < 0) continue;
        const box = (i) => {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          return r.getBoundingClientRect();
        };
        return box(at).left < box(at + word.length - 1).left;
      }
      return null;
    }, [selector, word]);
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  assert.equal(await leftToRight('.sx-notice', 'aside'), true, 'the words after the stored version read left to right');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('group', { name: /We deliver/ }).getByRole('radio', { name: 'Agree', exact: true }).check();
  await page.getByRole('button', { name: 'See results', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Your results' }).waitFor();
  // The report's header line: "<title> · Date: <date>".
  assert.equal(await leftToRight('.sx-print-header', 'Date'), true, 'the words after the title read left to right');
  // The page's title, built from the assessment's, closes the override too.
  assert.ok((await page.title()).endsWith('\u202c · Sextant'), `the page title closes the override: ${JSON.stringify(await page.title())}`);
  assert.deepEqual(p.errors(), []);
  await p.close();
});

test('an assessment with many errors lists the first ten, one per line, and counts the rest', { skip: !existsSync(`${DIST}index.html`) }, async () => {
  const p = await newPage(env.browser, { viewport: { width: 320, height: 800 } });
  const { page } = p;
  await page.goto(`${env.server.url}/index.html?lang=en&src=/fixtures/many-errors.json`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^This assessment could not be loaded\./);
  // The address first, then the errors as a list.
  assert.equal(await alert.locator(':scope > p > code').first().textContent(), '/fixtures/many-errors.json:');
  const items = await alert.getByRole('listitem').allTextContents();
  assert.equal(items.length, 11, items.join('\n'));
  assert.match(items[0], /^error\[scale\.unknown\] sections\[0\]\.questions\[0\]\.scale: unknown scale `nope`$/);
  assert.match(items[2], /duplicate question id `q1`/);
  assert.equal(items[10], '(and 6 more)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.deepEqual(p.pageErrors, []);
  await p.close();
});

test('a UTF-16 or Latin-1 assessment file, and one that is not an object, are named for what they are', { skip: !existsSync(`${DIST}index.html`) }, async () => {
  const p = await newPage(env.browser);
  const { page } = p;
  const small = readFileSync(new URL('../fixtures/small.json', import.meta.url), 'utf8');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(small, 'utf16le')]);
  // By path: a glob would also match the page's own address, whose query names the file.
  const at = (file) => (u) => u.pathname === `/fixtures/${file}`;
  await page.route(at('utf16.json'), (r) => r.fulfill({ body: utf16, contentType: 'application/json' }));
  await page.route(at('array.json'), (r) => r.fulfill({ body: `[${small}]`, contentType: 'application/json' }));
  // Saved in Latin-1 ("Windows-1252"): é is one byte that is not UTF-8.
  const latin1 = Buffer.from(small.replace('"Small test scan"', '"Stratégie"'), 'latin1');
  const at8 = latin1.indexOf(0xe9) + 1;
  await page.route(at('latin1.json'), (r) => r.fulfill({ body: latin1, contentType: 'application/json' }));
  for (const [file, says] of [
    ['utf16.json', 'not valid JSON at line 1, column 1: the text is UTF-16, not UTF-8: save the file as UTF-8'],
    ['latin1.json', `/fixtures/latin1.json: not valid UTF-8 (byte ${at8}): save the file as UTF-8`],
    ['array.json', 'the document must be a JSON object ({ … }), not an array ([ … ])'],
  ]) {
    await page.goto(`${env.server.url}/index.html?lang=en&src=/fixtures/${file}`);
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: says }).waitFor();
    assert.match(await alert.textContent(), /^This assessment could not be loaded\./, file);
  }
  assert.deepEqual(p.pageErrors, []);
  await p.close();
});
