// End-to-end tests against the built site (dist/), in Debian's Chromium. No browser download.
const { defineConfig } = require('@playwright/test');

const port = Number(process.env.E2E_PORT || 8123);

module.exports = defineConfig({
  testDir: 'tests/e2e',
  // One file per behaviour; tests/e2e/support/ holds the fixtures and the page object.
  testMatch: '**/*.spec.js',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: {
      // Date fields in French order (jj/mm/aaaa), as the commune's officials see them.
      env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr_FR:fr' },
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--lang=fr-FR', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory dist`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
    timeout: 30_000,
  },
});
