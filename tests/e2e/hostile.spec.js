// Inputs a hostile or unlucky person gives the page (issue 22): a link pasted into an open
// tab, a crafted link, a file with a key given twice, a stored value the page cannot read, a
// simulation the browser refuses to store. Each is opened, refused in French, or kept without
// losing anything.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('./support/fixtures');

const TASSIN = JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/examples/tassin.json'), 'utf8'));

function link(scenario) {
  return `#s=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
}

test('a link pasted into a tab already open is opened', async ({ app, page }) => {
  await app.goto();
  await expect(app.simulationName).toContainText('Exemple');
  const bron = { ...TASSIN, commune: { name: 'Bron' } };
  await page.evaluate((hash) => { window.location.hash = hash; }, link(bron));
  await expect(app.simulationName).toContainText('Lien partagé : Bron');
  await expect(app.communeName).toHaveValue('Bron');
});

test('a crafted link of 200 000 schools is refused before anything is imported', async ({ app, page }) => {
  const crafted = { commune: { name: 'Bron' }, convention: { notified: '2023-11-16' }, schools: Array(200_000).fill({}) };
  await page.goto(`/?aujourdhui=2026-11-30${link(crafted)}`);
  await app.started();
  await expect(page.locator('.notice').first()).toContainText('un scénario en compte au plus 1000');
  await expect(app.simulationName).not.toContainText('Lien partagé');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('laclasse-sim/simulation/')).length);
  expect(stored).toBeLessThanOrEqual(1);
});

test('a file with a key given twice is refused, naming the key', async ({ app, page }) => {
  await app.goto();
  const text = JSON.stringify(TASSIN).replace('"annual_fee_eur":"150.00"', '"annual_fee_eur":"150.00","annual_fee_eur":"1.00"');
  await app.openFile({ name: 'double.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('.notice').first()).toContainText('la clé « convention.annual_fee_eur » apparaît deux fois');
  await expect(page.locator('.notice').first()).toContainText('Rien n\'a été modifié');
});

test('a stored value the page cannot read is set aside, said in French', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('laclasse-sim/simulation/abime', JSON.stringify({ version: 2, id: 'abime', revision: 1, name: 'Abîmée', draft: 'nope' }));
    }
  });
  await page.goto('/?aujourdhui=2026-11-30');
  const notice = page.locator('#avis-stockage');
  await expect(notice).toContainText('elle est incomplète (un champ manque ou n\'a pas le type attendu)');
  await expect(notice).not.toContainText('invalid type');
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('laclasse-sim/illisible/')));
  expect(aside.length).toBe(1);
});

test('a simulation the browser refuses to store stays in the page and never stops the others being saved', async ({ app, page }) => {
  await app.goto();
  await expect(app.yearRow(1)).toContainText('600,00 €');
  // Fill the browser's storage, leaving room for a little only.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(100_000);
    let i = 0;
    try { for (;;) localStorage.setItem(`remplissage-${i++}`, chunk); } catch (e) { /* full */ }
    for (let j = 0; j < 1; j++) localStorage.removeItem(`remplissage-${j}`);
  });
  // A shared link of 900 schools: too big for what is left.
  const big = { ...TASSIN, commune: { name: 'Lyon' }, schools: Array.from({ length: 900 }, (_, k) => ({ ...TASSIN.schools[0], name: `École ${k} ${'é'.repeat(100)}` })) };
  await page.evaluate((hash) => { window.location.hash = hash; }, link(big));
  await expect(app.simulationName).toContainText('Lien partagé : Lyon');
  const refused = page.locator('#stockage-refuse');
  await expect(refused).toContainText('« Lien partagé : Lyon »', { timeout: 10_000 });
  await expect(refused).toContainText('reste dans cette page');
  // The example is edited and saved all the same.
  await page.locator('summary', { hasText: 'Mes simulations' }).click();
  await page.getByRole('button', { name: /Ouvrir « Exemple/ }).first().click();
  await app.annualFee.fill('165,00');
  await expect.poll(() => page.evaluate(() => Object.entries(localStorage)
    .some(([k, v]) => k.startsWith('laclasse-sim/simulation/') && v.includes('"165')))).toBe(true);
  // Room is made: the waiting simulation is saved at the next change, no file needed first.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('remplissage-')).forEach((k) => localStorage.removeItem(k)));
  await app.annualFee.fill('160,00');
  await expect(refused).toHaveCount(0, { timeout: 10_000 });
});
