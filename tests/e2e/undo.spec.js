const { test, expect } = require('./support/fixtures');

test('a deleted school comes back with undo', async ({ app, page }) => {
  await app.goto();
  await expect(app.schoolRows).toHaveCount(4);
  await page.getByRole('button', { name: "Supprimer l'école 1" }).click();
  await expect(app.schoolRows).toHaveCount(3);
  await expect(page.locator('.undo-bar')).toContainText('École « École élémentaire du Bourg » supprimée.');
  await expect(app.yearRow(1)).toContainText('450,00 €');
  await page.getByRole('button', { name: 'Annuler la suppression' }).click();
  await expect(app.schoolRows).toHaveCount(4);
  await expect(app.schoolName(1)).toHaveValue('École élémentaire du Bourg');
  await expect(app.yearRow(1)).toContainText('600,00 €');
});
