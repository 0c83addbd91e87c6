// Without submit-url nothing leaves the browser: once sextant:ready has fired, answering the whole
// scan and reading the report makes no request at all (the server's log and the browser's own
// request events agree).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import {
  EmbedScan, SMALL, addScan, assertNoErrors, recordEvents, requestsSince, skip, useBrowser, waitForEvents,
} from './embed-page.mjs';

describe('no requests after load', () => {
  const ctx = useBrowser();

  for (const [label, attributes, complete] of [
    ['the small scan from src', { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'quiet-small' },
      (scan) => scan.completeSmall()],
    ['the built-in scan', { lang: 'en', 'storage-key': 'quiet-built-in' }, (scan) => scan.completeScan()],
  ]) {
    test(`${label}: no request from sextant:ready to the report`, { skip, timeout: 180_000 }, async () => {
      await ctx.session(async (session) => {
        const { page } = session;
        await recordEvents(page);
        await page.goto(`${ctx.server.url}/fixtures/embed-host.html`);
        const element = await addScan(page, attributes);
        const scan = new EmbedScan(element, 'en');
        await waitForEvents(page, 'ready');
        await scan.waitForWelcome();
        assert.equal(await element.getByText(scan.t.privacy).count(), 1, 'the widget promises to send nothing');

        // From here on, nothing may be requested.
        const logged = ctx.server.requests.length;
        const seen = [];
        page.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));
        assert.ok(requestsSince(ctx.server, 0).some((r) => r.url === '/sextant-widget_bg.wasm'),
          'the log records the widget loading (the check below can see requests)');

        await complete(scan);
        await scan.recommendationsHeading().waitFor();
        // Open every "what moved the score" and "why" disclosure: reading the report fetches nothing.
        for (const summary of await element.locator('summary').all()) {
          if (await summary.isVisible()) await summary.click();
        }
        await expectNoAxeViolations(page, `${label}: report`);
        await waitForEvents(page, 'complete');

        assert.deepEqual(seen, [], 'the browser made no request');
        assert.deepEqual(requestsSince(ctx.server, logged), [], 'the server received no request');
        assertNoErrors(session);
      });
    });
  }
});
