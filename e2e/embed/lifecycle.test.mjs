// Removing and re-adding <sextant-scan>: removal unmounts the widget (its shadow content goes,
// nothing errors), adding it again mounts afresh with the saved answers; and two instances with
// different storage keys keep their answers apart.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import {
  EmbedScan, SMALL, addScan, assertNoErrors, events, recordEvents, skip, useBrowser, waitForEvents,
} from './embed-page.mjs';

const HOST = '/fixtures/embed-host.html';

/** What is left in a (possibly detached) element's shadow root. */
const shadowContent = (handle) => handle.evaluate((el) => ({
  text: el.shadowRoot?.textContent.trim() ?? '',
  controls: el.shadowRoot?.querySelectorAll('button, input, select, h1, h2, [role]').length ?? 0,
}));

describe('element lifecycle', () => {
  const ctx = useBrowser();

  test('removal unmounts; re-adding mounts again with the saved answers', { skip, timeout: 90_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'life' });
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome(SMALL.title);
      await scan.start();
      await scan.waitForStep(1, 2, SMALL.steps[0]);
      await scan.answer(...SMALL.answers[0]);
      await scan.answer(...SMALL.answers[1]);
      await expectNoAxeViolations(page, 'lifecycle: step 1');

      // Remove it: the widget is unmounted and its shadow content is gone.
      const handle = await element.elementHandle();
      await handle.evaluate((el) => el.remove());
      await page.waitForFunction((el) => !el.isConnected && (el.shadowRoot?.textContent.trim() ?? '') === '', handle);
      assert.deepEqual(await shadowContent(handle), { text: '', controls: 0 }, 'nothing is left in the shadow root');
      assert.equal(await page.locator('sextant-scan').count(), 0);
      await page.getByText('The host\'s own content before the widget.').waitFor();
      await expectNoAxeViolations(page, 'lifecycle: removed');
      const stepsBefore = (await events(page, 'step')).length;
      assertNoErrors(session, { label: 'after removal' });

      // Add the same element again: it mounts afresh and restores the saved answers.
      await handle.evaluate((el) => document.querySelector('main').append(el));
      await waitForEvents(page, 'ready', 2);
      await scan.waitForStep(1, 2);
      assert.ok(await scan.option(...SMALL.answers[0]).isChecked(), 'q1 restored');
      assert.ok(await scan.option(...SMALL.answers[1]).isChecked(), 'q2 restored');
      assert.equal(await scan.stepHeading(SMALL.steps[0]).count(), 1, 'one widget in the element');
      assert.ok((await events(page, 'step')).length > stepsBefore, 'the remounted widget reports its step');
      await expectNoAxeViolations(page, 'lifecycle: re-added');

      // It works as before: finish the scan.
      await scan.next();
      await scan.waitForStep(2, 2, SMALL.steps[1]);
      await scan.answer(...SMALL.answers[2]);
      await scan.seeResults();
      assert.deepEqual(await scan.scores(), SMALL.scores);
      assertNoErrors(session, { label: 'after re-adding' });
    });
  });

  test('a new element with the same storage key restores the answers; removal while loading is clean', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const first = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'life-new' }, { id: 'one' });
      const scan = new EmbedScan(first, 'en');
      await scan.waitForWelcome(SMALL.title);
      await scan.start();
      await scan.answer(...SMALL.answers[0]);
      await first.evaluate((el) => el.remove());

      // An element removed right after it was added never mounts, and does not fail.
      await page.evaluate(() => {
        const el = document.createElement('sextant-scan');
        el.id = 'brief';
        el.setAttribute('src', '/fixtures/small.json');
        document.querySelector('main').append(el);
        el.remove();
        window.__brief = el;
      });

      const second = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'life-new' }, { id: 'two' });
      const again = new EmbedScan(second, 'en');
      await again.waitForStep(1, 2);
      assert.ok(await again.option(...SMALL.answers[0]).isChecked(), 'the new element restored the saved answer');
      assert.equal(await page.evaluate(() => window.__brief.shadowRoot?.textContent.trim() ?? ''), '',
        'the briefly connected element rendered nothing');
      const ready = await events(page, 'ready');
      assert.deepEqual(ready.map((e) => e.target), ['sextant-scan#one', 'sextant-scan#two']);
      assertNoErrors(session);
    });
  });

  test('moving the element keeps the widget as it is, focus included; an attribute changed while out mounts afresh', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'move' });
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome(SMALL.title);
      await scan.start();
      await scan.waitForStep(1, 2, SMALL.steps[0]);
      const radio = scan.option(...SMALL.answers[0]);
      await radio.focus();
      await radio.press('Space');
      assert.ok(await radio.isChecked());
      const handle = await element.elementHandle();
      // Into another container, as a host's tab panel or dialog moves it: taken out and put
      // back in one go.
      const moved = await handle.evaluate((el) => {
        const root = el.shadowRoot.firstElementChild;
        const box = document.createElement('section');
        document.querySelector('main').append(box);
        box.append(el);
        const focused = el.shadowRoot.activeElement;
        return {
          sameRoot: el.shadowRoot.firstElementChild === root,
          focused: focused?.type === 'radio' && focused.checked,
        };
      });
      assert.deepEqual(moved, { sameRoot: true, focused: true }, 'the same widget, and focus on the radio pressed');
      // Not unmounted afterwards either: a task later it is the same widget, with one `ready`.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
      assert.equal((await events(page, 'ready')).length, 1, 'not mounted again');
      assert.ok(await handle.evaluate((el) => el.shadowRoot.activeElement?.type === 'radio'), 'focus stays');
      await page.keyboard.press('ArrowDown');
      assert.ok(await scan.option(SMALL.answers[0][0], 'Strongly agree').isChecked(), 'the keyboard goes on where it was');

      // Taken out, its storage key changed, and put back: that is a new widget.
      await handle.evaluate((el) => {
        const parent = el.parentElement;
        el.remove();
        el.setAttribute('storage-key', 'moved-elsewhere');
        parent.append(el);
      });
      await waitForEvents(page, 'ready', 2);
      await scan.waitForWelcome(SMALL.title);
      assertNoErrors(session);
    });
  });

  test('a host that recreates the element keeps no old element, shadow root or widget content alive', { skip, timeout: 60_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await recordEvents(page);
      await page.goto(`${ctx.server.url}${HOST}`);
      const element = await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'again' });
      const scan = new EmbedScan(element, 'en');
      await scan.waitForWelcome(SMALL.title);
      // Removed, and added again in a later task, six times: each time it mounts afresh.
      for (let i = 2; i <= 7; i++) {
        // Each `evaluate` is a task of its own, so the element is added again after the end
        // of the task that removed it: a removal, not a move.
        await page.evaluate(() => document.querySelector('sextant-scan').remove());
        await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'again' });
        await waitForEvents(page, 'ready', i);
      }
      await scan.waitForWelcome(SMALL.title);
      // After garbage collection, nothing of an earlier mount is left in memory but its empty
      // root. (The event recorder's own references to the elements go first.)
      await page.evaluate(() => { window.__sextantTargets.length = 0; });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const chunks = [];
      cdp.on('HeapProfiler.addHeapSnapshotChunk', (p) => chunks.push(p.chunk));
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      const snapshot = JSON.parse(chunks.join(''));
      const fields = snapshot.snapshot.meta.node_fields;
      const [name, detached] = [fields.indexOf('name'), fields.indexOf('detachedness')];
      const found = {};
      for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
        const label = snapshot.strings[snapshot.nodes[i + name]];
        if (snapshot.nodes[i + detached] === 2) found[label] = (found[label] ?? 0) + 1;
      }
      // Yew keeps its event listeners, and with them the element it rendered into, for the
      // page's lifetime: one empty root per earlier mount is all that is left of each.
      const roots = found['<div class="sextant" part="root">'] ?? 0;
      assert.ok(roots <= 6, `${roots} roots`);
      const elements = Object.entries(found).filter(([label]) => label.startsWith('<sextant-scan'));
      assert.deepEqual(elements, [], 'no removed <sextant-scan> is kept');
      assert.equal(found.ShadowRoot ?? 0, 0, 'no shadow root of a removed element is kept');
      const rest = Object.entries(found)
        .filter(([label]) => !label.startsWith('<div class="sextant"'))
        .reduce((n, [, count]) => n + count, 0);
      assert.ok(rest < 20, `the widget's own content is freed: ${JSON.stringify(found)}`);
      assertNoErrors(session);
    });
  });

  test('two instances with different storage keys do not share answers', { skip, timeout: 90_000 }, async () => {
    await ctx.session(async (session) => {
      const { page } = session;
      await page.goto(`${ctx.server.url}${HOST}`);
      const add = async () => ({
        alpha: new EmbedScan(await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'alpha' }, { id: 'alpha' }), 'en'),
        beta: new EmbedScan(await addScan(page, { lang: 'en', src: '/fixtures/small.json', 'storage-key': 'beta' }, { id: 'beta' }), 'en'),
      });
      let { alpha, beta } = await add();
      await alpha.waitForWelcome(SMALL.title);
      await beta.waitForWelcome(SMALL.title);

      await alpha.start();
      await alpha.answer('We deliver quickly.', 'Agree');
      await beta.start();
      await beta.stepText(1, 2).waitFor();
      assert.equal(await beta.option('We deliver quickly.', 'Agree').isChecked(), false, 'beta does not see alpha\'s answer');
      await beta.answer('We deliver quickly.', 'Disagree');
      assert.ok(await alpha.option('We deliver quickly.', 'Agree').isChecked(), 'alpha keeps its own answer');
      await expectNoAxeViolations(page, 'two instances: step 1 each');

      const saved = await page.evaluate(() => Object.keys(localStorage).sort());
      assert.deepEqual(saved, ['alpha:e2e-small:1', 'beta:e2e-small:1']);

      // After a reload each restores its own answer.
      await page.reload();
      ({ alpha, beta } = await add());
      await alpha.waitForStep(1, 2);
      await beta.waitForStep(1, 2);
      assert.ok(await alpha.option('We deliver quickly.', 'Agree').isChecked(), 'alpha restored Agree');
      assert.ok(await beta.option('We deliver quickly.', 'Disagree').isChecked(), 'beta restored Disagree');
      assert.equal(await beta.option('We deliver quickly.', 'Agree').isChecked(), false);
      assertNoErrors(session);
    });
  });
});
