const { test, expect } = require('./support/fixtures');

test('import schools from a French Excel CSV: map, preview, confirm', async ({ app, page }) => {
  await app.goto();
  await expect(app.schoolRows).toHaveCount(4);
  // Windows-1252, semicolons, a header, one impossible date.
  const csv = Buffer.concat([
    Buffer.from('Nom de l\'\xe9cole;UAI;Niveau;Date de demande;Nom;Pr\xe9nom;Fonction;Courriel;T\xe9l\xe9phone\r\n', 'latin1'),
    Buffer.from('\xc9cole Saint-Exup\xe9ry;0691237D;\xc9l\xe9mentaire;01/09/2024;Durand;Anne;Directrice;anne@ac-lyon.fr;04 78 11 22 33\r\n', 'latin1'),
    Buffer.from('\xc9cole des Pr\xe9s;0691238E;maternelle;31/02/2024;Martin;Luc;Directeur;luc@ac-lyon.fr;04 78 11 22 34\r\n', 'latin1'),
  ]);
  await app.importSchools({ name: 'ecoles.csv', mimeType: 'text/csv', buffer: csv });
  const preview = page.locator('#import-apercu');
  await expect(page.locator('.import h3')).toContainText('2 ligne(s)');
  await expect(preview).toContainText('École Saint-Exupéry');
  await expect(preview).toContainText('2024-09-01');
  await expect(preview.locator('tbody tr').nth(1)).toContainText("n'est pas une date valide");
  // Read again with another separator (in the worker), then back: the preview follows.
  await page.locator('#import-separateur').selectOption({ label: 'virgule ,' });
  await expect(page.locator('#import-colonne-1')).toHaveCount(0);
  await expect(page.locator('.mapping thead th')).toHaveCount(1);
  await expect(page.locator('.mapping thead th').first()).toContainText("Nom de l'école;UAI;Niveau");
  await page.locator('#import-separateur').selectOption({ label: 'point-virgule ;' });
  await expect(page.locator('#import-colonne-1')).toHaveCount(1);
  await expect(preview.locator('tbody tr').first()).toContainText('2024-09-01');
  // Nothing changed yet.
  await expect(app.schoolRows).toHaveCount(4);
  // Map the UAI column to "ignore", then confirm.
  await page.locator('#import-colonne-1').selectOption({ label: '(ignorer)' });
  await page.getByRole('button', { name: 'Ajouter les 2 écoles' }).click();
  await expect(app.schoolRows).toHaveCount(6);
  await expect(app.schoolName(5)).toHaveValue('École Saint-Exupéry');
  await app.openSchool(5);
  await expect(app.schoolRow(5).getByLabel(/^UAI, école/)).toHaveValue('');
  await expect(app.schoolRow(6).locator('.error')).toContainText("n'est pas une date valide");
  // A spreadsheet given by mistake is refused.
  await app.importSchools({ name: 'liste.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04zzzz', 'latin1') });
  await expect(page.locator('#import-erreur')).toContainText('« liste.xlsx » : ce fichier est un classeur');
  await expect(page.locator('#import-erreur')).toContainText('Aucune école n\'a été ajoutée.');
  await expect(app.schoolRows).toHaveCount(6);
});
