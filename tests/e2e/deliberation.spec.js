const fs = require('fs');
const { test, expect } = require('./support/fixtures');

const ATTENDANCE = `Nombre de conseillers présent(s) : ACQUAVIVA Caroline, BERGERET Pierre, BLANCHIN Jacques, BOULAY Christine, BOURGOGNON Henri, BOUVIER Ghislaine, CADILLAT Michel, CHARMOT Pascal, CHARPENTIER Marie-Catherine, CHARRIER Isabelle, DU VERGER Laurence, ESSAYAN Martine, FAYOT Michel, GARRIGOU Christine, GAUTIER Éric, FERRAND Benoît, JANNIN Pierrick, JELEFF Michèle, JOLY Franck-Alain, JOURDAN Milouda, KALITA Matthieu, MARGERI Marielle, MONTOYA Marc-Antoine, PARENTHOEN Yannick, PECHARD Katia, PICHON Laetitia, RANC Julien, RIO Jean-Baptiste, SCHUTZ Claire.
Nombre de conseillers absent(s) avec pouvoir : 6 (CONTREL Nathalie donne pouvoir à ACQUAVIVA Caroline ; CUZIN Sandrine donne pouvoir à KALITA Mathieu ; DE UFFREDI Sabrina donne pouvoir à JOURDAN Milouda ; GANDON Francis donne pouvoir à MONTOYA Marc-Antoine ; HACHANI Yohann donne pouvoir à RIO Jean-Baptiste ; HUSSON Serge donne pouvoir à JANNIN Pierrick) ;`;

test('the meeting typed and pasted as an official would gives the seed checks, and the draft follows', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.goto();
  await page.getByText('Séance du conseil municipal (facultatif').click();
  await page.getByLabel('Numéro de la délibération (facultatif)').fill('2023-64');
  await page.getByLabel('Rapporteur (NOM Prénom) (facultatif)').fill('DUPONT Marie');
  await page.getByLabel('Date de la séance').fill('2023-11-09');
  await page.getByLabel('Convocation envoyée le').fill('2023-11-03');
  await page.getByLabel('Population de la commune').fill('22000');
  await page.getByLabel('Conseillers en exercice').fill('35');
  await page.getByLabel('Qualité du président').fill('Maire');
  await page.getByLabel('Président de séance (NOM Prénom)').fill('CHARMOT Pascal');
  await page.getByLabel('Coller la liste de présence du procès-verbal').fill(ATTENDANCE);
  await page.getByRole('button', { name: 'Répartir présents et pouvoirs' }).click();
  await expect(page.getByLabel('Absents avec pouvoir (noms)')).toHaveValue(/HUSSON Serge donne pouvoir à JANNIN Pierrick/);
  await page.getByLabel('Voix pour').fill('35');
  const checks = page.locator('#controles-seance');
  await expect(checks.locator('#quorum')).toContainText('Quorum : 29 présents pour 18 requis, atteint.');
  await expect(checks.locator('#convocation')).toContainText('Convocation : 5 jours francs pour 5 requis.');
  await expect(checks.locator('#votants')).toContainText('Votants : 35 (6 pouvoirs comptés).');
  await expect(checks).toContainText('KALITA Matthieu');
  await expect(checks.locator('#vote')).toContainText("adoptée à l'unanimité");
  // A convocation four days before is refused, with its article.
  await page.getByLabel('Convocation envoyée le').fill('2023-11-05');
  await expect(checks.locator('#convocation')).toHaveClass(/warn/);
  await expect(checks.locator('#convocation')).toContainText('3 jours francs pour 5 requis');
  await expect(checks.locator('#convocation')).toContainText('CGCT art. L2121-12');
  await page.getByLabel('Convocation envoyée le').fill('2023-11-03');

  // The draft, made by the export worker, holds the meeting.
  await page.getByText('Voir le projet').click();
  const draft = page.locator('.draft-body');
  await expect(draft).toContainText('N° 2023-64');
  // The heading of a register extract, the rapporteur as the act writes names, the exposé left
  // to fill.
  await expect(draft.locator('.mast')).toContainText('RÉPUBLIQUE FRANÇAISE');
  await expect(draft.locator('.mast')).toContainText('Extrait du registre des délibérations du conseil municipal');
  await expect(draft).toContainText('Rapporteur : Marie DUPONT');
  await expect(draft).toContainText('Exposé : …………… (exposé du rapporteur)');
  await expect(draft).toContainText('Conseillers présents (29) : ACQUAVIVA Caroline');
  await expect(draft).toContainText('Formant la majorité des membres en exercice.');
  await expect(draft).toContainText("À l'unanimité");
  await expect(draft).toContainText("CHARGE le Maire de l'exécution");
  // Open, the draft follows what is typed.
  await page.getByLabel('Voix pour').fill('34');
  await page.getByLabel('Voix contre').fill('1');
  await expect(draft).toContainText('34 voix pour, 1 voix contre, 0 abstention');
  await expect(checks.locator('#vote')).toContainText('34 pour > 1 contre : adoptée.');

  // The .odt, for the town hall's word processor.
  const odt = fs.readFileSync(await (await app.download('Télécharger (.odt)')).path());
  expect(odt.subarray(0, 2).toString()).toBe('PK');
  expect(odt.subarray(30, 38).toString()).toBe('mimetype');

  // « Copier » puts formatted text and plain text on the clipboard, not markup as text.
  await page.getByRole('button', { name: 'Copier', exact: true }).click();
  await expect(page.locator('#export-statut')).toContainText('copié');
  // The browser's clipboard is shared by the test's browser: wait for this copy to land.
  const read = () => page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item.types.includes('text/html')) return { types: item.types };
    const get = async (type) => (await (await item.getType(type)).text());
    return { types: item.types, html: await get('text/html'), text: await get('text/plain') };
  });
  await expect.poll(async () => (await read()).types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  const flavours = await read();
  expect(flavours.html).toContain('<strong>APPROUVE</strong>');
  expect(flavours.text).toContain('1) APPROUVE la convention');
  expect(flavours.text).not.toMatch(/<\/?(p|strong|li|ol|table)\b/);
});
