const { test, expect } = require('./support/fixtures');

test('a notice deadline on a Saturday before a holiday gives the practical last day', async ({ page }) => {
  // Notified 16/11/2023: for the anniversary of 16/11/2025 the letter must be received by
  // Saturday 16/08/2025; Friday 15/08 is the Assumption.
  await page.goto('/?aujourdhui=2025-06-01');
  const callout = page.locator('.deadlines .callout');
  await expect(callout).toContainText('samedi 16/08/2025');
  await expect(page.locator('#jour-pratique')).toContainText('en pratique, au plus tard le jeudi 14/08/2025');
  // In the list, only the commune's deadlines tell it when to act.
  const list = page.locator('#liste-echeances');
  await expect(list).not.toContainText('agir avant');
});
