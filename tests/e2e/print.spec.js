const { test, expect } = require('./support/fixtures');

test('print shows the report header with the date and the rules version', async ({ app, page }) => {
  await app.goto();
  await expect(app.yearRow(1)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const header = page.locator('.print-header');
  await expect(header).toBeVisible();
  await expect(header).toContainText('imprimé le 30/11/2026');
  await expect(header).toContainText('règles R1–R10');
  await expect(page.locator('nav.toolbar')).toBeHidden();
  await expect(page.locator('.documents')).toBeHidden();
});
