// WCAG 2.2 AA checks on the default assessment: axe-core (wcag2a, wcag2aa, wcag21aa, wcag22aa)
// on every screen in both languages and both themes, target size, focus visibility, reflow,
// reduced motion, forced colours and no dragging. docs/accessibility.md points here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { DIST_DIR } from '../lib/server.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';

const DIST = `${DIST_DIR}/`; // SEXTANT_DIST, else dist/
const SKIP = !existsSync(`${DIST}index.html`);
const ANSWERS = JSON.parse(readFileSync(new URL('../fixtures/answers-default.json', import.meta.url), 'utf8'));
const KEY = 'sextant:commercial-excellence-scan:1.0.0';
const T = {
  nl: { start: 'Start', next: 'Volgende', results: 'Uw resultaten', step: /Stap \d+ van \d+/ },
  en: { start: 'Start', next: 'Next', results: 'Your results', step: /Step \d+ of \d+/ },
};

const env = useServerAndBrowser({ root: DIST });

/** Opens the standalone page with saved answers at `step` ("welcome", "report" or a section id). */
async function open(p, { lang, theme = 'light', step = 'welcome', answers = ANSWERS }) {
  const state = { format: 'sextant-state/1', assessment: 'commercial-excellence-scan', version: '1.0.0', step, locale: lang, revision: 1, answers };
  await p.page.addInitScript(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(state)]);
  await p.page.goto(`${env.server.url}/index.html?lang=${lang}&theme=${theme}`);
}

/** Every interactive element of the page (the widget's and the page's own footer link) that is rendered, with its box. */
function targets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(':is(button, input, select, textarea, summary, a[href])')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const r = (e.closest('label.sx-file') ?? e).getBoundingClientRect();
        return { what: `${e.tagName.toLowerCase()} ${e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 30)}`, w: r.width, h: r.height };
      }),
  );
}

for (const lang of ['nl', 'en']) {
  for (const theme of ['light', 'dark']) {
    test(`axe finds nothing on any screen (${lang}, ${theme})`, { skip: SKIP }, async () => {
      const p = await newPage(env.browser, { viewport: { width: 1024, height: 900 } });
      await p.page.emulateMedia({ colorScheme: theme });
      await open(p, { lang, theme });
      const t = T[lang];
      await p.page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(p.page, `welcome ${lang} ${theme}`);
      await p.page.getByRole('button', { name: lang === 'nl' ? 'Verder waar u was' : 'Continue where you left off' }).click();
      // Every step, with the saved answers in place (allocations, radios, levels, numbers).
      for (let step = 1; step <= 12; step++) {
        await p.page.getByText(t.step).first().waitFor();
        await expectNoAxeViolations(p.page, `step ${step} ${lang} ${theme}`);
        const last = await p.page.getByRole('button', { name: lang === 'nl' ? 'Bekijk resultaten' : 'See results', exact: true }).count();
        await p.page.getByRole('button', { name: last ? (lang === 'nl' ? 'Bekijk resultaten' : 'See results') : t.next, exact: true }).click();
        if (last) break;
      }
      await p.page.getByRole('heading', { level: 2, name: t.results }).waitFor();
      // Open every disclosure so the explanations are checked too.
      await p.page.evaluate(() => document.querySelectorAll('#app details').forEach((d) => (d.open = true)));
      await expectNoAxeViolations(p.page, `report ${lang} ${theme}`);
      assert.deepEqual(p.errors(), []);
      await p.close();
    });
  }
}

for (const width of [360, 1024]) test(`every target is at least 24 × 24 CSS pixels, at ${width} px (2.5.8)`, { skip: SKIP }, async () => {
  const p = await newPage(env.browser, { viewport: { width, height: 800 } });
  const small = [];
  let checked = 0;
  const content = JSON.parse(readFileSync(new URL('../../content/commercial-excellence-scan.json', import.meta.url), 'utf8'));
  for (const step of ['welcome', ...content.sections.map((section) => section.id), 'report']) {
    await open(p, { lang: 'en', step });
    await p.page.locator('#app h1, #app h2').first().waitFor();
    await p.page.evaluate(() => document.querySelectorAll('#app details').forEach((d) => (d.open = true)));
    for (const t of await targets(p.page)) {
      checked++;
      if (t.w < 24 || t.h < 24) small.push(`${step}: ${t.what} is ${t.w.toFixed(0)}×${t.h.toFixed(0)}`);
    }
  }
  assert.ok(checked > 50, `only ${checked} targets were measured`);
  assert.deepEqual(small, []);
  await p.close();
});

// The report on a laptop, and steps with every kind of question but the bipolar one (a radio
// group, as on the choice step) on a phone in the dark theme.
const PHONE = { width: 360, height: 640 };
for (const [where, viewport, theme, step, title, answers = ANSWERS] of [
  ['the report at 1024 px', { width: 1024, height: 700 }, 'light', 'report', 'Your results'],
  ['the points step at 360 px, dark', PHONE, 'dark', 'proposition', 'Your value proposition'],
  ['the level and Likert step at 360 px, dark', PHONE, 'dark', 'thresholds', 'Choice and threshold level'],
  ['the single and multiple choice step at 360 px, dark', PHONE, 'dark', 'combinations', 'Combinations and customer experience'],
  // The calculator is asked for ("yes") and empty: its fields and their messages.
  ['the calculator at 360 px, dark', PHONE, 'dark', 'calculator', 'What do broken promises cost?', { ...ANSWERS, calc: 'yes' }],
]) {
  test(`keyboard focus is always visible and never hidden: ${where} (2.4.7, 2.4.11)`, { skip: SKIP }, async () => {
    const p = await newPage(env.browser, { viewport });
    await p.page.emulateMedia({ colorScheme: theme });
    await open(p, { lang: 'en', theme, step, answers });
    const { page } = p;
    await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
    const problems = [];
    const seen = new Set();
    let left = false;
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body || !e.closest('#app')) return null;
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
        // A field inside a button of the widget's own (a file field) shows its ring on that button.
        const ring = getComputedStyle(e.closest('label.sx-file') ?? e);
        return {
          id: e.outerHTML.slice(0, 80),
          outline: (ring.outlineStyle !== 'none' && parseFloat(ring.outlineWidth) >= 2) || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2),
          inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
          covered: !!hit && hit !== e && !e.contains(hit) && !hit.contains(e) && !e.closest('label')?.contains(hit),
        };
      });
      if (!f) {
        left = true;
        break;
      }
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      if (!f.outline) problems.push(`no visible focus on ${f.id}`);
      if (!f.inView) problems.push(`focus out of view on ${f.id}`);
      if (f.covered) problems.push(`focus hidden behind something on ${f.id}`);
    }
    assert.ok(seen.size > 5, `only ${seen.size} controls were reached by Tab`);
    assert.ok(left, 'Tab leaves the widget after its last control (no keyboard trap)');
    assert.deepEqual(problems, []);
    // The standalone page's own link after the widget has the same ring.
    const footer = await page.evaluate(() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      return { link: e.matches('.page-footer a'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.deepEqual(footer, { link: true, style: 'solid', width: 3 }, 'the page footer link shows a 3 px ring');
    await p.close();
  });
}

test('content reflows at 320 px and at 400 % zoom (1.4.10)', { skip: SKIP }, async () => {
  // Browser zoom at 400 % on a 1280 × 900 window lays the page out in 320 × 225 CSS pixels, with
  // four device pixels to each: that is what is emulated (CSS `zoom` would not trigger the
  // widget's media queries, so it would not show what a zoomed reader sees).
  for (const [name, viewport, deviceScaleFactor] of [['320 px', { width: 320, height: 900 }, 1], ['400 % zoom', { width: 320, height: 225 }, 4]]) {
    const p = await newPage(env.browser, { viewport, deviceScaleFactor });
    for (const step of ['welcome', 'proposition', 'marketing', 'channel-vision', 'report']) {
      await open(p, { lang: 'nl', step });
      await p.page.locator('#app h1, #app h2').first().waitFor();
      assert.equal(await p.page.evaluate(() => matchMedia('(max-width: 30em)').matches), true, 'the narrow layout applies');
      const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${step} at ${name}: scrolls sideways by ${overflow}px`);
    }
    await p.close();
  }
});

test('reduced motion: nothing animates (2.3.3)', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  await p.page.emulateMedia({ reducedMotion: 'reduce' });
  await open(p, { lang: 'en', step: 'proposition' });
  await p.page.getByText(T.en.step).first().waitFor();
  await p.page.getByRole('button', { name: 'Next', exact: true }).click();
  await p.page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await p.page.evaluate(() => document.getAnimations().length), 0);
  // Nothing in the widget's stylesheets moves, outside the rules for reduced motion: an
  // animation or transition added later fails here even if no screen above happens to run it.
  // (A zero duration moves nothing; embed.css, not on this page, has only such a one.)
  const moving = await p.page.evaluate(() => {
    const out = [];
    const moves = (durations) => durations && durations.split(',').some((d) => parseFloat(d) > 0);
    const walk = (rules, reduced) => {
      for (const rule of rules) {
        const inReduced = reduced
          || (rule instanceof CSSMediaRule && /prefers-reduced-motion:\s*reduce/.test(rule.conditionText));
        if (rule.cssRules) walk(rule.cssRules, inReduced);
        if (!rule.style || inReduced) continue;
        const { animationName, animationDuration, transitionDuration } = rule.style;
        if (animationName && animationName !== 'none' && moves(animationDuration)) out.push(`${rule.selectorText}: animation`);
        if (moves(transitionDuration)) out.push(`${rule.selectorText}: transition`);
      }
    };
    const sheets = [...document.styleSheets].filter((sheet) => /\/(sextant|charts)\.css$/.test(sheet.href ?? ''));
    if (sheets.length !== 2) return [`found ${sheets.length} of the widget's 2 stylesheets`];
    for (const sheet of sheets) walk(sheet.cssRules, false);
    return out;
  });
  assert.deepEqual(moving, []);
  await p.close();
});

test('forced colours keep charts and selections visible (1.4.11)', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  await p.page.emulateMedia({ forcedColors: 'active' });
  await open(p, { lang: 'en', step: 'report' });
  await p.page.getByRole('heading', { level: 2, name: 'Your results' }).waitFor();
  // Each shape is painted, by its fill or its outline, in a colour other than the background
  // behind it (a shape in Canvas on Canvas would be there and still not be seen).
  const invisible = await p.page.evaluate(() => {
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
      }
      return getComputedStyle(document.documentElement).backgroundColor;
    };
    return [...document.querySelectorAll('#app svg :is(rect, polygon, line, circle)')]
      .filter((e) => {
        const s = getComputedStyle(e);
        const behind = background(e.closest('svg'));
        const fills = s.fill !== 'none' && s.fillOpacity !== '0' && s.fill !== behind;
        const strokes = s.stroke !== 'none' && parseFloat(s.strokeWidth) > 0 && s.stroke !== behind;
        return !fills && !strokes;
      })
      .map((e) => e.getAttribute('class'));
  });
  assert.deepEqual(invisible, []);
  assert.ok((await p.page.locator('#app svg').count()) >= 4, 'the report has its charts');
  // A checked radio stays distinguishable: native controls keep their system rendering.
  await open(p, { lang: 'en', step: 'marketing' });
  const radio = p.page.getByRole('radio', { checked: true }).first();
  await radio.waitFor();
  assert.equal(await radio.evaluate((e) => getComputedStyle(e).forcedColorAdjust), 'auto');
  await p.close();
});

test('a press acts on release and can be cancelled by moving away (2.5.2)', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  await open(p, { lang: 'en', step: 'marketing' });
  const { page } = p;
  await page.getByRole('heading', { level: 2, name: 'Marketing', exact: true }).waitFor();
  const next = page.getByRole('button', { name: 'Next', exact: true });
  await next.scrollIntoViewIfNeeded();
  const box = await next.boundingBox();
  // Pressed, moved off and released elsewhere: nothing happens.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 200, { steps: 5 });
  await page.mouse.up();
  // Pressed and released on the button: the next step.
  const { x, y } = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(x, y);
  await page.mouse.down();
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Marketing', exact: true }).count(), 1, 'nothing happens on the press itself');
  await page.mouse.up();
  await page.getByRole('heading', { level: 2, name: 'Account management', exact: true }).waitFor();
  // The cancelled press did not count: one step on, not two.
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Customer service', exact: true }).count(), 0);
  await p.close();
});

test('nothing needs dragging (2.5.7)', { skip: SKIP }, async () => {
  const p = await newPage(env.browser);
  await open(p, { lang: 'en', step: 'proposition' });
  await p.page.getByText(T.en.step).first().waitFor();
  const draggable = await p.page.locator('#app [draggable="true"]').count();
  assert.equal(draggable, 0);
  // Points are given with buttons and number fields, not sliders or drag handles.
  assert.ok((await p.page.getByRole('button', { name: /^More for / }).count()) > 0);
  assert.equal(await p.page.getByRole('slider').count(), 0);
  await p.close();
});

/**
 * The contrast of what axe-core does not measure: chart parts and control borders (it has no
 * rule for non-text contrast), focus rings, and the numbers in the heat map's cells (text in
 * SVG, which it leaves undecided). Colours as the browser computed them on the report.
 */
function measureContrast(page) {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    document.querySelector('.sx-app').append(probe);
    const rgb = (css) => {
      probe.style.color = '';
      probe.style.color = css;
      const c = getComputedStyle(probe).color;
      const srgb = c.match(/color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/);
      if (srgb) return srgb.slice(1, 4).map((v) => Number(v) * 255);
      const m = c.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/);
      if (!m) throw new Error(`cannot read the colour ${css} (${c})`);
      return m.slice(1, 4).map(Number);
    };
    const luminance = (c) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
      const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
      return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100;
    };
    const app = getComputedStyle(document.querySelector('.sextant'));
    const v = (name) => app.getPropertyValue(name).trim();
    const fill = (el) => getComputedStyle(el).fill;
    // Every step of the heat map's scale, whichever the answers reached: a copy of a cell in
    // each step's class, in the same drawing.
    const cell = document.querySelector('.sx-chart-cell');
    const cells = ['sx-fit-0', 'sx-fit-1', 'sx-fit-2', 'sx-fit-3', 'sx-fit-4'].map((step) => {
      const copy = cell.cloneNode(true);
      copy.setAttribute('class', `${cell.getAttribute('class').replace(/sx-(fit-\d|exempt)/g, '')} ${step}`);
      cell.parentNode.append(copy);
      const r = ratio(fill(copy.querySelector('text')), fill(copy.querySelector('rect')));
      copy.remove();
      return r;
    });
    const bar = document.querySelector('.sx-chart-bar');
    const track = document.querySelector('.sx-chart-track');
    const button = document.querySelector('.sx-report button');
    button.focus();
    const ring = getComputedStyle(button).outlineColor;
    const result = {
      cells: Math.min(...cells),
      cellClass: cell.getAttribute('class'),
      barOnTrack: ratio(fill(bar), fill(track)),
      barOnPage: ratio(fill(bar), v('--sx-bg')),
      borderOnPage: ratio(v('--sx-border'), v('--sx-bg')),
      borderOnQuestion: ratio(v('--sx-border'), v('--sx-surface')),
      ringOnPage: ratio(ring, v('--sx-bg')),
      ringOnQuestion: ratio(ring, v('--sx-surface')),
      ringWidth: getComputedStyle(button).outlineWidth,
    };
    probe.remove();
    return result;
  });
}

for (const theme of ['light', 'dark']) {
  test(`chart parts, control borders and focus rings ≥ 3:1, heat-map numbers ≥ 4.5:1 (1.4.3, 1.4.11; ${theme})`, { skip: SKIP }, async () => {
    const p = await newPage(env.browser, { viewport: { width: 1024, height: 900 } });
    await p.page.emulateMedia({ colorScheme: theme });
    await open(p, { lang: 'en', theme, step: 'report' });
    await p.page.getByRole('heading', { level: 2, name: 'Your results' }).waitFor();
    const c = await measureContrast(p.page);
    assert.match(c.cellClass, /sx-fit-\d/, 'a heat-map cell is drawn in its step\'s class');
    assert.ok(c.cells >= 4.5, `heat-map numbers on their cells: ${c.cells}:1`);
    for (const key of ['barOnTrack', 'barOnPage', 'borderOnPage', 'borderOnQuestion', 'ringOnPage', 'ringOnQuestion']) {
      assert.ok(c[key] >= 3, `${key}: ${c[key]}:1 (${theme})`);
    }
    assert.equal(c.ringWidth, '3px', 'the focus ring is 3 px');
    await p.close();
  });
}
