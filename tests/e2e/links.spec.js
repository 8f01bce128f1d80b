const { test, expect } = require('./support/fixtures');

test('a #s= link opens as a simulation of its own', async ({ app, page }) => {
  const scenario = {
    format: 'laclasse-sim/1',
    commune: { name: 'Écully' },
    convention: { notified: '2025-01-15', annual_fee_eur: '150.00' },
    horizon_until: '2026-12-31',
    schools: [{ name: 'École du Centre', level: 'primaire', sector: 'public', requested: '2025-01-10',
      admin: { last_name: 'A', first_name: 'B', function: 'Directeur', email: 'a@b.fr', phone: '0478000000' } }],
  };
  const b64 = Buffer.from(JSON.stringify(scenario)).toString('base64url');
  await app.goto(`#s=${b64}`);
  await expect(app.simulationName).toContainText('Lien partagé : Écully');
  await expect(app.yearRow(1)).toContainText('150,00 €');
  await expect(app.communeName).toHaveValue('Écully');
  // The example is still there, untouched.
  await page.locator('#mes-simulations summary').click();
  await expect(page.locator('#mes-simulations')).toContainText('Exemple : Tassin-la-Demi-Lune');
});
