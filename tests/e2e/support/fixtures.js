// Playwright's `test`, extended for every end-to-end test:
// - each test fails on a console error or on a request to another origin;
// - `app` is the page object on the test's page.
const base = require('@playwright/test');
const { LaclassePage, TODAY, home } = require('./app-page');

const test = base.test.extend({
  failOnConsoleErrorOrForeignRequest: [async ({ page, baseURL }, use) => {
    const consoleErrors = [];
    const foreignRequests = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
    });
    await use();
    base.expect(consoleErrors, 'console errors').toEqual([]);
    base.expect(foreignRequests, 'requests to another origin').toEqual([]);
  }, { auto: true }],

  app: async ({ page }, use) => {
    await use(new LaclassePage(page));
  },
});

module.exports = { test, expect: base.expect, TODAY, home };
