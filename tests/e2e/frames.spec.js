// What each painted frame shows after an edit and after opening another simulation: the fee
// tables first, the sections below them (here Annexe 2) one frame later within the same
// simulation, and never one simulation's fees beside another's sections.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('./support/fixtures');

const tassin = JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/examples/tassin.json'), 'utf8'));

/** Does `act` in the page (`fee:<text>` types a fee, `click:<id>` clicks), at the start of a
 * frame, and records at each of the next `n` frames year 1's fee and the one-school fee the
 * Annexe 2 table is written for. */
async function framesAfter(page, act, n = 8) {
  return page.evaluate(([act, n]) => new Promise((resolve) => {
    const seen = [];
    const read = () => [
      document.querySelector('#annees-convention tbody tr td.money')?.textContent ?? null,
      /Une école \(([^)]*)\)/.exec(document.querySelector('#parts-annexe2 thead')?.textContent ?? '')?.[1] ?? null,
    ];
    const frame = () => {
      seen.push(read());
      if (seen.length < n) requestAnimationFrame(frame);
      else resolve(seen);
    };
    requestAnimationFrame(() => {
      const [kind, arg] = act.split(':');
      if (kind === 'fee') {
        const input = document.querySelector('#annual-fee');
        input.value = arg;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        document.getElementById(arg).click();
      }
      requestAnimationFrame(frame);
    });
  }), [act, n]);
}

test('after an edit the fees come first and Annexe 2 follows one frame later, never another simulation\'s', async ({ app, page }) => {
  await app.goto();
  const scenario = structuredClone(tassin);
  scenario.convention.annual_fee_eur = '175.00';
  scenario.commune.name = 'Tassin à 175 €';
  await app.openScenario('tassin-175.json', scenario);
  await expect(app.yearRow(1)).toContainText('700,00 €');
  await expect(page.locator('#parts-annexe2 thead')).toContainText('Une école (175,00 €)');

  // An edit of the fee: in every frame, Annexe 2 shows this edit's fee or the one just before.
  const edit = await framesAfter(page, 'fee:180,00');
  for (const [fees, shares] of edit) {
    expect([['700,00 €', '175,00 €'], ['720,00 €', '175,00 €'], ['720,00 €', '180,00 €']]).toContainEqual([fees, shares]);
  }
  expect(edit.at(-1)).toEqual(['720,00 €', '180,00 €']);
  // The fees reach the first frame after the keystroke's; Annexe 2 at most two frames later.
  expect(edit.findIndex(([fees]) => fees === '720,00 €')).toBeLessThanOrEqual(1);
  expect(edit.findIndex(([, shares]) => shares === '180,00 €')).toBeLessThanOrEqual(3);

  // Opening another simulation: both change in the same frame.
  await page.locator('#mes-simulations summary').click();
  const open = page.getByRole('button', { name: 'Ouvrir « Exemple : Tassin-la-Demi-Lune »' });
  await open.evaluate((b) => { b.id = 'ouvrir-exemple-test'; });
  const opened = await framesAfter(page, 'click:ouvrir-exemple-test');
  for (const [fees, shares] of opened) {
    expect([['720,00 €', '180,00 €'], ['600,00 €', '150,00 €']]).toContainEqual([fees, shares]);
  }
  expect(opened.at(-1)).toEqual(['600,00 €', '150,00 €']);
});
