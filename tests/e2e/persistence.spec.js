const { test, expect } = require('./support/fixtures');

test('reload finds the scenario as it was left', async ({ app, page }) => {
  await app.goto();
  await app.annualFee.fill('180,00');
  await expect(app.yearRow(1)).toContainText('720,00 €');
  await page.reload();
  await expect(app.annualFee).toHaveValue('180,00');
  await expect(app.yearRow(1)).toContainText('720,00 €');
});
