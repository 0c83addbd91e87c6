#!/usr/bin/env node
// The browser benchmark of the release bundle in dist/ (see bench/README.md and
// docs/performance.md). `make bench` builds first; this script only measures.
//
//   node bench/run.mjs [--runs N] [--skip-native]
//
// Writes bench/results/latest.json and bench/results/latest.md, prints the table and PASS/MISS
// per budget. Exit status: 0 when every figure was measured (budgets missed or not), 1 when a
// measurement broke.

import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { CHROMIUM_PATH, launch, newPage } from '../e2e/lib/browser.mjs';
import { DIST_DIR, REPO_ROOT, startServer } from '../e2e/lib/server.mjs';
import { probe } from './probe.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'skip-native': { type: 'boolean', default: false },
  },
});
const RUNS = Number(options.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`bench: --runs must be a positive integer, got ${options.runs}`);
  process.exit(1);
}
const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
const CONTENT = path.join(REPO_ROOT, 'content', 'commercial-excellence-scan.json');
const PAGE = '/index.html?lang=en';
const THROTTLE = 4;
const RESCORE_CLICKS = 20;
const TIMEOUT = 60_000;

// The English interface strings the driver finds controls by (src/i18n.rs).
const UI = {
  start: 'Start',
  next: 'Next',
  back: 'Back',
  seeResults: 'See results',
  results: 'Your results',
  more: 'More for',
  less: 'Less for',
  current: 'Current situation',
  desired: 'Desired situation',
};

const KiB = 1024;
const MiB = 1024 * 1024;
const BUDGETS = [
  { id: 'transfer.br.total', label: 'first-load transfer (brotli), everything', limit: 100 * KiB, unit: 'bytes' },
  { id: 'usable.1x', label: 'usable, unthrottled', limit: 150, unit: 'ms' },
  { id: 'usable.4x', label: `usable, ${THROTTLE}× CPU throttle`, limit: 450, unit: 'ms' },
  { id: 'interaction.worst.4x', label: `worst interaction, ${THROTTLE}× throttle`, limit: 50, unit: 'ms' },
  { id: 'memory.usable.total', label: 'memory at usable (JS heap + wasm)', limit: 3 * MiB, unit: 'bytes' },
  { id: 'rescore.page.1x', label: 'full rescoring inside the page (upper bound)', limit: 1, unit: 'ms' },
  { id: 'requests.afterUsable', label: 'requests after usable (any run)', limit: 0, unit: 'count', stat: 'max' },
];

// ---- small helpers -------------------------------------------------------------------------

class Broken extends Error {}

function check(condition, message) {
  if (!condition) throw new Broken(message);
}

function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

const round = (x, digits = 1) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));

function format(value, unit) {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'bytes':
      return value >= MiB ? `${(value / MiB).toFixed(2)} MiB` : `${(value / KiB).toFixed(1)} KiB`;
    case 'ms':
      return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
    case 'us':
      return `${value.toFixed(2)} µs`;
    default:
      return String(round(value, 2));
  }
}

function log(...args) {
  console.log(...args);
}

// ---- the plan: how the driver answers the default scan ----------------------------------------

/** Every section with, per question, what to click (deterministic, no "don't know"). */
function plan(assessment) {
  const scales = Object.fromEntries(assessment.scales.map((s) => [s.id, s]));
  const numbers = { c_new: '40', c_cac: '2500', c_lost: '10', c_complaints: '120', c_hours: '6', c_rate: '75' };
  const forced = { split: 'dept', calc: 'yes' }; // show the follow-up question and the calculator step
  let n = 0;
  return assessment.sections.map((section) => ({
    id: section.id,
    title: section.title.en,
    questions: section.questions.map((q) => {
      const i = n++;
      const base = { id: q.id, type: q.type, text: q.text.en };
      switch (q.type) {
        case 'allocation':
          return { ...base, options: q.options.length };
        case 'likert':
          return { ...base, choice: (i * 2 + 1) % scales[q.scale].points.length };
        case 'bipolar':
          return { ...base, choice: (i * 3 + 1) % q.steps };
        case 'single_choice': {
          const pick = forced[q.id] ? q.options.findIndex((o) => o.id === forced[q.id]) : i % q.options.length;
          return { ...base, choice: pick };
        }
        case 'multiple_choice':
          return { ...base, choices: [0, q.options.length - 1] };
        case 'level': {
          const labels = q.levels.map((l) => l.label.en);
          const current = i % (labels.length - 1);
          return { ...base, labels, current, desired: q.desired ? current + 1 : null };
        }
        case 'number':
          check(numbers[q.id], `no value planned for number question ${q.id}`);
          return { ...base, value: numbers[q.id] };
        default:
          throw new Broken(`question ${q.id}: type ${q.type} has no driver`);
      }
    }),
  }));
}

// ---- network --------------------------------------------------------------------------------

function kindOf(url, mimeType = '') {
  const p = new URL(url).pathname.toLowerCase();
  if (p.endsWith('.wasm') || mimeType === 'application/wasm') return 'wasm';
  if (p.endsWith('.js') || p.endsWith('.mjs') || mimeType.includes('javascript')) return 'js';
  if (p.endsWith('.css') || mimeType === 'text/css') return 'css';
  if (p.endsWith('.json') || mimeType.includes('json')) return 'json';
  if (p.endsWith('.html') || p.endsWith('/') || mimeType === 'text/html') return 'html';
  return 'other';
}

/** Every request the page makes, from the DevTools protocol's Network domain. */
function trackNetwork(cdp) {
  const requests = new Map();
  let waiters = [];
  const inFlight = () => [...requests.values()].filter((r) => !r.done).length;
  const wake = () => {
    if (inFlight() === 0) waiters.splice(0).forEach((resolve) => resolve());
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    const existing = requests.get(e.requestId);
    if (existing) return; // a redirect keeps its id
    requests.set(e.requestId, {
      url: e.request.url,
      type: e.type,
      wallTime: e.wallTime * 1000,
      status: null,
      mimeType: null,
      encoding: null,
      contentLength: null,
      bytes: 0,
      done: false,
      failed: null,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.status = e.response.status;
    r.mimeType = e.response.mimeType;
    r.encoding = headers['content-encoding'] ?? null;
    r.contentLength = headers['content-length'] ? Number(headers['content-length']) : null;
    r.fromCache = Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.bytes = e.encodedDataLength;
    r.done = true;
    wake();
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.failed = e.errorText;
    r.done = true;
    wake();
  });
  return {
    requests,
    /** Resolves when no request is in flight. */
    idle: () => new Promise((resolve) => {
      waiters.push(resolve);
      wake();
    }),
  };
}

function transferOf(requests, before) {
  const byKind = { html: 0, js: 0, wasm: 0, css: 0, json: 0, other: 0 };
  const files = [];
  let total = 0;
  let count = 0;
  let favicon = null;
  for (const r of requests) {
    if (r.wallTime > before) continue;
    // Chromium asks for /favicon.ico by itself when a page links no icon: not the widget's
    // request, so reported apart and left out of the totals.
    if (new URL(r.url).pathname === '/favicon.ico') {
      favicon = { status: r.status, bytes: r.bytes };
      continue;
    }
    const kind = kindOf(r.url, r.mimeType ?? '');
    byKind[kind] += r.bytes;
    total += r.bytes;
    count++;
    files.push({
      path: new URL(r.url).pathname,
      kind,
      status: r.status,
      encoding: r.encoding,
      body: r.contentLength,
      bytes: r.bytes,
      failed: r.failed,
    });
  }
  return { total, count, byKind, files, favicon };
}

// ---- the page -------------------------------------------------------------------------------

/**
 * Click like a visitor: wait until the control is visible, enabled and still, then a real mouse
 * click at its centre. (Not locator.click(): its hit-target check sends blocked input events
 * of its own, which the page would count as interactions.)
 */
async function press(d, locator, what) {
  const { page } = d;
  const handle = await locator.elementHandle();
  check(handle, `${what}: no such control`);
  try {
    await handle.waitForElementState('visible');
    await handle.waitForElementState('enabled');
    await handle.scrollIntoViewIfNeeded();
    await handle.waitForElementState('stable');
    const box = await handle.boundingBox();
    check(box, `${what}: the control has no box`);
    const before = await page.evaluate(() => window.__bench.interactions.length);
    const m0 = await mainThread(d.cdp);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => window.__bench.settled());
    d.cpu[before] = diff(await mainThread(d.cdp), m0);
    const after = await page.evaluate(() => window.__bench.interactions.length);
    check(after === before + 1, `${what}: expected one interaction, the page saw ${after - before}`);
  } finally {
    await handle.dispose();
  }
}

async function type(d, text) {
  const { page } = d;
  for (const ch of text) {
    const before = await page.evaluate(() => window.__bench.interactions.length);
    const m0 = await mainThread(d.cdp);
    await page.keyboard.press(ch);
    await page.evaluate(() => window.__bench.settled());
    d.cpu[before] = diff(await mainThread(d.cdp), m0);
  }
}

/**
 * The page's main thread so far, in ms: its CPU time (contention on the machine does not
 * inflate it), and the time its tasks spent in script, style and layout (wall clock).
 */
async function mainThread(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { cpu: get('ThreadTime'), script: get('ScriptDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
}

function diff(after, before) {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
}


async function memory(cdp, page) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench.wasmBytes());
  check(typeof wasm === 'number' && wasm > 0, 'the WebAssembly memory was not found');
  return {
    jsHeap: heap.usedSize,
    jsHeapTotal: heap.totalSize,
    embedder: heap.embedderHeapUsedSize ?? null,
    backingStorage: heap.backingStorageSize ?? null,
    wasm,
    total: heap.usedSize + wasm,
  };
}

/** Answer every question of the plan, section by section, and open the report. */
async function answerScan(d, sections) {
  const { page } = d;
  const heading = (name) => page.getByRole('heading', { level: 2, name, exact: true });
  const visible = [];
  for (const [s, section] of sections.entries()) {
    if (s > 0) {
      // Optional steps (the calculator) appear only when chosen; the last visible one has "See results".
      if (!(await heading(section.title).isVisible())) continue;
    }
    await heading(section.title).waitFor();
    visible.push(section.id);
    for (const q of section.questions) {
      const group = page.getByRole('group', { name: q.text, exact: true });
      if ((await group.count()) === 0) continue; // hidden by a condition
      const what = `${section.id}/${q.id}`;
      switch (q.type) {
        case 'allocation': {
          // 10 points: six on the first statement, one taken back, three and two on the next.
          const more = group.getByRole('button', { name: new RegExp(`^${UI.more} `) });
          const less = group.getByRole('button', { name: new RegExp(`^${UI.less} `) });
          const spread = [[0, 6], [1, 3], [2, 2]].filter(([o]) => o < q.options);
          for (const [o, times] of spread) {
            for (let k = 0; k < times; k++) await press(d, more.nth(o), `${what} +${o}`);
            if (o === 0) await press(d, less.nth(0), `${what} −0`);
          }
          break;
        }
        case 'likert':
        case 'bipolar':
        case 'single_choice': {
          const radio = group.getByRole('radio').nth(q.choice);
          await press(d, radio, what);
          check(await radio.isChecked(), `${what}: choice ${q.choice} is not checked`);
          break;
        }
        case 'multiple_choice':
          for (const c of q.choices) {
            const box = group.getByRole('checkbox').nth(c);
            await press(d, box, `${what} [${c}]`);
            check(await box.isChecked(), `${what}: option ${c} is not ticked`);
          }
          break;
        case 'level': {
          const current = group.getByRole('radio', { name: `${UI.current}: ${q.labels[q.current]}`, exact: true });
          await press(d, current, `${what} current`);
          check(await current.isChecked(), `${what}: the current level is not checked`);
          if (q.desired !== null) {
            const desired = group.getByRole('radio', { name: `${UI.desired}: ${q.labels[q.desired]}`, exact: true });
            await press(d, desired, `${what} desired`);
            check(await desired.isChecked(), `${what}: the desired level is not checked`);
          }
          break;
        }
        case 'number': {
          const input = group.getByRole('textbox');
          await press(d, input, what);
          await type(d, q.value);
          check((await input.inputValue()) === q.value, `${what}: the field shows ${await input.inputValue()}`);
          break;
        }
      }
    }
    if ((await page.getByRole('button', { name: UI.seeResults, exact: true }).count()) > 0) {
      await page.evaluate(() => window.__bench.watch('report'));
      await press(d, page.getByRole('button', { name: UI.seeResults, exact: true }), 'see results');
      await page.evaluate(() => window.__bench.when('report'));
      return visible;
    }
    await press(d, page.getByRole('button', { name: UI.next, exact: true }), `${section.id} next`);
  }
  throw new Broken('the last step had no "See results" button');
}

/** Change one answer on the last step back and forth; each change rescored every answer. */
async function rescoreProbe(d, sections) {
  const { page } = d;
  const lastSection = sections[sections.length - 1];
  const q = lastSection.questions[lastSection.questions.length - 1];
  check(q.type === 'level', `the last question (${q.id}) is not a level question`);
  await press(d, page.getByRole('button', { name: UI.back, exact: true }), 'report back');
  await page.getByRole('heading', { level: 2, name: lastSection.title, exact: true }).waitFor();
  const group = page.getByRole('group', { name: q.text, exact: true });
  const from = await page.evaluate(() => window.__bench.interactions.length);
  for (let k = 0; k < RESCORE_CLICKS; k++) {
    const level = k % 2 === 0 ? q.current + 1 : q.current;
    const radio = group.getByRole('radio', { name: `${UI.current}: ${q.labels[level]}`, exact: true });
    await press(d, radio, `rescore ${k}`);
    check(await radio.isChecked(), `rescore ${k}: level ${level} not checked`);
  }
  const records = await page.evaluate((from) => window.__bench.interactions.slice(from), from);
  check(records.every((r) => r.handled !== null), `a rescoring click has no handled time: ${JSON.stringify(records.slice(0, 3))}`);
  const handled = records.map((r) => r.handled - r.dispatch);
  const painted = records.map((r) => r.painted - r.t0);
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  // If the widget exposes a scoring hook (`window.__sextant_bench.score(n)`: score the current
  // answers n times), time scoring alone as well.
  const hookMs = await page.evaluate(() => {
    const hook = window.__sextant_bench;
    if (!hook || typeof hook.score !== 'function') return null;
    const n = 1000;
    hook.score(10); // warm up
    const start = performance.now();
    hook.score(n);
    return (performance.now() - start) / n;
  });
  return {
    hookMs,
    clicks: records.length,
    handledMean: mean(handled),
    handledMax: Math.max(...handled),
    paintedMean: mean(painted),
    storageWrites: records.reduce((n, r) => n + (r.storageWrites ?? 0), 0),
    storageMsMean: mean(records.map((r) => r.storageMs ?? 0)),
  };
}

/**
 * One fresh-context run: first load until usable (transfer, timings, memory) and, for a
 * journey run, the whole scan, the report, memory after it and the rescoring probe.
 */
async function run(browser, server, { throttle, journey, sections }) {
  const session = await newPage(browser, { locale: 'en-US', timeout: TIMEOUT });
  const { page, context } = session;
  const warnings = new Set();
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.add(msg.text());
  });
  try {
    await page.addInitScript(probe, { startLabel: UI.start, resultsLabel: UI.results });
    const cdp = await context.newCDPSession(page);
    const net = trackNetwork(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await cdp.send('Performance.enable');
    const d = { page, cdp, cpu: [] };
    const atStart = await mainThread(cdp);
    const serverFrom = server.requests.length;

    await page.goto(server.url + PAGE, { waitUntil: 'commit' });
    // Usable is the first frame in which the first question's controls are visible. A first
    // visit opens on the welcome screen, so the driver presses Start as soon as the frame that
    // shows it has been painted, with a real mouse click at its centre (the box the probe read
    // in that frame), and the figure runs from navigation start to the first question.
    const welcome = await page.evaluate(() => window.__bench.when('welcome'));
    check(welcome.box && welcome.box.width > 0, 'the Start button has no box');
    const startIndex = await page.evaluate(() => window.__bench.interactions.length);
    const beforeStart = await mainThread(cdp);
    await page.mouse.click(welcome.box.x + welcome.box.width / 2, welcome.box.y + welcome.box.height / 2);
    const usable = await page.evaluate(() => window.__bench.when('firstQuestion'));
    await page.evaluate(() => window.__bench.settled());
    const afterStart = await mainThread(cdp);
    d.cpu[startIndex] = diff(afterStart, beforeStart);
    const toUsable = diff(afterStart, atStart);
    const start = await page.evaluate((i) => window.__bench.interactions[i], startIndex);
    check(start && start.target.includes(UI.start), `the first interaction is not the Start click: ${start && start.target}`);
    // The click's interaction must cover the first question's creation.
    check(start.frame !== null && start.frame >= usable.dom, `the Start click closed before the first question existed: ${JSON.stringify({ start, usable })}`);
    await page.waitForLoadState('load');
    await net.idle();
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm'));
      return {
        timeOrigin: performance.timeOrigin,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        wasmResponseEnd: wasm.length ? Math.max(...wasm.map((r) => r.responseEnd)) : null,
        instantiations: window.__bench.wasm.instantiations,
      };
    });
    const usableAt = timing.timeOrigin + usable.painted; // epoch ms
    const firstLoad = transferOf([...net.requests.values()], usableAt);
    check(firstLoad.files.every((f) => !f.failed && f.status === 200), `a first-load request failed: ${JSON.stringify(firstLoad.files)}`);
    const memoryAtUsable = await memory(cdp, page);

    const result = {
      throttle,
      loadAverage: os.loadavg()[0],
      usable,
      welcome,
      // How long the driver took to press Start after the frame that showed it.
      startReaction: start.t0 - welcome.painted,
      ttfq: usable.painted - start.t0,
      cpuToUsable: toUsable.cpu,
      toUsable, // script, style, layout
      timing,
      wasmInstantiated: timing.instantiations.length ? timing.instantiations[0].end : null,
      firstLoad,
      memoryAtUsable,
    };

    if (journey) {
      const steps = await answerScan(d, sections);
      const report = await page.evaluate(() => window.__bench.marks.report);
      await page.getByRole('table', { name: 'Scores', exact: true }).first().waitFor();
      const b = await page.evaluate(() => ({
        interactions: window.__bench.interactions,
        eventTiming: window.__bench.eventTiming,
        longTasks: window.__bench.longTasks,
      }));
      const journeyRecords = b.interactions.slice(startIndex); // from the Start click on
      check(journeyRecords.every((r) => r.painted !== null), 'an interaction never painted');
      const latencies = journeyRecords.map((r) => r.painted - r.t0);
      const mainThreadOf = journeyRecords.map((_, i) => d.cpu[startIndex + i]);
      check(mainThreadOf.every((m) => m && Number.isFinite(m.cpu)), 'an interaction has no CPU time');
      const cpu = mainThreadOf.map((m) => m.cpu);
      const cpuWorst = cpu.reduce((w, c, i) => (c > cpu[w] ? i : w), 0);
      const worst = journeyRecords.reduce((w, r) => (r.painted - r.t0 > w.painted - w.t0 ? r : w));
      const inJourney = (t) => t >= start.t0 - 1 && t <= report.painted;
      const events = b.eventTiming.filter((e) => e.interactionId > 0 && inJourney(e.startTime));
      // Per kind of interaction: answering (radios, checkboxes, −/+, typing), moving to the
      // next step, and opening the report.
      const kindOfInteraction = (r) =>
        r.target.includes(UI.seeResults) ? 'report' : r.target.includes(UI.next) ? 'next' : r.target.includes(UI.start) ? 'start' : 'answer';
      const byKind = {};
      journeyRecords.forEach((r, i) => {
        const k = (byKind[kindOfInteraction(r)] ??= { count: 0, worstLatency: 0, worstCpu: 0, latencies: [] });
        k.count++;
        k.worstLatency = Math.max(k.worstLatency, r.painted - r.t0);
        if (cpu[i] > k.worstCpu) {
          k.worstCpu = cpu[i];
          k.worstCpuSplit = mainThreadOf[i]; // script, style, layout of that interaction
        }
        k.latencies.push(r.painted - r.t0);
      });
      for (const k of Object.values(byKind)) {
        k.medianLatency = stats(k.latencies).median;
        delete k.latencies;
      }
      const memoryAfterReport = await memory(cdp, page);
      const rescore = await rescoreProbe(d, sections);
      // The report once more: its code has run (and been compiled) once already.
      await page.evaluate(() => window.__bench.watch('report'));
      const againIndex = await page.evaluate(() => window.__bench.interactions.length);
      await press(d, page.getByRole('button', { name: UI.seeResults, exact: true }), 'see results again');
      await page.evaluate(() => window.__bench.when('report'));
      const again = await page.evaluate((i) => window.__bench.interactions[i], againIndex);
      const reportAgain = { latency: again.painted - again.t0, cpu: d.cpu[againIndex].cpu };

      Object.assign(result, {
        steps,
        scanTime: report.painted - start.t0,
        interactions: journeyRecords.length,
        latencySum: latencies.reduce((x, y) => x + y, 0),
        worst: { latency: worst.painted - worst.t0, target: worst.target, type: worst.type },
        cpuWorst: { cpu: cpu[cpuWorst], target: journeyRecords[cpuWorst].target },
        cpuSum: cpu.reduce((x, y) => x + y, 0),
        byKind,
        savedBytes: await page.evaluate(() => window.__bench.storage.bytes),
        reportElements: await page.evaluate(() => document.querySelectorAll('main *').length),
        eventTimingWorst: events.length ? Math.max(...events.map((e) => e.duration)) : 0,
        eventTimingTop: [...events].sort((a, b) => b.duration - a.duration).slice(0, 5),
        top: [...journeyRecords]
          .sort((a, b) => b.painted - b.t0 - (a.painted - a.t0))
          .slice(0, 5)
          .map((r) => ({ target: r.target, latency: r.painted - r.t0, handled: r.handled === null ? null : r.handled - r.t0, frames: r.frames })),
        eventTimingOver16: new Set(events.map((e) => e.interactionId)).size,
        longTasks: b.longTasks.filter((t) => inJourney(t.startTime)).length,
        memoryAfterReport,
        rescore,
        reportAgain,
      });
    }

    // Nothing may be fetched once the widget is usable. The server log catches what the
    // page's Network domain does not see (Chromium's own /favicon.ico request).
    const isFavicon = (url) => new URL(url, server.url).pathname === '/favicon.ico';
    const pageAfter = [...net.requests.values()].filter((r) => r.wallTime > usableAt && !isFavicon(r.url)).map((r) => new URL(r.url).pathname);
    const serverAfter = server.requests.slice(serverFrom).filter((r) => r.time > usableAt && !isFavicon(r.url)).map((r) => r.url);
    result.requestsAfterUsable = Math.max(pageAfter.length, serverAfter.length);
    result.requestsAfterUsableList = pageAfter;
    result.serverAfterUsable = serverAfter;
    result.favicon = server.requests.slice(serverFrom).filter((r) => isFavicon(r.url)).map((r) => r.time - usableAt);
    result.warnings = [...warnings];
    check(session.errors().length === 0, `errors on the page: ${session.errors().join(' | ')}`);
    return result;
  } finally {
    await session.close();
  }
}

// ---- the native engine bench ------------------------------------------------------------------

const UNIT_TO_US = { ps: 1e-6, ns: 1e-3, µs: 1, us: 1, ms: 1e3, s: 1e6 };

function parseCriterion(output) {
  const results = {};
  let name = null;
  for (const line of output.split('\n')) {
    const inline = line.match(/^(\S.*?)\s+time:\s+\[(.*)\]/);
    const alone = line.match(/^\s+time:\s+\[(.*)\]/);
    if (!inline && !alone && /^\S/.test(line) && !/^(Benchmarking|Found|Gnuplot|WARNING|Warning)/.test(line)) {
      name = line.trim();
      continue;
    }
    const body = inline ? inline[2] : alone ? alone[1] : null;
    if (body === null || body.includes('%')) continue; // "change:" lines
    if (inline) name = inline[1].trim();
    const parts = body.trim().split(/\s+/);
    if (parts.length !== 6 || !name) continue;
    const us = [0, 2, 4].map((i) => Number(parts[i]) * UNIT_TO_US[parts[i + 1]]);
    if (us.some((x) => !Number.isFinite(x))) continue;
    results[name] = { low: us[0], estimate: us[1], high: us[2] };
    name = null;
  }
  return results;
}

function nativeBench() {
  const args = ['bench', '-p', 'sextant-engine', '--bench', 'scoring', '--', '--warm-up-time', '1', '--measurement-time', '3'];
  log(`\n==> cargo ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn('cargo', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Broken(`cargo bench exited with ${code}`));
      const parsed = parseCriterion(out);
      const key = Object.keys(parsed).find((k) => k.includes('score one complete response'));
      if (!key) return reject(new Broken('cargo bench printed no time for "score one complete response"'));
      resolve({ score: parsed[key], all: parsed });
    });
  });
}

// ---- the report -----------------------------------------------------------------------------

function get(obj, dotted) {
  return dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function summarise(runs, key) {
  return stats(runs.map((r) => get(r, key)));
}

function markdown(results) {
  const f = results.figures;
  const row = (label, s, unit, budget) => {
    if (!s) return `| ${label} | – | – | – | ${budget ?? ''} |`;
    if (s.text) return `| ${label} | ${s.text} (medians) | | | ${budget ?? ''} |`;
    return `| ${label} | ${format(s.median, unit)} | ${format(s.min, unit)} | ${format(s.max, unit)} | ${budget ?? ''} |`;
  };
  const verdict = Object.fromEntries(results.budgets.map((b) => [b.id, `${format(b.limit, b.unit)} ${b.pass ? 'PASS' : 'MISS'}`]));
  const lines = [
    `Runs per figure: ${results.config.runs} (fresh context each, cache disabled). Median, min, max.`,
    '',
    '| figure | median | min | max | budget |',
    '| --- | ---: | ---: | ---: | --- |',
  ];
  for (const enc of ['br', 'gzip']) {
    const t = f.transfer[enc];
    const name = enc === 'br' ? 'brotli' : 'gzip';
    lines.push(row(`first-load transfer (${name}), everything`, t.total, 'bytes', enc === 'br' ? verdict['transfer.br.total'] : ''));
    for (const kind of ['html', 'js', 'wasm', 'css', 'json']) {
      if (t.byKind[kind] && t.byKind[kind].max > 0) lines.push(row(`  ${name}: ${kind === 'json' ? 'assessment JSON' : kind.toUpperCase()}`, t.byKind[kind], 'bytes'));
    }
    lines.push(row(`first-load requests (${name})`, t.requests, 'count'));
  }
  lines.push(
    row("usable (the first question's controls painted), unthrottled", f.usable['1x'], 'ms', verdict['usable.1x']),
    row(`usable (the first question's controls painted), ${THROTTLE}× CPU`, f.usable['4x'], 'ms', verdict['usable.4x']),
    ...['1x', '4x'].flatMap((k) => {
      const t = k === '1x' ? 'unthrottled' : `${THROTTLE}× CPU`;
      return [
        row(`  wasm downloaded (response end), ${t}`, f.wasmResponseEnd[k], 'ms'),
        row(`  wasm compiled and instantiated, ${t}`, f.wasmInstantiated[k], 'ms'),
        row(`  welcome screen: Start button in the DOM, ${t}`, f.welcomeDom[k], 'ms'),
        row(`  welcome screen: Start button painted, ${t}`, f.welcome[k], 'ms'),
        row(`  Start painted → pressed (the driver's reaction), ${t}`, f.startReaction[k], 'ms'),
        row(`  Start pressed → first question painted, ${t}`, f.ttfq[k], 'ms'),
      ];
    }),
    row('usable, unthrottled, gzip', f.usable.gzip, 'ms'),
    row('main-thread CPU time until usable, unthrottled', f.cpuToUsable['1x'], 'ms'),
    row('  of which script / style / layout (wall clock)', {
      text: ['script', 'style', 'layout'].map((k) => format(f.toUsableSplit[k]?.median, 'ms')).join(' / '),
    }, 'ms'),
    row('whole scan, Start → report painted, unthrottled', f.scanTime['1x'], 'ms'),
    row(`whole scan, Start → report painted, ${THROTTLE}× CPU`, f.scanTime['4x'], 'ms'),
    row('  of which the widget (sum of interaction latencies), unthrottled', f.latencySum['1x'], 'ms'),
    row(`  of which the widget (sum of interaction latencies), ${THROTTLE}× CPU`, f.latencySum['4x'], 'ms'),
    row('interactions in the scan', f.interactions['1x'], 'count'),
    row('worst interaction, unthrottled', f.worst['1x'], 'ms'),
    row(`worst interaction, ${THROTTLE}× CPU`, f.worst['4x'], 'ms', verdict['interaction.worst.4x']),
    ...['answer', 'next', 'report'].flatMap((k) => {
      const name = { answer: 'answering (radio, checkbox, −/+, a key)', next: 'Next (the next step)', report: 'See results (the report)' }[k];
      return [
        row(`  ${name}: median, ${THROTTLE}× CPU`, f.byKind[k].medianLatency['4x'], 'ms'),
        row(`  ${name}: worst, ${THROTTLE}× CPU`, f.byKind[k].worstLatency['4x'], 'ms'),
        row(`  ${name}: worst main-thread CPU, unthrottled`, f.byKind[k].worstCpu['1x'], 'ms'),
        row(`    of which script / style / layout (wall clock)`, f.byKind[k].worstCpuScript['1x'] && {
          median: null, min: null, max: null,
          text: [f.byKind[k].worstCpuScript['1x'], f.byKind[k].worstCpuStyle['1x'], f.byKind[k].worstCpuLayout['1x']].map((x) => format(x.median, 'ms')).join(' / '),
        }, 'ms'),
      ];
    }),
    row(`  See results a second time (after Back): ${THROTTLE}× CPU`, f.reportAgain['4x'], 'ms'),
    row('  See results a second time: main-thread CPU, unthrottled', f.reportAgainCpu['1x'], 'ms'),
    row('worst main-thread CPU time of one interaction, unthrottled', f.cpuWorst['1x'], 'ms'),
    row('main-thread CPU time of all interactions, unthrottled', f.cpuSum['1x'], 'ms'),
    row('worst Event Timing duration, unthrottled', f.eventTimingWorst['1x'], 'ms'),
    row(`worst Event Timing duration, ${THROTTLE}× CPU`, f.eventTimingWorst['4x'], 'ms'),
    row('interactions with an Event Timing duration ≥ 16 ms, unthrottled', f.eventTimingCount['1x'], 'count'),
    row(`interactions with an Event Timing duration ≥ 16 ms, ${THROTTLE}× CPU`, f.eventTimingCount['4x'], 'count'),
    row('memory at usable: JS heap after GC', f.memory.usable.jsHeap, 'bytes'),
    row('memory at usable: wasm linear memory', f.memory.usable.wasm, 'bytes'),
    row('memory at usable: total', f.memory.usable.total, 'bytes', verdict['memory.usable.total']),
    row('memory after the report: JS heap after GC', f.memory.report.jsHeap, 'bytes'),
    row('memory after the report: wasm linear memory', f.memory.report.wasm, 'bytes'),
    row('memory after the report: total', f.memory.report.total, 'bytes'),
    row('elements in the widget on the report', f.reportElements, 'count'),
    row('requests after usable', f.requestsAfterUsable, 'count', verdict['requests.afterUsable']),
    row('one answer change on the last step, click → DOM updated (rescoring upper bound), unthrottled', f.rescore['1x'], 'ms', f.rescoreHook['1x'] ? '' : verdict['rescore.page.1x']),
    row(`same, ${THROTTLE}× CPU`, f.rescore['4x'], 'ms'),
    row('  of which localStorage.setItem (saving the answers), unthrottled', f.rescoreStorage['1x'], 'ms'),
    ...(f.rescoreHook['1x']
      ? [row('full rescoring through window.__sextant_bench, unthrottled', f.rescoreHook['1x'], 'ms', verdict['rescore.page.1x'])]
      : []),
  );
  lines.push(row('machine load average (1 min) during the runs', results.figures.loadAverage, 'count'));
  if (results.native) {
    const n = results.native.score;
    lines.push(`| engine: score one complete response, native (criterion: low, estimate, high) | ${format(n.estimate, 'us')} | ${format(n.low, 'us')} | ${format(n.high, 'us')} | |`);
  } else {
    lines.push('| engine: score one complete response, native | not run (--skip-native) | | | |');
  }
  return lines.join('\n');
}

// ---- the bundle under test ------------------------------------------------------------------

/**
 * A private copy of dist/, so a rebuild during the runs cannot change what is measured. The copy
 * is checked against the subresource-integrity hashes index.html carries, and taken again if a
 * build was writing dist/ at that moment.
 */
async function snapshotDist() {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-bench-'));
    await cp(DIST_DIR, dir, { recursive: true });
    const html = await readFile(path.join(dir, 'index.html'), 'utf8');
    const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
    const refs = [...html.matchAll(/<link\b[^>]*>/g)]
      .map(([tag]) => [tag, attr(tag, 'href'), attr(tag, 'integrity')])
      .filter(([, href, integrity]) => href && integrity)
      .map(([tag, href, integrity]) => [tag, href.replace(/^\//, ''), integrity]);
    let consistent = refs.length > 0;
    for (const [, file, integrity] of refs) {
      const body = await readFile(path.join(dir, file)).catch(() => null);
      const digest = body && `sha384-${createHash('sha384').update(body).digest('base64')}`;
      if (digest !== integrity) consistent = false;
    }
    if (consistent) {
      const files = {};
      for (const name of await readdir(dir)) {
        const info = await stat(path.join(dir, name));
        if (info.isFile() && /\.(html|js|css|wasm)$/.test(name)) files[name] = info.size;
      }
      return { dir, files, checked: refs.length };
    }
    await rm(dir, { recursive: true, force: true });
    log(`dist/ changed while it was copied (attempt ${attempt}); copying again`);
  }
  throw new Broken('dist/ does not match the integrity hashes in its index.html: rebuild with scripts/build.sh');
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  check(existsSync(path.join(DIST_DIR, 'index.html')), `${DIST_DIR}/index.html is missing: run scripts/build.sh (make bench does)`);
  check(existsSync(CHROMIUM_PATH), `${CHROMIUM_PATH} is missing: scripts/setup.sh test installs Debian's chromium`);
  const sections = plan(JSON.parse(await readFile(CONTENT, 'utf8')));
  const chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const loadBefore = os.loadavg();

  const native = options['skip-native'] ? null : await nativeBench();
  if (native) log(`score one complete response: ${format(native.score.estimate, 'us')} [${format(native.score.low, 'us')} – ${format(native.score.high, 'us')}]`);

  const bundle = await snapshotDist();
  log(`Measuring a copy of dist/ (${bundle.checked} files checked against index.html's integrity hashes)`);

  const passes = [
    { name: 'br-1x', compress: 'br', throttle: 1, journey: true },
    { name: 'br-4x', compress: 'br', throttle: THROTTLE, journey: true },
    { name: 'gzip-1x', compress: 'gzip', throttle: 1, journey: false },
  ];
  const runs = {};
  const browser = await launch();
  try {
    for (const pass of passes) {
      const server = await startServer({ root: bundle.dir, compress: pass.compress });
      try {
        log(`\n==> ${pass.name}: ${RUNS} runs${pass.journey ? ' with the whole scan' : ''} (one warm-up run first)`);
        await run(browser, server, { ...pass, journey: false, sections });
        runs[pass.name] = [];
        for (let i = 0; i < RUNS; i++) {
          const r = await run(browser, server, { ...pass, sections });
          runs[pass.name].push(r);
          const parts = [
            `usable ${r.usable.painted.toFixed(0)} ms`,
            `${(r.firstLoad.total / KiB).toFixed(1)} KiB in ${r.firstLoad.count} requests`,
            `mem ${(r.memoryAtUsable.total / MiB).toFixed(2)} MiB`,
            `Start painted ${r.welcome.painted.toFixed(0)} ms, pressed +${r.startReaction.toFixed(0)} ms, first question +${r.ttfq.toFixed(0)} ms`,
          ];
          if (pass.journey) {
            parts.push(
              `scan ${(r.scanTime / 1000).toFixed(1)} s / ${r.interactions} interactions`,
              `worst ${r.worst.latency.toFixed(0)} ms (${r.worst.target})`,
              `rescore ${r.rescore.handledMean.toFixed(2)} ms`,
            );
          }
          log(`  run ${i + 1}: ${parts.join(', ')}`);
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
    await rm(bundle.dir, { recursive: true, force: true });
  }

  const br = runs['br-1x'];
  const br4 = runs['br-4x'];
  const gz = runs['gzip-1x'];
  const transfer = (rs) => ({
    total: summarise(rs, 'firstLoad.total'),
    requests: summarise(rs, 'firstLoad.count'),
    byKind: Object.fromEntries(['html', 'js', 'wasm', 'css', 'json', 'other'].map((k) => [k, summarise(rs, `firstLoad.byKind.${k}`)])),
    files: rs[0].firstLoad.files,
  });
  const both = (key) => ({ '1x': summarise(br, key), '4x': summarise(br4, key) });
  const figures = {
    transfer: { br: transfer([...br, ...br4]), gzip: transfer(gz) },
    usable: { '1x': summarise(br, 'usable.painted'), '4x': summarise(br4, 'usable.painted'), gzip: summarise(gz, 'usable.painted') },
    welcome: { '1x': summarise(br, 'welcome.painted'), '4x': summarise(br4, 'welcome.painted') },
    welcomeDom: { '1x': summarise(br, 'welcome.dom'), '4x': summarise(br4, 'welcome.dom') },
    startReaction: both('startReaction'),
    wasmResponseEnd: { '1x': summarise(br, 'timing.wasmResponseEnd'), '4x': summarise(br4, 'timing.wasmResponseEnd') },
    wasmInstantiated: { '1x': summarise(br, 'wasmInstantiated'), '4x': summarise(br4, 'wasmInstantiated') },
    loadAverage: stats([...br, ...br4, ...gz].map((r) => r.loadAverage)),
    cpuToUsable: { '1x': summarise(br, 'cpuToUsable'), '4x': summarise(br4, 'cpuToUsable') },
    toUsableSplit: Object.fromEntries(['script', 'style', 'layout'].map((k) => [k, summarise(br, `toUsable.${k}`)])),
    cpuWorst: both('cpuWorst.cpu'),
    cpuSum: both('cpuSum'),
    byKind: Object.fromEntries(
      ['answer', 'next', 'report'].map((k) => [k, {
        worstLatency: both(`byKind.${k}.worstLatency`),
        medianLatency: both(`byKind.${k}.medianLatency`),
        worstCpu: both(`byKind.${k}.worstCpu`),
        worstCpuScript: both(`byKind.${k}.worstCpuSplit.script`),
        worstCpuStyle: both(`byKind.${k}.worstCpuSplit.style`),
        worstCpuLayout: both(`byKind.${k}.worstCpuSplit.layout`),
      }]),
    ),
    reportAgain: both('reportAgain.latency'),
    reportAgainCpu: both('reportAgain.cpu'),
    ttfq: both('ttfq'),
    scanTime: both('scanTime'),
    latencySum: both('latencySum'),
    interactions: both('interactions'),
    worst: both('worst.latency'),
    eventTimingWorst: both('eventTimingWorst'),
    eventTimingCount: both('eventTimingOver16'),
    longTasks: both('longTasks'),
    memory: {
      usable: Object.fromEntries(['jsHeap', 'wasm', 'total', 'embedder', 'backingStorage'].map((k) => [k, summarise(br, `memoryAtUsable.${k}`)])),
      report: Object.fromEntries(['jsHeap', 'wasm', 'total', 'embedder', 'backingStorage'].map((k) => [k, summarise(br, `memoryAfterReport.${k}`)])),
    },
    requestsAfterUsable: stats([...br, ...br4, ...gz].map((r) => r.requestsAfterUsable)),
    rescore: { '1x': summarise(br, 'rescore.handledMean'), '4x': summarise(br4, 'rescore.handledMean') },
    rescoreHook: { '1x': summarise(br, 'rescore.hookMs'), '4x': summarise(br4, 'rescore.hookMs') },
    rescoreStorage: { '1x': summarise(br, 'rescore.storageMsMean'), '4x': summarise(br4, 'rescore.storageMsMean') },
    savedBytes: summarise(br, 'savedBytes'),
    reportElements: summarise(br, 'reportElements'),
  };
  const value = {
    'transfer.br.total': figures.transfer.br.total,
    'usable.1x': figures.usable['1x'],
    'usable.4x': figures.usable['4x'],
    'interaction.worst.4x': figures.worst['4x'],
    'memory.usable.total': figures.memory.usable.total,
    'rescore.page.1x': figures.rescoreHook['1x'] ?? figures.rescore['1x'],
    'requests.afterUsable': figures.requestsAfterUsable,
  };
  const budgets = BUDGETS.map((b) => {
    if (b.id === 'rescore.page.1x' && figures.rescoreHook['1x']) b = { ...b, label: 'full rescoring inside the page (window.__sextant_bench)' };
    const s = value[b.id];
    check(s, `no measurement for ${b.label}`);
    const v = s[b.stat ?? 'median'];
    return { ...b, value: v, stat: b.stat ?? 'median', pass: v <= b.limit };
  });

  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memory: os.totalmem(),
      platform: `${os.type()} ${os.release()}`,
      chromium,
      node: process.version,
      loadAverage: { before: loadBefore, after: os.loadavg() },
    },
    bundle: bundle.files,
    config: { runs: RUNS, page: PAGE, throttle: THROTTLE, rescoreClicks: RESCORE_CLICKS, warmUpRuns: 1 },
    budgets,
    figures,
    native,
    runs,
  };
  results.markdown = markdown(results);

  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(path.join(RESULTS_DIR, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  await writeFile(path.join(RESULTS_DIR, 'latest.md'), results.markdown + '\n');

  log(`\n${results.markdown}\n`);
  log('Budgets (median of the runs; requests: the largest count of any run):');
  for (const b of budgets) {
    log(`  ${b.pass ? 'PASS' : 'MISS'}  ${b.label}: ${format(b.value, b.unit)} (budget ${format(b.limit, b.unit)})`);
  }
  const missed = budgets.filter((b) => !b.pass).length;
  log(missed ? `\n${missed} budget(s) MISSED.` : '\nAll budgets met.');
  log(`Load average before/after: ${loadBefore.map((x) => x.toFixed(2)).join(' ')} / ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  log(`Results: ${path.relative(REPO_ROOT, RESULTS_DIR)}/latest.json, latest.md`);
}

main().catch((err) => {
  console.error(`\nbench: measurement broken: ${err instanceof Broken ? err.message : err.stack || err}`);
  process.exit(1);
});
