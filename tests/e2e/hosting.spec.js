// The app behind a real server (Debian's nginx) configured as docs/hosting.md says: every
// header is there, hashed files are kept a year and the others asked again, precompressed
// copies are served, the app runs under the header's policy, and no other site can frame it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');
// Playwright's own test: this page talks to a server of its own (nginx), another origin than
// the suite's.
const { test, expect } = require('@playwright/test');
const { home } = require('./support/fixtures');

const ROOT = path.join(__dirname, '..', '..');
const PORT = 8131;

/** index.html's own policy, from its <meta>. */
function metaPolicy() {
  const html = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
  return html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
}

let nginx;
let dir;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'laclasse-nginx-'));
  const snippet = path.join(dir, 'headers.conf');
  fs.copyFileSync(path.join(ROOT, 'docs/hosting/security-headers.conf'), snippet);
  const site = fs.readFileSync(path.join(ROOT, 'docs/hosting/nginx.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${PORT};`)
    .replace('root /srv/laclasse-sim/dist;', `root ${path.join(ROOT, 'dist')};`)
    .replaceAll('/etc/nginx/snippets/laclasse-sim-headers.conf', snippet);
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  const temp = (name) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `daemon off;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')};
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${path.join(dir, 'site.conf')};
}
`);
  nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  await expect.poll(() => new Promise((resolve) => {
    http.get(`http://127.0.0.1:${PORT}/`, (r) => { r.resume(); resolve(r.statusCode); }).on('error', () => resolve(0));
  }), { timeout: 10_000 }).toBe(200);
});

test.afterAll(() => {
  if (nginx) nginx.kill();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('nginx sends the documented headers, caches hashed files and serves precompressed ones', async ({ request }) => {
  const base = `http://127.0.0.1:${PORT}`;
  const policy = `${metaPolicy()}; frame-ancestors 'none'`;
  const page = await request.get(`${base}/`);
  expect(page.status()).toBe(200);
  const h = page.headers();
  expect(h['content-security-policy']).toBe(policy);
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['cache-control']).toBe('no-cache');
  // The same policy for `make serve` (Trunk.toml).
  expect(fs.readFileSync(path.join(ROOT, 'Trunk.toml'), 'utf8')).toContain(policy);
  const hashed = fs.readdirSync(path.join(ROOT, 'dist')).find((f) => /-[0-9a-f]{16}_bg\.wasm$/.test(f));
  const wasm = await request.get(`${base}/${hashed}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(wasm.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  expect(wasm.headers()['content-encoding']).toBe('gzip');
  expect(wasm.headers()['content-security-policy']).toBe(policy);
  for (const unhashed of ['sw.js', 'laclasse-sim-export.js', 'laclasse-sim-export_bg.wasm']) {
    expect((await request.get(`${base}/${unhashed}`)).headers()['cache-control'], unhashed).toBe('no-cache');
  }
  const manifest = await request.get(`${base}/manifest.webmanifest`);
  expect(manifest.headers()['content-type']).toContain('application/manifest+json');
  expect((await request.get(`${base}/nulle-part.js`)).status()).toBe(404);
});

test('behind nginx the app runs under the header policy, and another site cannot frame it', async ({ page, browser }) => {
  const violations = [];
  page.on('console', (m) => { if (m.text().includes('Content Security Policy')) violations.push(m.text()); });
  await page.goto(`http://127.0.0.1:${PORT}${home}`);
  await expect(page.locator('#annees-convention tbody tr').first()).toContainText('600,00 €');
  expect(violations).toEqual([]);
  // Another origin (localhost, not 127.0.0.1) tries to frame it: refused.
  const framer = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<iframe id="f" src="http://127.0.0.1:${PORT}/"></iframe>`);
  });
  await new Promise((resolve) => framer.listen(0, '127.0.0.1', resolve));
  const other = await browser.newPage();
  try {
    await other.goto(`http://localhost:${framer.address().port}/`);
    await other.waitForTimeout(1_000);
    const frame = other.frames().find((f) => f.url().startsWith(`http://127.0.0.1:${PORT}`));
    const framed = frame ? await frame.evaluate(() => !!document.querySelector('#app')).catch(() => false) : false;
    expect(framed).toBe(false);
  } finally {
    await other.close();
    framer.close();
  }
});
