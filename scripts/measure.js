// Measures the built site in headless Chromium (`make measure` serves dist/ and runs this; the
// README keeps the figures with their date):
// - a first visit: what is transferred before the figures show (each file's gzip -9 size, the
//   budget's unit) and the time from navigation to the figures, median of 10 fresh visits, with
//   the time to the app started after them (the first figures come from a small module);
// - a second visit, with the service worker's cache: the same time, median of 10;
// - both again on a 10 Mbit/s, 40 ms connection, where the cache spares the download;
// - an edit of the fee in a 625-school, 30-year scenario: from the keystroke, at the start of a
//   frame, to the frame that shows the new figures, median and 95th percentile of 50 edits,
//   and how many frames that is (1: the next frame, the soonest a browser can show anything).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('@playwright/test');
const port = process.env.PORT || 8125;
const origin = `http://127.0.0.1:${port}`;
const base = `${origin}/?aujourdhui=2026-11-30`;
const FIGURES = '#annees-convention tbody tr';

function territory(n) {
  const schools = [];
  for (let i = 0; i < n; i++) {
    const added = i % 5 === 0 ? (i * 97) % (30 * 365) : 0;
    const day = (d) => new Date(Date.UTC(2023, 10, 10) + d * 86400000).toISOString().slice(0, 10);
    schools.push({
      name: `École ${i}`, uai: `069${String(i).padStart(4, '0')}A`,
      level: ['maternelle', 'elementaire', 'primaire'][i % 3], sector: 'public',
      group: `Groupe scolaire ${Math.floor(i / 3)}`, requested: day(added),
      removal_requested: i % 7 === 0 ? day(added + 406 + (i * 31) % (30 * 365)) : null,
      admin: { last_name: `Nom${i}`, first_name: 'Claire', function: 'Directrice', email: `dir${i}@ecole.example.fr`, phone: '04 78 00 00 00' },
    });
  }
  return { format: 'laclasse-sim/1', commune: { name: 'Lyon', insee: '69123' },
    convention: { notified: '2023-11-16', annual_fee_eur: '150.00' }, horizon_until: '2053-11-16', schools };
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.ceil(xs.length * 0.95) - 1];
const gz = (file) => execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 28 }).length;

// A connection a commune's office may have: 10 Mbit/s down, 40 ms round trip (Chromium's
// network emulation; what the service worker serves from its cache does not go through it).
const NETWORK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 };

/** Opens the app in `context` and returns [ms from navigation to figures, files requested
 * before them, ms from navigation to the app started (its inputs can be typed into), the
 * page]; `throttled` puts the page on the NETWORK above. Both moments are taken in the page
 * (a MutationObserver set before any script), and the files are the page's own resource
 * timings that started before the figures were drawn. */
async function visit(context, throttled = false, hash = '') {
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
  }
  await page.addInitScript((figures) => {
    new MutationObserver((_, observer) => {
      if (window.__figuresAt === undefined && document.querySelector(figures)) window.__figuresAt = performance.now();
      const app = document.getElementById('app');
      if (app && window.__figuresAt !== undefined && !app.hasAttribute('aria-busy')) {
        window.__appAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  }, FIGURES);
  await page.goto(`${base}${hash}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__appAt !== undefined, null, { timeout: 30000 });
  const [ms, app, files] = await page.evaluate(() => [window.__figuresAt, window.__appAt,
    ['/index.html', ...performance.getEntriesByType('resource')
      .filter((e) => e.startTime < window.__figuresAt && e.name.startsWith(location.origin))
      .map((e) => new URL(e.name).pathname)]]);
  return [ms, files, app, page];
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const first = [];
  const second = [];
  const firstApp = [];
  const firstThrottled = [];
  const secondThrottled = [];
  let transferred = [];
  // EDITS_ONLY=1 measures the edits alone (a quicker check while working on them).
  for (const throttled of process.env.EDITS_ONLY ? [] : [false, true]) {
    for (let i = 0; i < 10; i++) {
      const context = await browser.newContext();
      const [ms, files, app, page] = await visit(context, throttled);
      (throttled ? firstThrottled : first).push(ms);
      if (!throttled) firstApp.push(app);
      if (!throttled) transferred = files;
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
      await page.close();
      const [again, , , page2] = await visit(context, throttled);
      (throttled ? secondThrottled : second).push(again);
      await page2.close();
      await context.close();
    }
  }
  const sizesOf = (files) => [...new Set(files.map((p) => (p === '/' ? '/index.html' : p)))]
    .map((p) => [p, fs.existsSync(path.join('dist', p)) ? gz(path.join('dist', p)) : 0]);
  const total = (sizes) => sizes.reduce((t, [, s]) => t + s, 0);
  const sizes = sizesOf(transferred);
  const firstLoadGz = total(sizes);
  // The other ways in: a shared link (the example at 175 €, as « Copier le lien » writes it)
  // and a comparison's link, each in a fresh browser.
  const tassin = JSON.parse(fs.readFileSync('data/examples/tassin.json', 'utf8'));
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const shared = { ...tassin, convention: { ...tassin.convention, annual_fee_eur: '175' } };
  const ways = {};
  for (const [way, hash] of [
    ['shared_link', `#s=${b64(shared)}`],
    ['comparison_link', `#comparer=${b64([{ name: 'Budget 175', scenario: shared }, { name: 'Exemple', scenario: tassin }])}`],
  ]) {
    if (process.env.EDITS_ONLY) break;
    const context = await browser.newContext();
    const [ms, files, , page] = await visit(context, false, hash);
    const figures = await page.locator('#annees-convention tbody tr').first().textContent();
    if (!figures.includes('700,00')) throw new Error(`${way}: the first figures are not the link's: ${figures}`);
    ways[way] = { first_load_gzip9_bytes: total(sizesOf(files)), navigation_to_figures_ms: Math.round(ms) };
    await context.close();
  }

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('#annees-convention');
  await page.locator('#fichier').setInputFiles({ name: 'territoire.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(territory(625))) });
  await page.waitForFunction(() => document.querySelector('#pages-ecoles')?.textContent.includes('sur 625'), null, { timeout: 60000 });
  const edits = [];
  for (let i = 0; i < 50; i++) {
    const fee = String(150 + i + 1);
    edits.push(await page.evaluate((fee) => new Promise((resolve) => {
      const input = document.querySelector('#annual-fee');
      const total = document.querySelector('#annees-convention tfoot');
      // The keystroke arrives at the start of a frame; the time runs to the start of the frame
      // that shows the new figures (the timestamp of the first frame callback after the
      // figures changed). Within a frame, it is under 16.7 ms; a frame missed adds 16.7 ms.
      requestAnimationFrame((start) => {
        const t0 = performance.now();
        let figures = null;
        let settled = null;
        // [ms from the keystroke to the frame that shows the fees, frames from the one it was
        // typed in (1: the next one), ms to the frame that shows the last section (Annexe 2)].
        const done = () => {
          if (figures !== null && settled !== null) resolve([figures - t0, Math.round((figures - start) / (1000 / 60)), settled - t0]);
        };
        const watch = (element, seen) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame((frame) => { seen(frame); done(); });
          });
          observer.observe(element, { subtree: true, characterData: true, childList: true });
        };
        watch(total, (frame) => { figures = frame; });
        watch(document.querySelector('#parts-annexe2'), (frame) => { settled = frame; });
        input.value = fee;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }), fee));
  }
  // The national school directory (70 000 rows, about 46 MB, generated in the real format)
  // read in the worker for one commune: from the file given to the list shown.
  const header = fs.readFileSync('data/annuaire-exemple.csv', 'utf8').split('\n')[0];
  const columns = header.split(';');
  const metropole = fs.readFileSync('data/communes-metropole-lyon.csv', 'utf8').split('\n').slice(1)
    .filter(Boolean).map((l) => l.split(',')[0]);
  const lines = [header];
  for (let i = 0; i < 70000; i++) {
    const code = i % 10 === 0 ? metropole[(i / 10) % metropole.length] : `${String(1 + (i % 95) === 69 ? 70 : 1 + (i % 95)).padStart(2, '0')}${String(i % 900).padStart(3, '0')}`;
    const kind = ['Collège', 'Lycée', 'Ecole', 'Ecole', 'Ecole', 'Ecole', 'Ecole'][i % 7];
    const cell = {
      Identifiant_de_l_etablissement: `${String(i).padStart(7, '0')}${String.fromCharCode(65 + (i % 26))}`,
      Nom_etablissement: `Ecole n° ${i} de la rue des Écoles`, Type_etablissement: kind,
      Statut_public_prive: i % 11 === 0 ? 'Privé' : 'Public', Code_commune: code, Nom_commune: `Ville ${code}`,
      Adresse_1: `${i} rue des Écoles`, Code_postal: '69000', Ecole_maternelle: i % 7 < 4 ? '1' : '0', Ecole_elementaire: i % 7 >= 4 ? '1' : '0',
      Web: `https://ecole${i}.example.fr/pages/informations-pratiques-horaires-restauration-scolaire-accueil-periscolaire-inscriptions-et-projet-d-ecole-de-l-ecole-publique-du-quartier-des-ecoles-${i}`,
      Fiche_onisep: `https://www.onisep.fr/http/redirection/etablissement/slug/ENS.${i}`,
      date_ouverture: '1970-09-01', etat: i % 53 === 0 ? 'FERME' : 'OUVERT', libelle_nature: 'ECOLE DE NIVEAU ELEMENTAIRE',
    };
    lines.push(columns.map((c) => cell[c] ?? '0').join(';'));
  }
  const national = Buffer.from(lines.join('\n') + '\n');
  const directoryPage = await context.newPage();
  await directoryPage.goto(base);
  await directoryPage.waitForSelector('#annees-convention');
  await directoryPage.getByRole('button', { name: 'Nouvelle simulation' }).first().click();
  await directoryPage.locator('#commune-name').fill('Craponne');
  await directoryPage.locator('#commune-name').blur();
  const directoryRuns = [];
  for (let run = 0; run < 3; run++) {
    await directoryPage.evaluate(() => {
      window.__directoryFrom = null;
      window.__directoryAt = null;
      document.querySelector('#annuaire-annuler')?.click();
      // On the document: the input is drawn again after « Annuler ».
      document.addEventListener('change', (e) => {
        if (e.target.id === 'fichier-annuaire') window.__directoryFrom = performance.now();
      }, { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('#annuaire-liste legend')) { window.__directoryAt = performance.now(); observer.disconnect(); }
      }).observe(document.body, { subtree: true, childList: true });
    });
    await directoryPage.locator('#fichier-annuaire').setInputFiles({ name: 'fr-en-annuaire-education.csv', mimeType: 'text/csv', buffer: national });
    await directoryPage.waitForFunction(() => window.__directoryAt !== null && window.__directoryFrom !== null, null, { timeout: 60000 });
    directoryRuns.push(await directoryPage.evaluate(() => window.__directoryAt - window.__directoryFrom));
  }
  console.log(JSON.stringify({
    national_directory_mb: +(national.length / 1e6).toFixed(1),
    national_directory_read_in_worker_ms_median_of_3: Math.round(median(directoryRuns)),
    national_directory_read_in_worker_ms_all: directoryRuns.map(Math.round),
    first_load_gzip9_bytes: firstLoadGz,
    first_load_files: Object.fromEntries(sizes),
    other_ways_in: ways,
    navigation_to_figures_ms_median_of_10: Math.round(median(first)),
    navigation_to_figures_ms_all: first.map(Math.round),
    navigation_to_app_started_ms_median_of_10: Math.round(median(firstApp)),
    second_visit_to_figures_ms_median_of_10: Math.round(median(second)),
    second_visit_to_figures_ms_all: second.map(Math.round),
    on_10_mbit_40_ms: {
      first_visit_to_figures_ms_median_of_10: Math.round(median(firstThrottled)),
      second_visit_to_figures_ms_median_of_10: Math.round(median(secondThrottled)),
    },
    edit_fee_625_schools_to_next_frame_ms_median_of_50: +median(edits.map((e) => e[0])).toFixed(1),
    edit_fee_625_schools_to_next_frame_ms_p95_of_50: +p95(edits.map((e) => e[0])).toFixed(1),
    edit_fee_625_schools_to_next_frame_ms_max: +Math.max(...edits.map((e) => e[0])).toFixed(1),
    // 1: shown by the frame right after the keystroke's, the soonest a browser can; at 60 Hz a
    // keystroke at the start of a frame is then 16.7 ms from that frame's start.
    edit_fee_625_schools_frames_p95_of_50: p95(edits.map((e) => e[1])),
    edit_fee_625_schools_shown_at_the_next_frame: `${edits.filter((e) => e[1] <= 1).length}/50`,
    // The sections below the fees follow one painted frame later (ui/use_after_paint.rs).
    edit_fee_625_schools_to_every_section_ms_median_of_50: +median(edits.map((e) => e[2])).toFixed(1),
    edit_fee_625_schools_to_every_section_ms_p95_of_50: +p95(edits.map((e) => e[2])).toFixed(1),
  }, null, 1));
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
