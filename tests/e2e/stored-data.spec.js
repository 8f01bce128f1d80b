const { test, expect } = require('./support/fixtures');

const EXAMPLE_KEY = 'laclasse-sim/simulation/exemple';

test('unreadable stored data is set aside with its date, each under its own key, never a crash', async ({ app, page }) => {
  await app.goto();
  // Once the page has saved its own simulation, damage it, twice.
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, EXAMPLE_KEY);
  for (const damaged of ['{"version": 99, "entries": "abîmé"}', '{tronqué']) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [EXAMPLE_KEY, damaged]);
    await page.reload();
    await expect(page.locator('#avis-stockage')).toContainText("n'a pas pu être lue");
    await expect(app.yearRow(1)).toContainText('600,00 €');
    await page.waitForFunction((k) => localStorage.getItem(k) !== null && !localStorage.getItem(k).startsWith('{tr'), EXAMPLE_KEY);
  }
  await expect(page.locator('#avis-stockage')).toContainText('elle est abîmée (JSON illisible)');
  const kept = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('laclasse-sim/illisible/'))
    .map((k) => localStorage.getItem(k)).sort());
  expect(kept).toEqual(['{"version": 99, "entries": "abîmé"}', '{tronqué']);
  await page.locator('#avis-stockage').getByRole('button', { name: 'Compris' }).click();
  await expect(page.locator('#avis-stockage')).toHaveCount(0);
});

test('data too big to set aside stays where it is, intact, and typing never overwrites it', async ({ app, page }) => {
  await app.goto();
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, EXAMPLE_KEY);
  // Fill storage with one unreadable entry too big to be copied beside itself.
  const size = await page.evaluate(() => {
    let n = 1 << 20;
    const key = 'laclasse-sim/simulation/ancienne-1';
    // The largest value that fits, then it cannot be copied.
    while (n > 1000) {
      try { localStorage.setItem(key, '{' + 'x'.repeat(n)); n *= 2; } catch (e) { break; }
    }
    let lo = n / 2, hi = n;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2);
      try { localStorage.setItem(key, '{' + 'x'.repeat(mid)); lo = mid; } catch (e) { hi = mid; }
    }
    localStorage.setItem(key, '{' + 'x'.repeat(lo));
    return lo;
  });
  expect(size).toBeGreaterThan(100000);
  await page.reload();
  await expect(page.locator('#avis-stockage')).toContainText("n'a pas pu être mise de côté");
  // Saving is not suspended for everything: what can be written still is.
  await expect(page.locator('#stockage-suspendu')).toHaveCount(0);
  // The unreadable data is intact, and typing does not overwrite it.
  await app.annualFee.fill('175,00');
  await page.waitForTimeout(600);
  const still = await page.evaluate(() => localStorage.getItem('laclasse-sim/simulation/ancienne-1').length);
  expect(still).toBe(size + 1);
  await expect(app.annualFee).toHaveValue('175,00');
});
