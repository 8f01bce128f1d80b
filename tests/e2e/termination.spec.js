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
