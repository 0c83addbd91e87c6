// A number question names what describes it: its unit, when it has one, and its range. A question
// without a unit must not point to a unit that is not there (4.1.2): the description would be
// read as if something were missing, and the id reference is broken. The axe helper checks every
// id reference on the page as well (`danglingReferences`).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { danglingReferences, expectNoAxeViolations } from '../lib/axe.mjs';
import { newPage, useServerAndBrowser } from '../lib/browser.mjs';
import { DIST_MISSING, ScanPage } from '../lib/scan-page.mjs';
import { DIST_DIR } from '../lib/server.mjs';

const EXPECTED = {
  en: {
    staff: ['How many people work in sales?', 'Allowed: 0 – 500'],
    budget: ['What is the marketing budget?', 'euro Allowed: 0 – 1,000,000'],
  },
  nl: {
    staff: ['Hoeveel mensen werken in verkoop?', 'Toegestaan: 0 – 500'],
    budget: ['Wat is het marketingbudget?', 'euro Toegestaan: 0 – 1.000.000'],
  },
};

describe('number questions', () => {
  const env = useServerAndBrowser({ root: DIST_DIR }, { skip: DIST_MISSING });

  for (const lang of ['en', 'nl']) {
    test(`each field is described by its unit, if any, and its range; no reference points to nothing (${lang})`, { skip: DIST_MISSING, timeout: 60_000 }, async () => {
      const session = await newPage(env.browser);
      const { page } = session;
      try {
        const scan = new ScanPage(page, env.server.url);
        await scan.open({ lang, src: '/fixtures/numbers.json' });
        await scan.start();
        for (const [name, description] of Object.values(EXPECTED[lang])) {
          const field = page.getByLabel(name, { exact: true });
          await field.waitFor();
          // The description as a screen reader builds it: the referenced elements' texts, in order.
          const described = await field.evaluate((input) => {
            const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
            return ids.map((id) => document.getElementById(id)?.textContent.trim() ?? `(no #${id})`).join(' ');
          });
          assert.equal(described, description, `${name}: description`);
        }
        assert.deepEqual(await danglingReferences(page), []);
        await expectNoAxeViolations(page, `number questions (${lang})`);
        assert.deepEqual(session.errors(), []);
      } finally {
        await session.close();
      }
    });
  }
});
