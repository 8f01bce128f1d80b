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

test('the report for the mayor fits three pages for ten schools; the calendar and what-ifs only when asked', async ({ app, page }) => {
  const ten = { ...sixty, commune: { name: 'Craponne' }, schools: sixty.schools.slice(0, 10) };
  await app.goto();
  await app.openScenario('dix.json', ten);
  await expect(page.locator('#resume-ecoles')).toContainText('10 sur 10');
  // As a print preview shows it (the print media query draws the report).
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-report')).toBeVisible();
  const printed = async () => {
    const pdf = path.join(os.tmpdir(), `laclasse-print-ten-${process.pid}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())[1]);
    fs.unlinkSync(pdf);
    return { text, pages };
  };
  const report = await printed();
  expect(report.pages).toBeLessThanOrEqual(3);
  // The commune known by its name has its code; the fees by year and exercice; the schools.
  expect(report.text).toContain('69069 (d\'après le nom)');
  expect(report.text).toContain('Par année de convention');
  expect(report.text).toContain('Par exercice budgétaire');
  expect(report.text).toContain('École Jean-Moulin 10');
  // The next twelve months (to 30/11/2027), not the calendar to 2028, nor the what-ifs.
  // (the notice for 16/11/2027 is due by 15/08/2027; the one for 16/11/2028 by 15/08/2028).
  expect(report.text).toContain('15/08/2027');
  expect(report.text).not.toContain('15/08/2028');
  expect(report.text).not.toContain('Quitter la convention');
  // « Imprimer tout »: everything, the termination labelled as a what-if.
  await page.evaluate(() => document.documentElement.setAttribute('data-print', 'all'));
  const all = await printed();
  expect(all.text).toContain('Quitter la convention');
  expect(all.text).toContain('Simulation : une résiliation envisagée, pas une décision.');
  expect(all.text).toContain('15/08/2028');
  expect(all.pages).toBeGreaterThan(report.pages);
});
