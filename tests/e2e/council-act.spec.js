// The council act follows the vote, the meeting and the executive (D2–D6), as the préfecture
// reads it: typed and clicked as a commune's secretary would.
const AxeBuilder = require('@axe-core/playwright').default;
const fs = require('fs');
const path = require('path');
const { test, expect } = require('./support/fixtures');

const SEANCE = JSON.parse(fs.readFileSync(path.join(__dirname, '../../data/examples/tassin-seance.json'), 'utf8'));

function seance(edit) {
  const s = JSON.parse(JSON.stringify(SEANCE));
  edit(s.deliberation.meeting, s);
  return s;
}

async function axeClean(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test('a rejected vote gives an act that rejects, and a convention signed anyway is flagged', async ({ app, page }) => {
  await app.goto();
  await app.openScenario('rejet.json', seance((m) => { m.vote = { for: 10, against: 11, abstentions: 14 }; }));
  const checks = page.locator('#controles-seance');
  await expect(checks.locator('#vote')).toHaveClass(/warn/);
  await expect(checks.locator('#vote')).toContainText('10 pour < 11 contre : rejetée.');
  await expect(page.locator('#signature-sans-autorisation')).toContainText('Convention signée sans autorisation');
  await page.getByText('Voir le projet').click();
  const draft = page.locator('.draft-body');
  await expect(draft).toContainText('REJETTE la proposition d\'approuver la convention');
  await expect(draft).not.toContainText('APPROUVE');
  await expect(draft).not.toContainText('AUTORISE');
  await axeClean(page);
});

test('a tie: the chair\'s vote for passes it, a secret ballot rejects it, unknown it is to be determined', async ({ app, page }) => {
  await app.goto();
  await app.openScenario('partage.json', seance((m) => { m.vote = { for: 17, against: 17, abstentions: 1 }; }));
  const vote = page.locator('#controles-seance #vote');
  await expect(vote).toContainText('le résultat est à déterminer');
  await page.getByText('Voir le projet').click();
  const draft = page.locator('.draft-body');
  await expect(draft).toContainText('après en avoir délibéré : …………… (ADOPTE ou REJETTE, selon le vote) la proposition suivante');
  await expect(draft).not.toContainText('APPROUVE');
  await page.getByLabel('Vote du président').selectOption('for');
  await expect(vote).toContainText('la voix du président, qui a voté pour, est prépondérante ; adoptée');
  await expect(draft).toContainText('APPROUVE la convention');
  await page.getByLabel('Scrutin secret').selectOption('true');
  await expect(vote).toContainText('au scrutin secret : la voix du président n\'est pas prépondérante, la proposition est rejetée');
  await expect(draft).toContainText('REJETTE la proposition');
});

test('urgency, the note de synthèse, proxies not used and members who take no part', async ({ app, page }) => {
  await app.goto();
  await app.openScenario('seance.json', seance((m) => {
    m.convened = '2023-11-07';
    m.urgency = true;
    m.urgency_reason = 'signature attendue par la Métropole';
    m.proxies.push({ giver: 'BERGERET Pierre', holder: 'RIO Jean-Baptiste' });
    m.not_voting = ['BLANCHIN Jacques'];
    m.vote = { for: 34 };
  }));
  const checks = page.locator('#controles-seance');
  // One jour franc in urgency is enough; the council pronounces on the urgency.
  await expect(checks.locator('#convocation')).toHaveClass(/ok/);
  await expect(checks.locator('#convocation')).toContainText('1 jour franc pour 1 requis (urgence');
  await expect(checks.locator('#note-synthese')).toContainText('note explicative de synthèse');
  // A proxy from a member present is not used; a member not voting is not a votant.
  await expect(checks.locator('#votants')).toContainText('Votants : 34 (6 pouvoirs comptés, 1 non compté).');
  await expect(checks).toContainText('BERGERET Pierre donne pouvoir à RIO Jean-Baptiste : le mandant est présent et vote lui-même ; non utilisé, non compté.');
  await expect(checks.locator('#vote')).toHaveClass(/ok/);
  await page.getByText('Voir le projet').click();
  const draft = page.locator('.draft-body');
  // Tassin has 3 500 inhabitants or more: L2121-12 alone; the council's decision on the
  // urgency is not known when the act is drafted, so it is left blank.
  await expect(draft).toContainText('Convocation adressée en urgence (CGCT L2121-12), au motif suivant : signature attendue par la Métropole. À l\'ouverture de la séance, le Maire a rendu compte de l\'urgence ; le conseil municipal s\'est prononcé sur celle-ci : …………… (décision du conseil sur l\'urgence).');
  await expect(draft).toContainText('Ne prennent part ni aux débats ni au vote, et quittent la salle pour cette affaire (CGCT L2131-11) : BLANCHIN Jacques.');
  await axeClean(page);
});

test('when an adjointe chairs, the Maire is the executive who is authorised and signs', async ({ app, page }) => {
  await app.goto();
  await app.openScenario('adjointe.json', seance((m) => {
    m.chair = 'ACQUAVIVA Caroline';
    m.chair_title = 'Madame la Maire-adjointe';
  }));
  await page.getByText('Voir le projet').click();
  const draft = page.locator('.draft-body');
  await expect(draft).toContainText('AUTORISE le Maire à signer');
  await page.getByLabel('Maire en exercice (NOM Prénom)').fill('CHARMOT Pascal');
  await page.getByLabel('Qualité du maire').fill('Monsieur le Maire');
  await expect(draft).toContainText('AUTORISE Monsieur le Maire à signer');
  await expect(draft).toContainText('CHARGE Monsieur le Maire de l\'exécution');
  await expect(draft).toContainText('Pascal CHARMOT');
  await expect(draft).not.toContainText('AUTORISE Madame la Maire-adjointe');
});

test('without quorum a second convocation, and publicity by population', async ({ app, page }) => {
  await app.goto();
  await app.openScenario('carence.json', seance((m) => {
    m.present = m.present.slice(0, 12);
    m.secretary = m.present[0];
    m.chair = m.present[1];
    m.proxies = [];
    m.vote = { for: 12 };
  }));
  const checks = page.locator('#controles-seance');
  await expect(checks.locator('#quorum')).toContainText('non atteint : le conseil ne peut pas délibérer');
  await page.getByText('Voir le projet').click();
  const draft = page.locator('.draft-body');
  await expect(draft).toContainText('le conseil municipal ne peut délibérer');
  await expect(draft).not.toContainText('après en avoir délibéré');
  await page.getByLabel('Seconde convocation (quorum non atteint)').selectOption('true');
  await page.getByLabel('Séance sans quorum du').fill('2023-10-26');
  await expect(checks.locator('#seconde-convocation')).toContainText('le conseil délibère sans condition de quorum');
  await expect(draft).toContainText('Le quorum n\'ayant pas été atteint lors de la séance du jeudi 26 octobre 2023');
  await expect(draft).toContainText('APPROUVE la convention');
  // Publication: online only from 3 500 inhabitants; under, as the council chose.
  const help = page.locator('#published-aide');
  await expect(help).toContainText('3 500 habitants et plus : publication sous forme électronique (mise en ligne) seule');
  await page.getByLabel('Population de la commune').fill('2800');
  await expect(help).toContainText('Moins de 3 500 habitants : affichage, publication papier ou mise en ligne');
  await expect(page.locator('#publicite')).toContainText('Moins de 3 500 habitants');
  // The preparation sheet, beside the act.
  const sheet = await app.download('Fiche de préparation (.odt)');
  expect(sheet.suggestedFilename()).toBe('laclasse-sim-tassin-la-demi-lune-fiche-preparation.odt');
  await axeClean(page);
});
