#!/usr/bin/env node
// Compares builds on one interaction, run by run in turn, so that a busy machine weighs on each
// build alike. For deciding whether a change pays; the budgets come from run.mjs.
//
//   node bench/ab.mjs [--mode report|next|start|startup] [--runs N] [--throttle R] [--delay MS] [--change]
//                     [--page PATH] [--latency MS] DIR...
//
// Each DIR is a built bundle (like dist/). Every run opens a fresh context with the cache
// disabled and the default assessment's answers from e2e/fixtures/scan-answers-en.json saved in
// localStorage, so the widget opens on a step:
//
//   report   on the last step, clicks "See results" (the first opening of the report)
//   next     on "Your promise", clicks "Next"
//   start    no saved answers; on the welcome screen, clicks "Start"
//   startup  no saved answers; from navigation to the frame showing "Start"
//
// For startup, --page opens another page of the bundle than `index.html?lang=en`, for example
// `demo/consultancy.html`, with the widget as an embedded `<sextant-scan>` (its button is found
// in the element's shadow root). --latency adds
// that many milliseconds to every request's round trip (`Network.emulateNetworkConditions`),
// as on a real connection, which the local server does not have.
// For report, next and start it waits --delay ms on the screen before clicking (default 1000).
// With --change (report and next) it then changes one answer on the step, as a visitor finishing
// the last step does, and clicks two frames later. It measures from just before the click until
// three frames after the new screen's heading.
// It prints, per DIR, the median main-thread CPU time (Performance.getMetrics ThreadTime) with
// every run's value, and the median wall-clock time.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { launch, newPage } from '../e2e/lib/browser.mjs';
import { REPO_ROOT, startServer } from '../e2e/lib/server.mjs';

const { values: options, positionals: dirs } = parseArgs({
  allowPositionals: true,
  options: {
    mode: { type: 'string', default: 'report' },
    runs: { type: 'string', default: '9' },
    throttle: { type: 'string', default: '1' },
    delay: { type: 'string', default: '1000' },
    change: { type: 'boolean', default: false },
    page: { type: 'string', default: 'index.html?lang=en' },
    latency: { type: 'string', default: '0' },
  },
});
const MODE = options.mode;
const RUNS = Number(options.runs);
const THROTTLE = Number(options.throttle);
const DELAY = Number(options.delay);
const CHANGE = options.change;
const PAGE = options.page;
const LATENCY = Number(options.latency);
if (
  !['report', 'next', 'start', 'startup'].includes(MODE) ||
  !(RUNS > 0) ||
  !(THROTTLE >= 1) ||
  !(LATENCY >= 0) ||
  (MODE !== 'startup' && PAGE !== 'index.html?lang=en') ||
  dirs.length === 0
) {
  console.error(
    'usage: node bench/ab.mjs [--mode report|next|start|startup] [--runs N] [--throttle R] [--delay MS] [--change] [--page PATH (startup)] [--latency MS] DIR...',
  );
  process.exit(1);
}

const KEY = 'sextant:commercial-excellence-scan:1.0.0';
const answers = JSON.parse(await readFile(path.join(REPO_ROOT, 'e2e', 'fixtures', 'scan-answers-en.json'), 'utf8'));
const saved = JSON.stringify({
  format: 'sextant-state/1',
  assessment: 'commercial-excellence-scan',
  version: '1.0.0',
  step: MODE === 'next' ? 'promise' : 'channel-realisation',
  locale: 'en',
  revision: 1,
  answers,
});
const BUTTON = { next: 'Next', start: 'Start' }[MODE] ?? 'See results';
const HEADING = { next: 'Promise and delivery', start: 'Your value proposition' }[MODE] ?? 'Your results';

const servers = await Promise.all(dirs.map((dir) => startServer({ root: path.resolve(dir) })));
const browser = await launch();

const threadTime = async (cdp) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
const frames = (page, n) =>
  page.evaluate(
    (n) =>
      new Promise((resolve) => {
        let k = 0;
        const frame = () => (++k >= n ? resolve() : requestAnimationFrame(frame));
        requestAnimationFrame(frame);
      }),
    n,
  );

async function once(server) {
  const session = await newPage(browser, { timeout: 60_000 });
  const { page, context } = session;
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    if (LATENCY > 0) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: LATENCY,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    if (MODE === 'startup') {
      await page.goto(`${server.url}/${PAGE}`);
      await page.waitForFunction(
        () => {
          const roots = [document, ...[...document.querySelectorAll('sextant-scan')].map((e) => e.shadowRoot).filter(Boolean)];
          return roots.some((root) =>
            [...root.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Start' && !b.disabled),
          );
        },
        null,
        { polling: 'raf' },
      );
      await frames(page, 1);
      return { cpu: await threadTime(cdp), wall: await page.evaluate(() => performance.now()) };
    }
    if (MODE !== 'start') {
      await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, saved]);
    }
    await page.goto(`${server.url}/index.html?lang=en`);
    const button = page.getByRole('button', { name: BUTTON, exact: true });
    await button.waitFor();
    await button.scrollIntoViewIfNeeded();
    await frames(page, 3);
    await page.waitForTimeout(DELAY); // the widget may use a quiet moment on the step
    if (CHANGE) {
      await page.locator('fieldset').last().locator('input[type=radio]:not(:checked)').first().evaluate((radio) => radio.click());
      await frames(page, 2);
    }
    const box = await button.boundingBox();
    const cpu0 = await threadTime(cdp);
    const wall0 = await page.evaluate(() => performance.now());
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(
      (want) =>
        new Promise((resolve) => {
          const found = () => [...document.querySelectorAll('h2')].some((h) => h.textContent.trim() === want);
          if (found()) return resolve();
          const observer = new MutationObserver(() => {
            if (found()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document, { subtree: true, childList: true, characterData: true });
        }),
      HEADING,
    );
    await frames(page, 3);
    return {
      cpu: (await threadTime(cdp)) - cpu0,
      wall: (await page.evaluate(() => performance.now())) - wall0,
    };
  } finally {
    if (session.errors().length) console.error(session.errors());
    await session.close();
  }
}

const results = dirs.map(() => []);
await once(servers[0]); // warm-up: the server compresses each file once
for (let r = 0; r < RUNS; r++) {
  for (let i = 0; i < dirs.length; i++) results[i].push(await once(servers[i]));
}
const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ').slice(0, 3).join(' ');
console.log(`${MODE}, ${THROTTLE}× CPU, ${RUNS} runs each, load average ${load}`);
dirs.forEach((dir, i) => {
  const cpu = results[i].map((r) => r.cpu);
  const wall = results[i].map((r) => r.wall);
  console.log(
    `  ${dir}: CPU ${median(cpu).toFixed(1)} ms [${cpu.map((x) => x.toFixed(0)).join(' ')}], wall ${median(wall).toFixed(0)} ms`,
  );
});
await browser.close();
await Promise.all(servers.map((s) => s.close()));
