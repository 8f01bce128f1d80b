// The core of the end-to-end tests in Debian's Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi (Playwright cannot drive this Firefox). As a person would: the figures at a
// phone's and a laptop's width, the example left as it is and a copy made, a fee typed, an
// invalid value said once the field is left, a document from the worker, a reload, offline,
// « Quitter la convention en 2027 », the scripted walk (tests/e2e/walk.spec.js) at both widths,
// and axe. Run by `make test-firefox` (part of `make test`)
// on the built site (dist/); exits 1 on the first failure, naming it.
import puppeteer from 'puppeteer-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const PORT = Number(process.env.FIREFOX_PORT || 8178);
const BASE = `http://127.0.0.1:${PORT}`;
const HOME = `${BASE}/?aujourdhui=2026-11-30`;
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

let server;
async function startServer() {
  server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', path.join(ROOT, 'dist')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${BASE}/index.html`)).ok) return; } catch { /* not yet */ }
    await sleep(100);
  }
  throw new Error('le serveur de test ne démarre pas');
}
async function stopServer() {
  if (!server) return;
  const done = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await done;
  server = undefined;
}

const passed = [];
async function step(name, fn) {
  const t = Date.now();
  try {
    await fn();
    passed.push(`✓ ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    console.log(passed.join('\n'));
    console.error(`✗ ${name}: ${e.message}`);
    throw e;
  }
}
const expect = (ok, what) => { if (!ok) throw new Error(what); };

// A field by its label's text, as a person finds it (a <label for>).
const byLabel = (text) => `::-p-xpath(//*[@id=//label[normalize-space()=${JSON.stringify(text)}]/@for])`;
const FEE = byLabel('Redevance annuelle par unité (€)');

await startServer();
const browser = await puppeteer.launch({
  browser: 'firefox',
  protocol: 'webDriverBiDi',
  executablePath: FIREFOX,
  headless: true,
  env: { ...process.env, LANG: 'fr_FR.UTF-8' },
  extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR, fr' },
});
let status = 0;
try {
  const version = await browser.version();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const foreign = [];
  page.on('request', (r) => { const u = r.url(); if (!u.startsWith(BASE) && !/^(data|blob):/.test(u)) foreign.push(u); });
  // Every Blob the page turns into an address, to read a download as the person gets it.
  await page.evaluateOnNewDocument(() => {
    window.__blobs = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = function (b) { const u = create.call(URL, b); window.__blobs.push(b); return u; };
  });
  const row = () => page.$eval('#annees-convention tbody tr', (tr) => tr.textContent.replace(/\s+/g, ' ').trim());
  const started = () => page.waitForSelector('#app:not([aria-busy])', { timeout: 20000 });

  await step(`${version} : les chiffres de l'exemple à 390 px, sans défilement horizontal`, async () => {
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(HOME);
    await started();
    expect((await row()).includes('600,00 €'), `première année : ${await row()}`);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(over <= 0, `la page déborde de ${over} px`);
  });

  await step('à 1366 px, une copie de l\'exemple, la redevance tapée, les chiffres suivent', async () => {
    await page.setViewport({ width: 1366, height: 900 });
    await page.locator("::-p-text(Créer ma simulation à partir de l'exemple)").click();
    await page.waitForFunction(() => !document.querySelector('#exemple-lecture-seule'));
    const name = await page.$eval('.simulation-name', (e) => e.textContent.trim());
    expect(name === 'Tassin-la-Demi-Lune', `simulation ouverte : ${name}`);
    await page.locator(FEE).fill('175,00');
    await page.waitForFunction(() => document.querySelector('#annees-convention tbody tr').textContent.includes('700,00'), { timeout: 5000 });
  });

  await step('une valeur invalide est dite quand le champ est quitté, pas pendant la frappe', async () => {
    await page.locator(FEE).fill('17x');
    await sleep(300);
    expect(await page.$('.convention .error') === null, 'erreur affichée pendant la frappe');
    await page.keyboard.press('Tab');
    await page.waitForSelector('.convention .error', { timeout: 5000 });
    const said = await page.$eval('.convention .error', (e) => e.textContent);
    expect(said.includes("n'est pas un montant"), `message : ${said}`);
    await page.locator(FEE).fill('175,00');
    await page.waitForFunction(() => !document.querySelector('.convention .error'), { timeout: 5000 });
  });

  await step('un document du worker : l\'annexe 1 en .xlsx', async () => {
    const before = await page.evaluate(() => window.__blobs.length);
    await page.locator('#export-xlsx').click();
    await page.waitForFunction((k) => window.__blobs.length > k, { timeout: 20000 }, before).catch(async (e) => {
      const said = await page.evaluate(() => [window.__blobs?.length, document.querySelector('.documents .export-status')?.textContent, document.querySelector('#export-xlsx')?.disabled]);
      throw new Error(`${e.message} — ${JSON.stringify(said)}`);
    });
    const [type, size, magic] = await page.evaluate(async () => {
      const b = window.__blobs.at(-1);
      return [b.type, b.size, await b.slice(0, 2).text()];
    });
    expect(type.includes('spreadsheetml') && size > 2000 && magic === 'PK', `fichier : ${type} ${size} o`);
  });

  await step('un rechargement garde ce qui a été tapé', async () => {
    await page.reload();
    await started();
    const v = await page.$eval(FEE, (e) => e.value);
    expect(v === '175,00', `redevance après rechargement : ${v}`);
    expect((await row()).includes('700,00 €'), `première année : ${await row()}`);
  });

  await step('un avenant au 01/01/2025 : l\'année 3 suit, marquée dans le tableau, puis retiré', async () => {
    await page.click('#fee-change-add');
    await page.waitForFunction(() => document.activeElement?.id === 'fee-change-0-from', { timeout: 5000 });
    await page.locator('#fee-change-0-from').fill('2025-01-01');
    await page.locator('#fee-change-0-annual-fee-eur').fill('190,00');
    await page.locator('#fee-change-0-source').fill('avenant n° 1');
    await page.$eval('#fee-change-0-source', (e) => e.blur());
    const third = () => page.$eval('#annees-convention tbody tr:nth-child(3)', (e) => e.textContent);
    await page.waitForFunction(() => document.querySelector('#annees-convention tbody tr:nth-child(3)')?.textContent.includes('570,00'), { timeout: 5000 });
    const text = await third();
    expect(text.includes('◆ avenant n° 1'), `année 3 : ${text}`);
    const note = await page.$eval('#avenants-effets', (e) => e.textContent);
    expect(note.includes('190,00 € à partir du 01/01/2025 — premier titre sous cet avenant : 16/11/2025'), `note : ${note}`);
    expect((await row()).includes('700,00 €'), `première année : ${await row()}`);
    await page.click('::-p-text(Retirer le changement 1)');
    await page.waitForFunction(() => document.querySelector('#annees-convention tbody tr:nth-child(3)')?.textContent.includes('525,00'), { timeout: 5000 });
    await page.waitForFunction(() => document.activeElement?.id === 'fee-change-add', { timeout: 5000 });
  });

  await step('« Quitter la convention en 2027 » : trop tard, et la prochaine sortie', async () => {
    await page.click('#nouvelle-simulation');
    await page.waitForFunction(() => document.activeElement?.id === 'commune-name', { timeout: 5000 });
    await page.keyboard.type('Craponne');
    await page.keyboard.press('Tab');
    await page.locator('#notified').fill('2025-01-15');
    await page.$eval('#notified', (e) => e.blur());
    await page.waitForSelector('#plan-annee', { timeout: 10000 });
    await page.select('#plan-annee', '2027');
    await page.waitForFunction(() => document.querySelector('#plan-reponse')?.textContent.startsWith('Trop tard pour 2027'), { timeout: 5000 });
    const answer = await page.$eval('#plan-reponse', (e) => e.textContent);
    expect(answer.includes('au plus tard le 14/10/2026') && answer.includes('prochaine sortie possible le 15/01/2028'), answer);
  });

  await step('hors ligne, après le premier passage, les chiffres reviennent', async () => {
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, { timeout: 20000 });
    await stopServer();
    await page.reload();
    await started();
    await page.waitForSelector('#annees-convention tbody tr', { timeout: 10000 });
    await startServer();
  });

  // The scripted walk of tests/e2e/walk.spec.js, in a blank browser context each time: from
  // nothing to Craponne's 2027 fee and its draft deliberation, counting the person's actions.
  for (const [width, height] of [[390, 844], [1366, 900]]) {
    await step(`la promenade à ${width} px : de rien au 2027 de Craponne et à son projet de délibération`, async () => {
      const context = await browser.createBrowserContext();
      const walk = await context.newPage();
      walk.on('pageerror', (e) => errors.push(e.message));
      walk.on('request', (r) => { const u = r.url(); if (!u.startsWith(BASE) && !/^(data|blob):/.test(u)) foreign.push(u); });
      let actions = 0;
      const act = async (what) => { actions += 1; return what; };
      try {
        await walk.setViewport({ width, height });
        await act(walk.goto(HOME));
        await walk.waitForSelector('#app:not([aria-busy])', { timeout: 20000 });
        await act(walk.locator('::-p-text(Nouvelle simulation vide)').click());
        await walk.waitForFunction(() => document.activeElement?.id === 'commune-name', { timeout: 5000 });
        await act(walk.keyboard.type('Craponne'));
        await act(walk.locator('#notified').fill('2025-01-15'));
        await walk.$eval('#notified', (e) => e.blur());
        await walk.waitForFunction(() => document.querySelector('.simulation-name')?.textContent.trim() === 'Craponne', { timeout: 5000 });
        const schools = [
          ['École du Centre', 'elementaire', ['MARTIN', 'Anne', 'Directrice', 'anne.martin@ecole.example.fr', '04 78 00 00 01']],
          ['École des Tilleuls', 'maternelle', ['DURAND', 'Luc', 'Directeur', 'luc.durand@ecole.example.fr', '04 78 00 00 02']],
        ];
        for (const [i, [name, level, admin]] of schools.entries()) {
          const n = i + 1;
          await act(walk.click('#ajouter-ecole'));
          await walk.waitForSelector(byLabel(`Demande reçue le, école ${n}`), { timeout: 5000 });
          const requested = await walk.$eval(byLabel(`Demande reçue le, école ${n}`), (e) => e.value);
          expect(requested === '2025-01-15', `demande reçue le, école ${n} : ${requested}`);
          await act(walk.locator(byLabel(`Nom de l'école, école ${n}`)).fill(name));
          await act((await walk.$(byLabel(`Niveau, école ${n}`))).select(level));
          for (const [k, label] of ['nom', 'prénom', 'fonction', 'e-mail', 'téléphone'].entries()) {
            await act(walk.locator(byLabel(`Administrateur : ${label}, école ${n}`)).fill(admin[k]));
          }
        }
        await walk.$eval(byLabel('Administrateur : téléphone, école 2'), (e) => e.blur());
        await walk.waitForFunction(() => [...document.querySelectorAll('#exercices tbody tr')].some((tr) => tr.textContent.includes('2027') && tr.textContent.includes('300,00 €')), { timeout: 10000 });
        expect(await walk.$('#erreurs') === null, 'des erreurs sont affichées');
        await act(walk.locator('::-p-text(Voir le projet)').click());
        await walk.waitForFunction(() => document.querySelector('.draft-body')?.textContent.includes('Commune de Craponne'), { timeout: 20000 });
        const body = await walk.$eval('.draft-body', (e) => e.textContent);
        expect(body.includes('Extrait du registre des délibérations du conseil municipal'), 'en-tête du registre absent');
        const over = await walk.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(over <= 0, `la page déborde de ${over} px`);
        expect(actions <= 40, `${actions} actions`);
        passed.push(`  ${actions} actions à ${width} px`);
      } finally {
        await context.close();
      }
    });
  }

  await step('axe : aucune violation grave ou critique', async () => {
    await page.goto(HOME);
    await started();
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const bad = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(bad.length === 0, bad.join(', '));
  });

  await step('aucune erreur dans la page, aucune requête hors du site', async () => {
    expect(errors.length === 0, errors.join(' | '));
    expect(foreign.length === 0, foreign.join(' '));
  });
  console.log(passed.join('\n'));
} catch {
  status = 1;
} finally {
  await browser.close();
  await stopServer();
}
process.exit(status);
