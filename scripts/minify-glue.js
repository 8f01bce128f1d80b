// Minifies the web app's JavaScript glue (wasm-bindgen's ES modules) after a build: Trunk's own
// minifier fails on its `export { … as default }` and leaves it whole. The files keep their names;
// the `integrity` attribute that index.html gives the first module's is recomputed, so the
// browser still checks what it runs. Run by scripts/post-build.js before the
// service worker's list and the precompression.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { minify } = require('terser');

async function minifyGlue(dir) {
  const index = path.join(dir, 'index.html');
  let html = fs.readFileSync(index, 'utf8');
  const names = fs.readdirSync(dir);
  // The first figures' glue (Trunk's main module, named by its hash and checked by its
  // integrity) and the app's (started by the start script, named by scripts/defer-app.js).
  const main = names.filter((n) => /^laclasse-sim-figures-[0-9a-f]+\.js$/.test(n));
  if (main.length !== 1) throw new Error(`minify-glue: expected one first-figures glue file, found ${main.length}`);
  if (!names.includes('laclasse-sim-web.js')) throw new Error('minify-glue: laclasse-sim-web.js is missing');
  for (const name of [main[0], 'laclasse-sim-web.js']) {
    const file = path.join(dir, name);
    const source = fs.readFileSync(file, 'utf8');
    const out = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
    if (!out.code) throw new Error(`minify-glue: terser returned nothing for ${name}`);
    const before = crypto.createHash('sha384').update(source).digest('base64');
    const after = crypto.createHash('sha384').update(out.code).digest('base64');
    if (name === main[0]) {
      if (!html.includes(`sha384-${before}`)) {
        throw new Error(`minify-glue: index.html does not name ${name} by its integrity`);
      }
      html = html.split(`sha384-${before}`).join(`sha384-${after}`);
    }
    fs.writeFileSync(file, out.code);
    console.log(`minify-glue: ${name} ${source.length} → ${out.code.length} bytes`);
  }
  fs.writeFileSync(index, html);
}

module.exports = { minifyGlue };
