const { test, expect } = require('./support/fixtures');

test('an invalid field keeps what was typed and figures come back when it is valid', async ({ app, page }) => {
  await app.goto();
  await app.ownCopy();
  await app.annualFee.fill('150,5x');
  // Not while typing: once the field is left.
  await expect(page.locator('.convention .error')).toHaveCount(0);
  await app.annualFee.press('Tab');
  await expect(app.annualFee).toHaveValue('150,5x');
  await expect(page.locator('.convention .error')).toContainText("n'est pas un montant");
  await expect(app.errorSummary).toContainText('dernière saisie valide');
  await expect(app.yearRow(1)).toContainText('600,00 €');
  await app.annualFee.fill('175');
  await expect(app.errorSummary).toHaveCount(0);
  await expect(app.yearRow(1)).toContainText('700,00 €');
});

test('errors name the field in French and lead to it', async ({ app, page }) => {
  await app.goto();
  await app.ownCopy();
  await app.type(app.notified, '');
  const item = app.errorSummary.getByRole('link', { name: 'Notification de la convention : champ obligatoire' });
  await expect(item).toBeVisible();
  await expect(page.locator('.convention .error')).toHaveText('champ obligatoire');
  // The summary's link takes the person to the field.
  await item.click();
  await expect(app.notified).toBeFocused();
  // A school's error names its field and its row, never a JSON path.
  await app.openSchool(2);
  await app.type(app.schoolRow(2).getByLabel(/^Demande reçue le, école/), '1850-01-01');
  await expect(app.errorSummary).toContainText('Demande reçue le (école 2) : "1850-01-01" est hors des années prises en charge');
  await expect(app.errorSummary).not.toContainText('schools[');
  await expect(app.errorSummary).not.toContainText('convention.');
});
