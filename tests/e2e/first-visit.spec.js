const { test, expect } = require('./support/fixtures');

test('first visit shows the Tassin example with its figures and clauses', async ({ app, page }) => {
  await app.goto();
  await expect(app.simulationName).toContainText('Exemple : Tassin-la-Demi-Lune');
  await expect(app.simulationName.locator('.badge')).toHaveText('exemple');
  await expect(app.yearRow(1)).toContainText('16/11/2023');
  await expect(app.yearRow(1)).toContainText('600,00 €');
  await expect(app.yearRow(3)).toContainText('450,00 €');
  await expect(app.budgetYearRow(2)).toContainText('750,00 €');
  await expect(page.locator('.fees .clause').first()).toHaveText('Art. 6');
  await expect(page.getByText('Vos données restent dans ce navigateur')).toBeVisible();
  // "pourquoi ?" opens the engine's explanation with the clause quoted.
  await app.yearRow(1).getByText('pourquoi ?').click();
  const explanation = page.locator('#annees-convention .explanation').first();
  await expect(explanation).toContainText('redevance forfaitaire de 150 € par an et par école utilisatrice');
  await expect(explanation).toContainText('4 écoles × 150,00 € = 600,00 €');
  await expect(explanation).toContainText('Hypothèse');
  // Eligibility and warnings.
  await expect(app.eligibility).toContainText('11,2 Go utilisés');
  await expect(app.eligibility).toContainText('du 24/11/2023 au 20/08/2025 exclu');
});
