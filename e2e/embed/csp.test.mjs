// The hostile demo page served with a strict Content-Security-Policy header: both instances
// complete their scan without a single violation or console error, and the wasm-bindgen glue
// needs no eval.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { DIST_DIR } from '../lib/server.mjs';
import {
  EmbedScan, SMALL, addScan, assertNoErrors, cspViolations, events, recordCspViolations, recordEvents, skip, useBrowser,
} from './embed-page.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const CSP_CONSOLE = /Content Security Policy|Content-Security-Policy/i;

describe('strict CSP header (hostile.html)', () => {
  const ctx = useBrowser({ headers: { 'Content-Security-Policy': CSP } });

  test('the wasm-bindgen glue contains no eval', { skip }, async () => {
    const glue = await readFile(path.join(DIST_DIR, 'sextant-widget.js'), 'utf8');
    assert.ok(glue.length > 1000, 'the glue was read');
    assert.doesNotMatch(glue, /new\s+Function\b/, 'no `new Function` in sextant-widget.js');
    assert.doesNotMatch(glue, /(^|[^.\w$])eval\s*\(/, 'no `eval(` in sextant-widget.js');
    for (const file of ['sextant.js', 'embed.js']) {
      const loader = await readFile(path.join(DIST_DIR, file), 'utf8');
      assert.doesNotMatch(loader, /new\s+Function\b|(^|[^.\w$])eval\s*\(/, `no eval in ${file}`);
    }
  });

  test('both instances complete with no violation and no console error', { skip, timeout: 240_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordCspViolations(page);
      await recordEvents(page);
      const response = await page.goto(`${ctx.server.url}/demo/hostile.html`);
      assert.equal(response.headers()['content-security-policy'], CSP, 'served with exactly the CSP header');

      const first = new EmbedScan(page.locator('sextant-scan#first'), 'en');
      const second = new EmbedScan(page.locator('sextant-scan#second'), 'en');
      await first.waitForWelcome('Commercial Excellence Scan');
      await second.waitForWelcome(SMALL.title);
      await expectNoAxeViolations(page, 'hostile under CSP: welcome');

      await first.completeScan();
      await first.recommendationsHeading().waitFor();
      await second.completeSmall();
      assert.deepEqual(await second.scores(), SMALL.scores);
      // The report's charts (inline SVG) are drawn on the first instance's report.
      assert.ok((await first.scope.locator('svg').count()) > 0, 'the first report draws its charts');

      const complete = await events(page, 'complete');
      assert.equal(complete.length, 2, 'both instances completed');

      assert.deepEqual(await cspViolations(page), [], 'no securitypolicyviolation event');
      assertNoErrors(session, { label: 'under the CSP header' });
      assert.deepEqual(session.consoleErrors.filter((e) => CSP_CONSOLE.test(e)), [], 'no CSP console message');

      // The recorders themselves work: an inline <style> is a violation under this policy.
      const reported = page.waitForEvent('console', (m) => m.type() === 'error' && CSP_CONSOLE.test(m.text()));
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'main { outline: 1px solid red; }';
        document.head.append(style);
      });
      await page.waitForFunction(() => window.__cspViolations.length > 0);
      const [provoked] = await cspViolations(page);
      assert.equal(provoked.directive, 'style-src-elem', 'the provoked violation was recorded');
      await reported;

      // Last, so that an accessibility finding on the reports cannot hide the CSP checks above.
      await expectNoAxeViolations(page, 'hostile under CSP: both reports');
    });
  });
});

// Stricter than the README's policy: nothing by default, no stylesheet may be linked, and
// Trusted Types enforced with no policy at all, so any HTML written as a string is refused.
const STRICTEST = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
  + "style-src 'none'; img-src data:; require-trusted-types-for 'script'; trusted-types 'none'"; // data: for the host page's icon

describe('the strictest policy, with Trusted Types', () => {
  const ctx = useBrowser({ headers: { 'Content-Security-Policy': STRICTEST } });

  test('a scan, its report, a share link and the team view run with no violation', { skip, timeout: 180_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordCspViolations(page);
      await recordEvents(page);
      // A host page without styles of its own: under `style-src 'none'` the browser would
      // refuse those, and only the widget's are at stake here.
      const response = await page.goto(`${ctx.server.url}/fixtures/embed-host.html`);
      assert.equal(response.headers()['content-security-policy'], STRICTEST);
      const scan = new EmbedScan(await addScan(page, { lang: 'en', src: '/fixtures/small.json' }), 'en');
      await scan.waitForWelcome(SMALL.title);
      await scan.completeSmall();
      assert.deepEqual(await scan.scores(), SMALL.scores);
      // The widget's stylesheets are adopted: the report is laid out, not unstyled.
      assert.notEqual(await scan.scope.locator('.sx-app').first().evaluate((e) => getComputedStyle(e).getPropertyValue('--sx-bg').trim()), '');
      // A share link, written into its field, and the team view.
      await scan.button('Make a share link').click();
      await scan.scope.getByRole('textbox', { name: /share link/i }).waitFor();
      await page.evaluate(() => { location.hash = 'team'; });
      await scan.scope.getByRole('heading', { level: 1, name: 'Team comparison', exact: true }).waitFor();
      assert.deepEqual(await cspViolations(page), [], 'no securitypolicyviolation event');
      assertNoErrors(session, { label: 'under the strictest policy' });
    });
  });
});
