// Minifies the web app's JavaScript glue (wasm-bindgen's ES module) after a build: Trunk's own
// minifier fails on its `export { … as default }` and leaves it whole. The file keeps its name
// (its hash names the Rust build); the `integrity` attribute that index.html gives it is
// recomputed, so the browser still checks what it runs. Run by scripts/post-build.js before the
// service worker's list and the precompression.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { minify } = require('terser');

async function minifyGlue(dir) {
  const index = path.join(dir, 'index.html');
  let html = fs.readFileSync(index, 'utf8');
  const glue = fs.readdirSync(dir).filter((n) => /^laclasse-sim-web-[0-9a-f]+\.js$/.test(n));
  if (glue.length !== 1) throw new Error(`minify-glue: expected one glue file, found ${glue.length}`);
  const file = path.join(dir, glue[0]);
  const source = fs.readFileSync(file, 'utf8');
  const out = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error('minify-glue: terser returned nothing');
  const before = crypto.createHash('sha384').update(source).digest('base64');
  const after = crypto.createHash('sha384').update(out.code).digest('base64');
  if (!html.includes(`sha384-${before}`)) {
    throw new Error(`minify-glue: index.html does not name ${glue[0]} by its integrity`);
  }
  fs.writeFileSync(file, out.code);
  html = html.split(`sha384-${before}`).join(`sha384-${after}`);
  fs.writeFileSync(index, html);
  console.log(`minify-glue: ${glue[0]} ${source.length} → ${out.code.length} bytes`);
}

module.exports = { minifyGlue };
