const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const AxeBuilder = require('@axe-core/playwright').default;
const { test, expect } = require('./support/fixtures');

const school = (i) => ({
  name: `École Jean-Moulin ${String(i).padStart(2, '0')}`, uai: `069${String(1000 + i)}X`, level: 'primaire', sector: 'public',
  requested: '2023-11-10',
  admin: { last_name: `Nom${i}`, first_name: 'Prénom', function: 'Directrice', email: `d${i}@ecole.example.fr`, phone: '04 78 00 00 00' },
});
const sixty = {
  commune: { name: 'Villeurbanne' }, convention: { notified: '2023-11-16' }, horizon_until: '2028-12-31',
  schools: Array.from({ length: 60 }, (_, i) => school(i + 1)),
};

test('the printed page is a report: inputs in French, all 60 schools, figures with their clauses', async ({ app, page }) => {
  await app.goto();
  await app.openScenario('soixante.json', sixty);
  await expect(page.locator('#resume-ecoles')).toContainText('60 sur 60');
  await page.emulateMedia({ media: 'print' });
  // In print the form is gone and the report is there.
  await expect(page.locator('.inputs')).toBeHidden();
  await expect(page.locator('.print-report')).toBeVisible();
  const pdf = path.join(os.tmpdir(), `laclasse-print-${process.pid}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  fs.unlinkSync(pdf);
  for (let i = 1; i <= 60; i++) {
    expect(text, `school ${i}`).toContain(`École Jean-Moulin ${String(i).padStart(2, '0')}`);
  }
  expect(text).toContain('Notification de la convention');
  expect(text).toContain('16/11/2023');
  expect(text).not.toContain('mm/dd/yyyy');
  expect(text).toContain('Art. 6');
  expect(text).toContain('Rapport laclasse-sim');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('the printed report is drawn only for print, and printing draws it', async ({ app, page }) => {
  await app.goto();
  await expect(app.yearRow(1)).toContainText('600,00 €');
  // On screen the report's rows are not in the page: an edit never redraws them.
  await expect(page.locator('.print-report')).toHaveCount(0);
  // Printing (the browser's print events, as Ctrl+P or « Imprimer » fire them) draws it.
  const pdf = path.join(os.tmpdir(), `laclasse-print-events-${process.pid}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  fs.unlinkSync(pdf);
  expect(text).toContain('Données saisies');
  expect(text).toContain('Notification de la convention');
  await expect(page.locator('.print-report')).toHaveCount(0);
});
