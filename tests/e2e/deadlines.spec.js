const { test, expect } = require('./support/fixtures');

test('the notice deadline is the cautious day, with its practical day, the sending date and the favourable reading beside', async ({ page }) => {
  // Notified 16/11/2023: for the anniversary of 16/11/2025 three full months must run before
  // 15/11/2025, so the letter must be received by Friday 15/08/2025, the Assumption.
  await page.goto('/?aujourdhui=2025-06-01');
  const callout = page.locator('.deadlines .callout');
  await expect(callout).toContainText('vendredi 15/08/2025');
  await expect(callout).not.toContainText('samedi 16/08/2025 (');
  await expect(page.locator('#jour-pratique')).toContainText('un jour férié (Assomption)');
  await expect(page.locator('#jour-pratique')).toContainText('en pratique, au plus tard le jeudi 14/08/2025');
  await expect(page.locator('#envoi-conseille')).toContainText('Envoi de la lettre recommandée conseillé au plus tard le mercredi 30/07/2025');
  await expect(page.locator('#lecture-favorable')).toContainText("Hypothèse, lecture favorable : une lettre reçue jusqu'au 16/08/2025 pourrait être soutenue, jamais comme date limite");
  // In the list, only the commune's deadlines tell it when to act.
  const list = page.locator('#liste-echeances');
  await expect(list).not.toContainText('agir avant');
});

test('at a month end the favourable reading is shown beside the cautious one, with its cost', async ({ app, page }) => {
  await app.goto();
  await app.openScenario('bron.json', { commune: { name: 'Bron' }, convention: { notified: '2024-02-29' }, horizon_until: '2030-12-31',
    schools: [{ name: 'École A', level: 'primaire', sector: 'public', requested: '2024-02-01',
      admin: { last_name: 'A', first_name: 'B', function: 'Directrice', email: 'a@b.fr', phone: '04 78 00 00 00' } }] });
  // Anniversary 29/02/2028: 29/11/2027 − 1 day = 28/11/2027 (a Sunday, in practice Friday
  // 26/11); counted forward from reception, 30/11/2027.
  await expect(page.locator('.deadlines .callout')).toContainText('28/11/2027');
  await expect(page.locator('#jour-pratique')).toContainText('vendredi 26/11/2027');
  await expect(page.locator('#lecture-favorable')).toContainText("Hypothèse, lecture favorable");
  await expect(page.locator('#lecture-favorable')).toContainText("jusqu'au 30/11/2027");
  await expect(page.locator('#lecture-favorable')).toContainText('(150,00 €)');
});

test('a transmission date gives the enforceable date and the déféré, and flags a notification before it', async ({ app, page }) => {
  await app.goto();
  // The example was notified on 16/11/2023 and published the same day.
  const transmitted = page.getByLabel(/^Transmission en préfecture/);
  await transmitted.fill('2023-11-20');
  await transmitted.press('Tab');
  const legality = page.locator('.legality');
  await expect(legality.locator('#executoire')).toContainText('Exécutoire le lundi 20/11/2023');
  await expect(legality.locator('#recours')).toContainText('mercredi 17/01/2024');
  // 21/11/2023 + 2 months = Sunday 21/01/2024 → Monday 22/01/2024.
  await expect(legality.locator('#defere')).toContainText('Déféré préfectoral (hypothèse : délai franc) jusqu\'au lundi 22/01/2024');
  await expect(legality.locator('#defere')).toContainText('CGCT art. L2131-6');
  await expect(page.locator('#notification-avant-transmission')).toContainText('4 jours avant la transmission');
  // The explanation says how, with the mention to write on the act.
  await legality.locator('#executoire .why-button').click();
  await expect(legality.locator('#executoire .explanation')).toContainText('Certifié exécutoire par : transmission en préfecture le 20/11/2023, mise en ligne le 16/11/2023');
  // A transmission on the notification day: nothing to flag.
  await transmitted.fill('2023-11-16');
  await transmitted.press('Tab');
  await expect(legality.locator('#executoire')).toContainText('Exécutoire le jeudi 16/11/2023');
  await expect(page.locator('#notification-avant-transmission')).toHaveCount(0);
});
