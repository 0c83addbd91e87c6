// "Send my result" (submit-url): nothing is posted before consent; without consent the widget says
// why; with consent it POSTs exactly the sextant:complete detail; a failing endpoint shows an
// error while the report stays; the host's consent-text replaces the default one.
// The host page is e2e/fixtures/embed-submit.html; the endpoint is a route on the test server.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { EmbedScan, SMALL, addScan, assertNoErrors, recordEvents, skip, useBrowser, waitForEvents } from './embed-page.mjs';

const CONSENT_TEXT = 'Yes, Example Ltd may receive my answers and my result.';

describe('submit flow', () => {
  // What the endpoint answers, and what it received.
  const endpoint = { status: 200, received: [], hang: false };
  const ctx = useBrowser({
    routes: {
      '/api/submit': (req, res) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
          // A server that never answers: the request stays open until the page gives up.
          if (endpoint.hang) return;
          endpoint.received.push({
            method: req.method,
            type: req.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          });
          res.writeHead(endpoint.status, { 'Content-Type': 'application/json' });
          res.end(endpoint.status < 300 ? '{"ok":true}' : '{"ok":false}');
        });
      },
    },
  });
  const posts = () => ctx.server.requests.filter((r) => r.url.startsWith('/api/submit'));

  /** Open the host page and complete the small scan up to its report. */
  async function openReport(page) {
    await recordEvents(page);
    await page.goto(`${ctx.server.url}/fixtures/embed-submit.html`);
    const scan = new EmbedScan(page.locator('sextant-scan#scan'), 'en');
    await scan.waitForWelcome(SMALL.title);
    // The welcome screen says where a result can go, instead of "Nothing is sent anywhere".
    const site = new URL(ctx.server.url).host;
    await scan.scope.getByText(`Your answers stay in this browser. Only if you choose to send your result on the report is it sent, to ${site}.`, { exact: true }).waitFor();
    assert.equal(await scan.scope.getByText(scan.t.privacy).count(), 0);
    await scan.completeSmall();
    return scan;
  }

  /** Tick consent and send; returns the failure message's locator (there once sending fails). */
  async function sendWithConsent(scan) {
    await scan.scope.getByRole('checkbox', { name: CONSENT_TEXT, exact: true }).check();
    await scan.button(scan.t.send).click();
    return scan.scope.getByRole('alert').filter({ hasText: scan.t.sendFailed });
  }

  test('consent first, then the POST body is the sextant:complete detail', { skip, timeout: 90_000 }, async () => {
    endpoint.status = 200;
    endpoint.received.length = 0;
    await ctx.session(async (session) => {
      const { page } = session;
      const scan = await openReport(page);
      const consent = scan.scope.getByRole('checkbox', { name: CONSENT_TEXT, exact: true });
      const send = scan.button(scan.t.send);
      await consent.waitFor();
      assert.equal(await scan.scope.getByText(scan.t.consent).count(), 0, 'the default consent text is replaced');
      assert.equal(await consent.isChecked(), false, 'consent is not given by default');
      await expectNoAxeViolations(page, 'submit: report with the submit panel');
      assert.deepEqual(posts(), [], 'nothing is posted when the report opens');

      // Without consent: no request, and the widget says why.
      await send.click();
      const why = scan.scope.getByRole('alert').filter({ hasText: scan.t.consentNeeded });
      await why.waitFor();
      assert.deepEqual(posts(), [], 'nothing is posted without consent');
      assert.equal(endpoint.received.length, 0);
      await expectNoAxeViolations(page, 'submit: consent needed');

      // Every request the page starts, counted when it is started (a POST still on its way
      // would not be in the server's log yet).
      await page.evaluate(() => {
        const fetch = window.fetch;
        window.__started = 0;
        window.fetch = function (...args) { window.__started += 1; return fetch.apply(this, args); };
      });
      const started = () => page.evaluate(() => window.__started);

      // With consent: one POST of the export, and a confirmation. (What the button says after
      // the consent message is checked in its own test below.)
      await consent.check();
      await send.or(scan.button(scan.t.retry)).click();
      await scan.scope.getByRole('status').filter({ hasText: scan.t.sent }).waitFor();
      assert.equal(posts().length, 1, 'one request to the endpoint');
      assert.equal(endpoint.received.length, 1);
      const [post] = endpoint.received;
      assert.equal(post.method, 'POST');
      assert.match(post.type ?? '', /^application\/json\b/);
      const [complete] = await waitForEvents(page, 'complete');
      assert.deepEqual(JSON.parse(post.body), complete.detail, 'the POST body equals the sextant:complete detail');
      assert.deepEqual(JSON.parse(post.body).answers, SMALL.exported);
      // The button says it is done, keeps the focus, and sends nothing more.
      const sent = scan.button(scan.t.sentButton);
      await sent.waitFor();
      assert.equal(await send.count(), 0, `no "${scan.t.send}" once sent`);
      assert.equal(await sent.getAttribute('aria-disabled'), 'true');
      assert.ok(await sent.evaluate((b) => b === b.getRootNode().activeElement), 'the focus stays on the button');
      assert.equal(await started(), 1, 'one request started');
      await sent.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
      await sent.press('Enter');
      await scan.scope.getByRole('status').filter({ hasText: scan.t.sent }).waitFor();
      // The widget starts a request in a microtask of the click's or key's task, so by this
      // later task any second request would have been started.
      assert.equal(await started(), 1, 'a sent result cannot be sent twice');
      assert.equal(posts().length, 1, 'a sent result cannot be sent twice');
      await expectNoAxeViolations(page, 'submit: sent');
      assertNoErrors(session);
    });
  });

  test('ticking consent after the consent message offers to send, not to retry', { skip, timeout: 90_000 }, async () => {
    endpoint.status = 200;
    endpoint.received.length = 0;
    await ctx.session(async (session) => {
      const { page } = session;
      const scan = await openReport(page);
      await scan.button(scan.t.send).click();
      const why = scan.scope.getByRole('alert').filter({ hasText: scan.t.consentNeeded });
      await why.waitFor();
      await scan.scope.getByRole('checkbox', { name: CONSENT_TEXT, exact: true }).check();
      // Nothing was sent and nothing failed: the button still says what it does, and the
      // message about consent no longer applies.
      await why.waitFor({ state: 'hidden' });
      assert.equal(await scan.button(scan.t.retry).count(), 0, `no "${scan.t.retry}" before any attempt to send`);
      await scan.button(scan.t.send).click();
      await scan.scope.getByRole('status').filter({ hasText: scan.t.sent }).waitFor();
      assert.equal(endpoint.received.length, 1);
      assertNoErrors(session);
    });
  });

  test('a failing endpoint (HTTP 500) shows why, and the report stays', { skip, timeout: 90_000 }, async () => {
    endpoint.status = 500;
    endpoint.received.length = 0;
    await ctx.session(async (session) => {
      const { page } = session;
      const scan = await openReport(page);
      const alert = await sendWithConsent(scan);
      await alert.waitFor();
      assert.ok(await alert.isVisible(), 'the error is visible');
      // The reason, in the visitor's words, with the server's status.
      assert.equal((await alert.innerText()).trim(), `${scan.t.sendFailed} ${scan.t.sendStatus(500)}`,
        'the error gives the reason');
      assert.equal(endpoint.received.length, 1, 'the endpoint was called once');

      // The report is still there, unchanged, and sending can be retried.
      await scan.resultsHeading().waitFor();
      assert.deepEqual(await scan.scores(), SMALL.scores);
      const retry = scan.button(scan.t.retry);
      await retry.waitFor();
      assert.ok(await retry.isEnabled(), 'retry is possible');
      await expectNoAxeViolations(page, 'submit: failed');

      // The endpoint recovers: the retry succeeds.
      endpoint.status = 200;
      await retry.click();
      await scan.scope.getByRole('status').filter({ hasText: scan.t.sent }).waitFor();
      assert.equal(endpoint.received.length, 2);
      assertNoErrors(session, { expected: [/Failed to load resource: .*500.*\/api\/submit/] });
    });
  });

  test('an endpoint that never answers is given up after 30 s, with the reason; sending can be tried again', { skip, timeout: 120_000 }, async () => {
    endpoint.status = 200;
    endpoint.received.length = 0;
    endpoint.hang = true;
    try {
      await ctx.session(async (session) => {
        const { page } = session;
        const scan = await openReport(page);
        const alert = await sendWithConsent(scan);
        await alert.waitFor({ timeout: 60_000 });
        assert.equal((await alert.innerText()).trim(), `${scan.t.sendFailed} the server did not answer within 30 seconds.`);
        await scan.resultsHeading().waitFor();
        endpoint.hang = false;
        await scan.button(scan.t.retry).click();
        await scan.scope.getByRole('status').filter({ hasText: scan.t.sent }).waitFor();
        assert.equal(endpoint.received.length, 1, 'the retry arrived');
        assertNoErrors(session);
      });
    } finally {
      endpoint.hang = false;
    }
  });

  test('a submit-url that is no http(s) address stops the widget with the reason', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}/fixtures/embed-host.html`);
      for (const [id, url, reason] of [
        ['js', 'javascript:alert(1)', 'submit-url: a `javascript:` address cannot be sent to; it must be an http or https address'],
        ['data', 'data:text/plain,hi', 'submit-url: a `data:` address cannot be sent to; it must be an http or https address'],
        ['bad', 'http://[::1', 'submit-url: http://[::1 is not an address; it must be an http or https address'],
        // A scheme alone (a template whose host came out empty) is not the host page's own address.
        ['scheme', 'https:', 'submit-url: https: is not an address; it must be an http or https address'],
      ]) {
        const widget = await addScan(page, { lang: 'en', 'submit-url': url }, { id });
        const alert = widget.getByRole('alert');
        await alert.filter({ hasText: reason }).waitFor();
        assert.equal(await widget.getByRole('button', { name: 'Start', exact: true }).count(), 0, `${id}: no scan that offers to send`);
      }
      const errors = await waitForEvents(page, 'error', 4);
      assert.deepEqual(errors.map((e) => e.detail.message.split('\n')[0]).sort(), [
        'submit-url: a `data:` address cannot be sent to; it must be an http or https address',
        'submit-url: a `javascript:` address cannot be sent to; it must be an http or https address',
        'submit-url: http://[::1 is not an address; it must be an http or https address',
        'submit-url: https: is not an address; it must be an http or https address',
      ]);
      // The host page is untouched.
      await page.getByRole('heading', { name: 'Embedding test host' }).waitFor();
      assertNoErrors(session);
    });
  });
});
