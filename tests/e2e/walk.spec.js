// The secretary's first simulation, scripted (issue 24): from a blank browser to Craponne's fee
// for 2027 and its draft deliberation, counting each action a person takes (a click, a field
// filled, a choice), at a phone's and a laptop's width. WALK_SCREENSHOTS=1 writes the pictures
// of docs/screenshots/walk-*.png, shown in the README.
const path = require('path');
const { test, expect } = require('./support/fixtures');

const MAX_ACTIONS = 40;

// A French browser, as the secretary's: dates shown as jj/mm/aaaa.
test.use({ locale: 'fr-FR' });

for (const [width, height, tag] of [[390, 844, '390'], [1366, 900, '1366']]) {
  test(`from a blank browser to Craponne's 2027 fee and its draft in at most ${MAX_ACTIONS} actions, at ${width} px`, async ({ app, page }) => {
    await page.setViewportSize({ width, height });
    let actions = 0;
    const act = async (what) => { actions += 1; await what; };
    const shot = async (name) => {
      if (process.env.WALK_SCREENSHOTS) {
        await page.screenshot({ path: path.join('docs', 'screenshots', `walk-${tag}-${name}.png`) });
      }
    };
    await act(app.goto());
    await expect(app.yearRow(1)).toContainText('600,00 €');
    await shot('1-exemple');
    await act(page.getByRole('button', { name: 'Nouvelle simulation vide' }).click());
    await expect(app.communeName).toBeFocused();
    await act(page.keyboard.type('Craponne'));
    await act(app.type(app.notified, '2025-01-15'));
    await expect(app.simulationName).toHaveText('Craponne');
    await expect(page.getByLabel('Code INSEE')).toHaveValue('69069');
    await shot('2-commune');
    const schools = [
      { name: 'École du Centre', level: 'elementaire', admin: ['MARTIN', 'Anne', 'Directrice', 'anne.martin@ecole.example.fr', '04 78 00 00 01'] },
      { name: 'École des Tilleuls', level: 'maternelle', admin: ['DURAND', 'Luc', 'Directeur', 'luc.durand@ecole.example.fr', '04 78 00 00 02'] },
    ];
    for (const [i, s] of schools.entries()) {
      await act(app.addSchool());
      const r = app.schoolRow(i + 1);
      await act(r.getByLabel(/^Nom de l'école, école/).fill(s.name));
      await act(r.getByLabel(/^Niveau, école/).selectOption(s.level));
      // The initial list: the request is the notification, already there (and said so).
      await expect(r.getByLabel(/^Demande reçue le, école/)).toHaveValue('2025-01-15');
      for (const [k, label] of ['nom', 'prénom', 'fonction', 'e-mail', 'téléphone'].entries()) {
        await act(r.getByLabel(new RegExp(`^Administrateur : ${label}, école`)).fill(s.admin[k]));
      }
    }
    await page.locator('#ecoles-titre').scrollIntoViewIfNeeded();
    await shot('2b-ecoles');
    // The answer: the exercice 2027, two schools at 150 €.
    const year2027 = page.locator('#exercices tbody tr', { hasText: '2027' });
    await expect(year2027).toContainText('300,00 €');
    await expect(app.errorSummary).toHaveCount(0);
    await year2027.scrollIntoViewIfNeeded();
    await shot('3-redevances');
    // The draft deliberation, from the worker.
    await act(page.getByText('Voir le projet').click());
    const draft = page.locator('.draft-body');
    await expect(draft).toContainText('Extrait du registre des délibérations du conseil municipal');
    await expect(draft).toContainText('Commune de Craponne');
    await expect(draft).toContainText('Objet : Convention entre la Ville et la Métropole de Lyon');
    await draft.scrollIntoViewIfNeeded();
    await shot('4-projet');
    expect(actions).toBeLessThanOrEqual(MAX_ACTIONS);
    console.log(`walk at ${width} px: ${actions} actions`);
  });
}
