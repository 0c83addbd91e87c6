// When a request fails without an answer, the message says what the page can know: the browser
// is offline, or the server could not be reached or refused this page by CORS (a page is not told
// which; the console names it). Both for an assessment at `src` and for "Send my result".
// `other` is a second origin that sends no CORS headers.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startServer } from '../lib/server.mjs';
import { EmbedScan, SMALL, addScan, assertNoErrors, recordEvents, skip, useBrowser, waitForEvents } from './embed-page.mjs';

const HOST = '/fixtures/embed-host.html';
const UNREACHABLE = {
  load: 'the server could not be reached, or it does not allow this page to read the file (CORS: see the browser\'s console)',
  send: 'the server could not be reached, or it does not accept results from this page.',
};
const OFFLINE = {
  load: 'this device is offline',
  send: 'this device is offline. Connect to the internet and try again.',
};

describe('requests that get no answer', () => {
  const ctx = useBrowser();
  let other;
  before(async () => {
    if (!skip) other = await startServer({ routes: { '/api/submit': { status: 200, type: 'application/json', body: '{}' } } });
  });
  after(async () => other?.close());
  const fromOther = () => other.requests.filter((r) => r.url !== '/favicon.ico');

  test('an assessment on a site without CORS, and one asked for offline, each say why', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const url = `${other.url}/fixtures/small.json`;
      const cors = await addScan(page, { lang: 'en', src: url }, { id: 'cors' });
      await cors.getByRole('alert').filter({ hasText: 'This assessment could not be loaded' }).waitFor();
      assert.ok((await cors.getByRole('alert').innerText()).includes(`${url}: ${UNREACHABLE.load}`),
        await cors.getByRole('alert').innerText());
      assert.equal(fromOther().length, 1, 'the request was made (and its answer refused by the browser)');

      await page.context().setOffline(true);
      const offline = await addScan(page, { lang: 'en', src: '/fixtures/embed-bilingual.json' }, { id: 'offline' });
      await offline.getByRole('alert').filter({ hasText: 'This assessment could not be loaded' }).waitFor();
      assert.ok((await offline.getByRole('alert').innerText()).includes(`/fixtures/embed-bilingual.json: ${OFFLINE.load}`),
        await offline.getByRole('alert').innerText());
      await page.context().setOffline(false);

      const messages = (await waitForEvents(page, 'error', 2)).map((e) => e.detail.message);
      assert.ok(messages.some((m) => m.includes(UNREACHABLE.load)), messages.join('\n'));
      assert.ok(messages.some((m) => m.includes(OFFLINE.load)), messages.join('\n'));
      assertNoErrors(session, { expected: [/CORS policy/, /Failed to load resource/, /ERR_INTERNET_DISCONNECTED/] });
    });
  });

  test('"Send my result" to a site without CORS, then offline, says why; the report stays', { skip, timeout: 90_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'unreachable',
        'submit-url': `${other.url}/api/submit` });
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome(SMALL.title);
      await scan.completeSmall();
      const before = fromOther().length;
      await scan.scope.getByRole('checkbox', { name: scan.t.consent, exact: true }).check();
      await scan.button(scan.t.send).click();
      const alert = scan.scope.getByRole('alert').filter({ hasText: scan.t.sendFailed });
      await alert.waitFor();
      assert.equal((await alert.innerText()).trim(), `${scan.t.sendFailed} ${UNREACHABLE.send}`);
      // The browser asked first (OPTIONS) and, refused, sent nothing.
      assert.deepEqual(fromOther().slice(before).map((r) => r.method), ['OPTIONS']);

      await page.context().setOffline(true);
      await scan.button(scan.t.retry).click();
      await alert.filter({ hasText: OFFLINE.send }).waitFor();
      assert.equal((await alert.innerText()).trim(), `${scan.t.sendFailed} ${OFFLINE.send}`);
      await page.context().setOffline(false);
      await scan.resultsHeading().waitFor();
      assert.deepEqual(await scan.scores(), SMALL.scores);
      assertNoErrors(session, { expected: [/CORS policy/, /Failed to load resource/] });
    });
  });
});
