// Journey 7: the team view. Three respondents each take the small scan and make a share link;
// the facilitator opens #team, pastes the links and compares. Means and spreads are checked
// against numbers worked out by hand, and the agree/differ lists against the ranking rule.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING, ScanPage, waitForElement } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const SMALL = '/fixtures/small.json';

// Speed = mean of q1 and q2; Care = (q2 + 2·q3) / 3; a scale point p counts (p − 1) / 4.
const RESPONDENTS = [
  // Speed 100, Care 100
  { name: 'Alice', q1: 'Strongly agree', q2: 'Strongly agree', q3: 'Strongly agree', speed: '100', care: '100' },
  // Speed 50, Care 50
  { name: 'Bob', q1: 'Neutral', q2: 'Neutral', q3: 'Neutral', speed: '50', care: '50' },
  // Speed (0.25 + 0.75)/2 = 50, Care (0.75 + 0)/3 = 25
  { name: null, q1: 'Disagree', q2: 'Agree', q3: 'Strongly disagree', speed: '50', care: '25' },
];
// Speed: mean (100+50+50)/3 = 66.7 → 67, spread 100−50 = 50, population sd 23.6.
// Care:  mean (100+50+25)/3 = 58.3 → 58, spread 100−25 = 75, population sd 31.2.
// With two ranked dimensions, the team agrees most on the one with the smaller sd (Speed)
// and differs most on the other (Care).

describe('team view', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  /** One respondent takes the small scan in their own browser and makes a share link. */
  async function shareLinkOf(r) {
    const session = await newPage(env.browser);
    try {
      const scan = new ScanPage(session.page, env.server.url);
      const who = r.name ?? 'third respondent';
      await scan.open({ lang: 'en', src: SMALL });
      await scan.button(scan.t.start).waitFor();
      await expectNoAxeViolations(session.page, `${who}: welcome screen`);
      await scan.start();
      await scan.waitForStep(1, 2, 'Pace');
      await scan.answer('We deliver quickly.', r.q1);
      await scan.answer('We rarely miss a deadline.', r.q2);
      await expectNoAxeViolations(session.page, `${who}: step 1`);
      await scan.next();
      await scan.waitForStep(2, 2, 'Attention');
      await scan.answer('We listen to every customer.', r.q3);
      await expectNoAxeViolations(session.page, `${who}: step 2`);
      await scan.seeResults();
      assert.deepEqual(await scan.scores(), { Speed: r.speed, Care: r.care }, `${who}: own report`);
      const link = await scan.makeShareLink();
      await expectNoAxeViolations(session.page, `${who}: report with the share link`);
      assert.deepEqual(session.errors(), [], 'no console errors or page errors for a respondent');
      return link;
    } finally {
      await session.close();
    }
  }

  test('three share links pasted and compared: means, spreads, agree and differ', { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    const links = [];
    for (const r of RESPONDENTS) links.push(await shareLinkOf(r));
    assert.equal(new Set(links).size, 3, 'three different links');

    const session = await newPage(env.browser);
    const { page } = session;
    const scan = new ScanPage(page, env.server.url);
    const t = scan.t;
    try {
      await scan.open({ lang: 'en', src: SMALL, hash: 'team' });
      const heading = page.getByRole('heading', { level: 1, name: t.team, exact: true });
      await heading.waitFor();
      await expectNoAxeViolations(page, 'team view, empty');

      const pasted = RESPONDENTS.map((r, i) => (r.name ? `${r.name}: ${links[i]}` : links[i]));
      await page.getByLabel(t.teamLinks, { exact: true }).fill([...pasted, 'not a share link'].join('\n'));
      await scan.button(t.compare).click();

      const table = scan.teamTable(3);
      await table.waitFor();
      assert.deepEqual(await scan.tableRows(table), [
        [t.dimension, t.mean, t.spread, 'Alice', 'Bob', `${t.member} 3`],
        ['Speed', '67', '50', '100', '50', '50'],
        ['Care', '58', '75', '100', '50', '25'],
      ]);
      assert.deepEqual(await scan.listAfterHeading(t.agreeMost), ['Speed']);
      assert.deepEqual(await scan.listAfterHeading(t.differMost), ['Care']);
      const members = await scan.listAfterHeading(t.members);
      assert.deepEqual(members.map((m) => m.split(':')[0]), ['Alice', 'Bob', `${t.member} 3`]);

      // The line that is not a link is named, not silently dropped.
      const skipped = page.getByRole('status').filter({ hasText: t.skippedLines });
      await skipped.waitFor();
      assert.match(await skipped.innerText(), /#4: /, 'the fourth line is reported as not read');
      assert.deepEqual((await page.locator('#app .sx-team-problems li').allInnerTexts()).map((l) => l.split(' (')[0]),
        ['#4: this is not a share link'], 'why, in the visitor\'s language');
      await expectNoAxeViolations(page, 'team view with the comparison');

      await scan.button(t.backToScan).click();
      await scan.button(t.start).waitFor();
      assert.equal(new URL(page.url()).hash, '', 'leaving the team view clears #team');
      await expectNoAxeViolations(page, 'welcome screen after the team view');

      // Back in the team view from the scan: the pasted links and the comparison are as left.
      await scan.button(t.team).click();
      await heading.waitFor();
      assert.equal(await page.getByLabel(t.teamLinks, { exact: true }).inputValue(),
        [...pasted, 'not a share link'].join('\n'), 'the pasted links are kept');
      await scan.teamTable(3).waitFor();
      assert.deepEqual((await scan.tableRows(scan.teamTable(3)))[1], ['Speed', '67', '50', '100', '50', '50']);
      assert.match(await page.getByRole('status').filter({ hasText: t.skippedLines }).innerText(), /#4: /);
      await scan.button(t.backToScan).click();
      await scan.button(t.start).waitFor();

      assert.deepEqual(session.errors(), [], 'no console errors or page errors');
    } finally {
      await session.close();
    }
  });
});

// Hostile pastes and files in the team view: thousands of lines that are not links, thousands of
// links, a name of 100,000 characters, names with a right-to-left override, a file whose name
// starts with "#", and a phone-wide screen. Each test fails on a build without the fix it is for.

const BILINGUAL = '/fixtures/embed-bilingual.json';
const BILINGUAL_KEY = 'sextant:e2e-bilingual:1';
// The widget's limits (src/components/team_view.rs, engine/src/team.rs).
const MAX_PROBLEMS_SHOWN = 10;
const MAX_MEMBERS = 200;
const MAX_NAME_CHARS = 80;
const MORE = { nl: (n) => `en nog ${n}`, en: (n) => `and ${n} more` };
const LEFT_OUT = {
  nl: (n) => `Alleen de eerste ${MAX_MEMBERS} deelnemers worden vergeleken; de overige ${n} zijn weggelaten.`,
  en: (n) => `Only the first ${MAX_MEMBERS} members are compared; the other ${n} were left out.`,
};
const RLO = '\u202e';
const NOT_A_LINK = { nl: 'dit is geen deellink', en: 'this is not a share link' };

/**
 * Where the ":" after a name at the start of `element` is drawn, against where the name is
 * drawn. The name may be shown with bidirectional controls added after it (closing what it left
 * open). Runs in the page.
 */
function colonAfterName(element, name) {
  const text = element.textContent;
  const colon = name.length + (/^[\u202a-\u202e\u2066-\u2069]*/.exec(text.slice(name.length))[0].length);
  if (!text.startsWith(name) || text[colon] !== ':') return { text: text.slice(0, name.length + 20) };
  const nodes = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  // The text node and offset of character `i`; an end offset stays in the node before a boundary.
  const at = (i, end) => {
    let from = 0;
    for (const n of nodes) {
      if (end ? i <= from + n.length : i < from + n.length) return [n, i - from];
      from += n.length;
    }
    throw new Error(`no character ${i}`);
  };
  const box = (a, b) => {
    const r = document.createRange();
    r.setStart(...at(a, false));
    r.setEnd(...at(b, true));
    return r.getBoundingClientRect();
  };
  const nameBox = box(0, colon);
  const colonBox = box(colon, colon + 1);
  return { nameRight: nameBox.right, colonLeft: colonBox.left };
}

describe('team view under hostile input', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });
  let link;
  // A link whose answers leave "Care" unknown.
  let partialLink;

  /** A share link made from saved `answers`. */
  async function linkOf(answers) {
    const session = await newPage(env.browser);
    try {
      const { page } = session;
      await page.addInitScript(([key, value]) => {
        if (location.protocol === 'http:') localStorage.setItem(key, value);
      }, [BILINGUAL_KEY, JSON.stringify({ format: 'sextant-state/1', assessment: 'e2e-bilingual', version: '1', step: 'report', locale: 'en', revision: 1, answers })]);
      const scan = new ScanPage(page, env.server.url);
      await scan.open({ lang: 'en', src: BILINGUAL });
      const made = await scan.makeShareLink();
      assert.match(made, /#r=/);
      return made;
    } finally {
      await session.close();
    }
  }

  before(async () => {
    if (DIST_MISSING) return;
    link = await linkOf({ q1: 4, q2: 5, q3: 2 });
    partialLink = await linkOf({ q1: 4 });
  });

  const problemItems = (page) => page.locator('#app .sx-notice li');
  const status = (page) => page.locator('#app [role="status"]');

  /** The team view in `lang`, its heading shown. */
  async function openTeam(lang, options = {}) {
    const session = await newPage(env.browser, { timeout: 60_000, ...options });
    const scan = new ScanPage(session.page, env.server.url);
    await scan.open({ lang, src: BILINGUAL, hash: 'team' });
    await session.page.getByRole('heading', { level: 1, name: scan.t.team, exact: true }).waitFor();
    return { session, scan, page: session.page, t: scan.t };
  }

  /**
   * Pastes `text` (set at once, as a paste does: typing megabytes would take minutes), presses
   * Compare and waits for a comparison (whatever its size), the lines not read, or the message
   * that there is nothing to compare.
   */
  async function compare({ page, scan, t }, text) {
    await page.getByLabel(t.teamLinks, { exact: true }).evaluate((area, value) => {
      area.value = value;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
    await scan.button(t.compare).click();
    await page.locator('#app table caption, #app .sx-team-nothing, #app .sx-team-problems').first().waitFor();
  }

  test('Compare with nothing to compare says what to do, and shows no empty table', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    for (const lang of ['nl', 'en']) {
      const ctx = await openTeam(lang);
      const { session, page, t } = ctx;
      try {
        await compare(ctx, '\n  \n');
        const notice = page.locator('#app .sx-notice').filter({ hasText: t.teamNothing });
        assert.ok(await notice.isVisible(), 'the message is shown');
        assert.equal((await status(page).textContent()).trim(), t.teamNothing, 'and announced');
        assert.equal(await page.locator('#app table').count(), 0, 'no table of nobody');
        await expectNoAxeViolations(page, `${lang}: nothing to compare`);
        // Lines that are no links are listed as not read; the message does not repeat it.
        await compare(ctx, 'not a link');
        await problemItems(page).filter({ hasText: '#1: ' }).waitFor();
        assert.equal(await notice.count(), 0, 'what could not be read is said instead');
        // With a link, the comparison replaces the message.
        await compare(ctx, `Ann: ${partialLink}`);
        await page.locator('#app table caption').filter({ hasText: `${t.team} (1)` }).waitFor();
        assert.equal(await notice.count(), 0);
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    }
  });

  test('a score that is unknown reads as "unknown", not as a bare dash (1.3.1)', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    for (const lang of ['nl', 'en']) {
      const ctx = await openTeam(lang);
      const { session, page, t } = ctx;
      try {
        await compare(ctx, `Ann: ${partialLink}`);
        const care = ctx.scan.teamTable(1).getByRole('row').filter({ hasText: lang === 'nl' ? 'Zorg' : 'Care' });
        const cells = care.getByRole('cell');
        assert.equal(await cells.count(), 3, 'mean, spread and Ann');
        for (const cell of await cells.all()) {
          // Seen: a dash; read: the word, in the page's language.
          assert.equal(await cell.locator('[aria-hidden="true"]').innerText(), '—');
          assert.equal(await cell.locator('.sx-visually-hidden').textContent(), t.noValue);
        }
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    }
  });

  test('a pasted line that cannot be read says why in the visitor\'s language: a damaged link, no link at all (nl)', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const ctx = await openTeam('nl');
    const { session, page } = ctx;
    try {
      await compare(ctx, [`Ann: ${link.slice(0, -4)}`, 'gewoon een regel tekst', link].join('\n'));
      await ctx.scan.teamTable(1).waitFor();
      const items = await problemItems(page).allInnerTexts();
      assert.deepEqual(items.map((i) => i.split(' (')[0]), ['#1: de link is beschadigd of onvolledig', '#2: dit is geen deellink']);
      // The English detail follows, marked as English.
      assert.deepEqual(await problemItems(page).locator('bdi[lang="en"]').count(), 2);
      await expectNoAxeViolations(page, 'team view with reasons in Dutch');
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });

  for (const lang of ['nl', 'en']) {
    test(`20,000 lines that are not links: the first ${MAX_PROBLEMS_SHOWN} listed, "${MORE[lang]('N')}", a short announcement (${lang})`, { skip: DIST_MISSING, timeout: 120_000 }, async () => {
      const ctx = await openTeam(lang);
      const { session, page, t } = ctx;
      try {
        const junk = Array.from({ length: 20_000 }, (_, i) => `junk line ${i}`);
        await compare(ctx, [`Ann: ${link}`, ...junk].join('\n'));
        await ctx.scan.teamTable(1).waitFor();
        const items = await problemItems(page).allInnerTexts();
        assert.equal(items.length, MAX_PROBLEMS_SHOWN, `problems listed: ${items.length}`);
        // Why, in the visitor's language, then the detail in English.
        assert.match(items[0], new RegExp(`^#2: ${NOT_A_LINK[lang]} \\(not a share code`));
        assert.match(items.at(-1), new RegExp(`^#${MAX_PROBLEMS_SHOWN + 1}: `));
        const notice = await page.locator('#app .sx-notice').allInnerTexts();
        assert.ok(notice.some((n) => n.trim().endsWith(MORE[lang](20_000 - MAX_PROBLEMS_SHOWN))), `${lang}: the notice ends in "${MORE[lang](20_000 - MAX_PROBLEMS_SHOWN)}"`);

        // The live region says how many, and which was first, not the whole list.
        const said = (await status(page).textContent()).trim();
        assert.ok(said.length < 300, `the live region says ${said.length} characters: ${said.slice(0, 300)}`);
        assert.ok(said.includes(`${t.team} (1)`) && said.includes('20000') && said.includes('#2: '), `the live region says: ${said}`);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height < 5000, `the page is ${height}px tall`);
        await expectNoAxeViolations(page, `team view with ${MAX_PROBLEMS_SHOWN} of 20,000 problems (${lang})`);
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    });
  }

  test(`3,000 links: the first ${MAX_MEMBERS} are compared and the rest are said to be left out (nl, en)`, { skip: DIST_MISSING, timeout: 120_000 }, async () => {
    for (const lang of ['nl', 'en']) {
      const ctx = await openTeam(lang);
      const { session, page, t } = ctx;
      try {
        await compare(ctx, Array.from({ length: 3000 }, () => link).join('\n'));
        const caption = await page.locator('#app table caption').textContent();
        assert.equal(caption, `${t.team} (${MAX_MEMBERS})`, `${lang}: the table's caption`);
        assert.equal(await page.locator('#app thead th').count(), 3 + MAX_MEMBERS, `${lang}: member columns`);
        const notice = await page.locator('#app .sx-notice').allInnerTexts();
        assert.ok(notice.some((n) => n.includes(LEFT_OUT[lang](3000 - MAX_MEMBERS))), `${lang}: a notice says how many were left out: ${notice}`);
        const said = await status(page).textContent();
        assert.ok(said.includes(LEFT_OUT[lang](3000 - MAX_MEMBERS)), `${lang}: the live region says: ${said}`);
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    }
  });

  test(`member and file names are cut to ${MAX_NAME_CHARS} characters wherever they are shown`, { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const ctx = await openTeam('en');
    const { session, page, t } = ctx;
    try {
      const fileName = `${'F'.repeat(200)}.json`;
      await page.locator('#app input[type=file]')
        .setInputFiles([{ name: fileName, mimeType: 'application/json', buffer: Buffer.from('not json') }]);
      await problemItems(page).first().waitFor();
      await compare(ctx, `${'N'.repeat(100_000)}: ${link}`);
      await ctx.scan.teamTable(1).waitFor();
      const longest = MAX_NAME_CHARS + 1; // the name and "…"
      const header = await page.locator('#app thead th').nth(3).textContent();
      assert.ok(header === `${'N'.repeat(MAX_NAME_CHARS)}…`, `the column header is ${header.length} characters`);
      const [member] = await ctx.scan.listAfterHeading(t.members);
      assert.ok(member.split(':')[0].length <= longest, `the member list shows a name of ${member.split(':')[0].length} characters`);
      const [problem] = await problemItems(page).allInnerTexts();
      assert.ok(problem.startsWith('FFFF') && problem.split(':')[0].length <= longest,
        `the problem names a file in ${problem.split(':')[0].length} characters`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height < 3000, `the page is ${height}px tall`);
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });

  test('an export with no answer that fits is not a member, and answers left out of one are named', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const ctx = await openTeam('en');
    const { session, page, t } = ctx;
    const file = (name, answers) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'sextant-export/1', assessment: 'e2e-bilingual', version: '1', answers })),
    });
    try {
      await page.locator('#app input[type=file]').setInputFiles([
        file('nothing.json', { gone: 3 }),
        file('partial.json', { q1: 4, q2: null, q9: 2 }),
      ]);
      await problemItems(page).filter({ hasText: 'partial.json' }).waitFor();
      // Under their own headings: the file not read, and the one compared without some answers.
      const notice = (await page.locator('#app .sx-team-problems').innerText()).split('\n').filter(Boolean);
      assert.deepEqual(notice, [
        t.skippedLines,
        'nothing.json: no answer in it fits this assessment',
        'Compared without some answers:',
        'partial.json: the answers to q9, q2 do not fit this assessment',
      ]);
      await ctx.scan.button(t.compare).click();
      const table = ctx.scan.teamTable(1);
      await table.waitFor();
      assert.equal(await table.getByRole('columnheader', { name: 'partial', exact: true }).count(), 1);
      assert.equal(await table.getByRole('columnheader', { name: 'nothing', exact: true }).count(), 0);
      // Announced: one compared, one file not read.
      const said = await status(page).textContent();
      assert.ok(said.includes(`${t.team} (1)`) && said.includes(`${t.skippedLines} nothing.json`), said);
      // The file read is named next to the file field, which is its description; after the
      // scan and back, it still is and still takes part (the browser's field is empty then).
      const described = () => page.locator('#app input[type=file]').evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent).join(' '));
      assert.equal(await described(), 'Read: partial.json');
      await ctx.scan.button(t.backToScan).click();
      await ctx.scan.button(t.team).click();
      await page.getByRole('heading', { level: 1, name: t.team, exact: true }).waitFor();
      assert.equal(await described(), 'Read: partial.json');
      assert.equal(await problemItems(page).filter({ hasText: 'nothing.json' }).count(), 1);
      // A link pasted now is compared with the file read before.
      await page.getByLabel(t.teamLinks, { exact: true }).fill(`Ann: ${link}`);
      await ctx.scan.button(t.compare).click();
      const both = ctx.scan.teamTable(2);
      await both.waitFor();
      assert.deepEqual((await ctx.scan.tableRows(both))[0].slice(3), ['partial', 'Ann']);
      await expectNoAxeViolations(page, 'team view after coming back, with a file read');
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });

  test('a failed file whose name starts with "#" stays listed after Compare, next to the pasted lines\' problems', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const ctx = await openTeam('nl');
    const { session, page, t } = ctx;
    try {
      await page.locator('#app input[type=file]').setInputFiles([
        { name: '#broken.json', mimeType: 'application/json', buffer: Buffer.from('not json') },
        { name: 'also-broken.json', mimeType: 'application/json', buffer: Buffer.from('not json') },
      ]);
      await problemItems(page).filter({ hasText: 'also-broken.json' }).waitFor();
      const names = async () => (await problemItems(page).allInnerTexts()).map((p) => p.split(': ')[0]);
      assert.deepEqual(await names(), ['#broken.json', 'also-broken.json'], 'before comparing');
      for (const round of [1, 2]) {
        await page.getByLabel(t.teamLinks, { exact: true }).fill(`Ann: ${link}\nnot a link`);
        await ctx.scan.button(t.compare).click();
        await ctx.scan.teamTable(1).waitFor();
        await waitForElement(status(page), (el, text) => el.textContent.includes(text), `${t.team} (1)`);
        assert.deepEqual(await names(), ['#broken.json', 'also-broken.json', '#2'], `after Compare (${round})`);
      }
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });

  for (const lang of ['nl', 'en']) {
    test(`at 320 px the table's first column keeps whole words and the table scrolls in its own named region (${lang})`, { skip: DIST_MISSING, timeout: 60_000 }, async () => {
      const ctx = await openTeam(lang, { viewport: { width: 320, height: 640 } });
      const { session, page, t } = ctx;
      try {
        await compare(ctx, ['Alice', 'Bob', 'Carol'].map((n) => `${n}: ${link}`).join('\n'));
        const region = page.getByRole('region', { name: `${t.team} (3)`, exact: true });
        await region.waitFor();
        // Every word of every header cell (the first column, the column headers) on one line.
        const broken = await region.locator('table').evaluate((table) => {
          const out = [];
          for (const cell of table.querySelectorAll('th')) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              for (const m of n.data.matchAll(/\S+/g)) {
                const r = document.createRange();
                r.setStart(n, m.index);
                r.setEnd(n, m.index + m[0].length);
                const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
                if (lines.size > 1) out.push(`${m[0]} on ${lines.size} lines`);
              }
            }
          }
          return out;
        });
        assert.deepEqual(broken, [], `${lang}: words broken over lines`);
        const [first] = await ctx.scan.tableRows(region.locator('table'));
        assert.deepEqual(first, [t.dimension, t.mean, t.spread, 'Alice', 'Bob', 'Carol']);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(sideways <= 0, `${lang}: the page scrolls sideways by ${sideways}px`);
        assert.equal(await region.getAttribute('tabindex'), '0', 'the region takes keyboard focus');
        if (await region.evaluate((r) => r.scrollWidth > r.clientWidth)) {
          await region.focus();
          await page.keyboard.press('ArrowRight');
          await waitForElement(region, (r) => r.scrollLeft > 0);
        }
        await expectNoAxeViolations(page, `team view at 320 px (${lang})`);
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    });
  }

  for (const lang of ['nl', 'en']) {
    test(`at 320 px with text at 200 %, the files button shows all its words (${lang})`, { skip: DIST_MISSING, timeout: 60_000 }, async () => {
      const ctx = await openTeam(lang, { viewport: { width: 320, height: 640 } });
      const { session, page } = ctx;
      try {
        // The browser's text size at 200 %: the widget's text is sized from its root's.
        await page.addStyleTag({ content: '#app.sextant { font-size: 32px !important; }' });
        const cut = await page.locator('#app input[type=file]').evaluate((input) => {
          const out = [];
          const width = document.documentElement.clientWidth;
          // The control a visitor sees: the field itself, or the button that holds it.
          const shown = input.closest('label') ?? input;
          if (shown.scrollWidth > shown.clientWidth + 0.5) out.push(`holds ${shown.scrollWidth}px in ${shown.clientWidth}px`);
          if (getComputedStyle(shown).overflowX !== 'visible' && shown === input) out.push('the browser\'s own field clips its text');
          const box = shown.getBoundingClientRect();
          if (box.right > width + 0.5) out.push(`ends at ${Math.round(box.right)}px`);
          for (const word of shown.querySelectorAll('span')) {
            const w = word.getBoundingClientRect();
            if (w.right > box.right + 0.5 || w.left < box.left - 0.5) out.push(`"${word.textContent}" sticks out`);
          }
          return out;
        });
        assert.deepEqual(cut, [], `${lang}: the files button`);
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    });
  }

  test('printed, a comparison of eight shows every member on the page\'s width', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    // 700 px: about the width an A4 page leaves for the content.
    const ctx = await openTeam('en', { viewport: { width: 700, height: 900 } });
    const { session, page, t } = ctx;
    const names = ['Annemarie van den Berg', 'Bartholomeus Jansen', 'Christiaan de Vries', 'Dorothea Bakker',
      'Eleonora Visser', 'Frederik Smit', 'Gertrude Meijer', 'Hendrik Mulder'];
    try {
      await compare(ctx, names.map((n) => `${n}: ${link}`).join('\n'));
      const region = page.getByRole('region', { name: `${t.team} (8)`, exact: true });
      await region.waitFor();
      assert.ok(await region.evaluate((r) => r.scrollWidth > r.clientWidth), 'on screen, the table scrolls in its region');
      await page.emulateMedia({ media: 'print' });
      const cut = await region.evaluate((r) => {
        const width = document.documentElement.clientWidth;
        const out = [];
        if (r.scrollWidth > r.clientWidth) out.push(`the region holds ${r.scrollWidth}px in ${r.clientWidth}px`);
        for (const cell of r.querySelectorAll('th, td')) {
          const box = cell.getBoundingClientRect();
          if (box.right > width + 0.5) out.push(`"${cell.textContent}" ends at ${Math.round(box.right)}px`);
        }
        return out;
      });
      assert.deepEqual(cut, [], 'nothing is cut off on paper');
      const [first] = await ctx.scan.tableRows(region.locator('table'));
      assert.deepEqual(first, [t.dimension, t.mean, t.spread, ...names]);
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });

  test('a right-to-left override in a member or file name does not reorder the text after it', { skip: DIST_MISSING, timeout: 60_000 }, async () => {
    const ctx = await openTeam('en');
    const { session, page, t } = ctx;
    try {
      const fileName = `x${RLO}evil.json`;
      await page.locator('#app input[type=file]')
        .setInputFiles([{ name: fileName, mimeType: 'application/json', buffer: Buffer.from('not json') }]);
      await problemItems(page).first().waitFor();
      const bob = `Bob${RLO} evil`;
      await compare(ctx, `${bob}: ${link}\nAlice: ${link}`);
      await ctx.scan.teamTable(2).waitFor();

      const member = page.getByRole('heading', { level: 2, name: t.members, exact: true })
        .locator('xpath=following-sibling::ul[1]/li').first();
      const inList = await member.evaluate(colonAfterName, bob);
      const inProblems = await problemItems(page).first().evaluate(colonAfterName, fileName);
      const misplaced = Object.entries({ 'members list': inList, problems: inProblems })
        .filter(([, at]) => !(at.colonLeft >= at.nameRight - 1))
        .map(([where, at]) => `${where}: the ":" is drawn inside the name ${JSON.stringify(at)}`);
      assert.deepEqual(misplaced, []);
      assert.deepEqual(session.errors(), []);
    } finally {
      await session.close();
    }
  });
});
