// An assessment that is hostile in every text field: markup, scripts, javascript: URLs, RTL
// overrides, very long words and huge numbers. Nothing may execute, the layout must hold, and the
// host page must be unaffected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DIST_DIR, startServer } from '../lib/server.mjs';
import { launch, newPage } from '../lib/browser.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
let server;
let browser;

before(async () => {
  server = await startServer({ root: DIST });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('hostile texts render as text, run nothing and keep the layout', { skip: !existsSync(`${DIST}index.html`) }, async () => {
  const p = await newPage(browser, { viewport: { width: 360, height: 800 } });
  const { page } = p;
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`${server.url}/index.html?lang=en&src=/fixtures/hostile.json`);
  const title = page.getByRole('heading', { level: 1 });
  await title.waitFor();
  // The markup is shown as the visitor would read it, not interpreted.
  assert.match(await title.textContent(), /<script>window.__pwned=1<\/script><img src=x onerror=/);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByText('Step 1 of 1').waitFor();
  const q1 = page.getByRole('group', { name: /window.__pwned=1/ }).first();
  await q1.getByRole('radio').first().check();
  await page.getByRole('spinbutton').fill('999999999999');
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
