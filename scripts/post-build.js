// Trunk post-build hook, in order: the JavaScript glue minified, the app started after the first
// figures (its files named by their hash), the start-up script moved out of index.html (the
// page's Content-Security-Policy allows no inline script), the service worker told the build's
// files and version, then every file precompressed.
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run from a Trunk hook)');
  process.exit(1);
}
require('./minify-glue.js').minifyGlue(dir).then(() => {
  require('./defer-app.js').deferApp(dir);
  require('./no-inline-script.js').noInlineScript(dir);
  require('./service-worker.js').fillServiceWorker(dir);
  require('./precompress.js').precompress(dir);
}).catch((e) => {
  console.error(String(e));
  process.exit(1);
});
