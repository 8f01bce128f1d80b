const { test, expect } = require('./support/fixtures');

test('termination simulator', async ({ app, page }) => {
  await app.goto();
  const letterArrives = page.getByLabel('Si la lettre recommandée arrive à la Métropole le');
  await letterArrives.fill('2025-08-18');
  await expect(page.locator('#resultat-resiliation')).toContainText('La convention prend fin le 16/11/2026');
  await expect(page.locator('.termination')).toContainText('Dernière redevance due : année de convention n° 3, 450,00 €');
  await letterArrives.fill('2025-08-16');
  await expect(page.locator('#resultat-resiliation')).toContainText('16/11/2025');
});

test('the termination letter is written for the next reachable anniversary, ready to sign', async ({ app, page, context }) => {
  // Today 30/11/2026: the next anniversary still reachable is 16/11/2027 (letter by 16/08/2027).
  await app.goto();
  const file = await app.download('Lettre de résiliation (.odt)');
  expect(file.suggestedFilename()).toBe('laclasse-sim-tassin-la-demi-lune-lettre-resiliation.odt');
  const fs = require('fs');
  const odt = fs.readFileSync(await file.path());
  expect(odt.subarray(0, 2).toString()).toBe('PK');
  expect(odt.subarray(30, 38).toString()).toBe('mimetype');
  // The printable letter opens in a new tab and says what the official needs.
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Ouvrir la lettre pour imprimer' }).click();
  const letter = await opened;
  await expect(letter.locator('body')).toContainText('Lettre recommandée avec accusé de réception');
  await expect(letter.locator('body')).toContainText('avec effet au mardi 16 novembre 2027, date anniversaire');
  await expect(letter.locator('body')).toContainText('au plus tard le lundi 16 août 2027');
});
