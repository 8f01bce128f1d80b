// Trunk post-build step (scripts/post-build.js): moves the start-up script that Trunk writes inline in index.html to a
// file of its own, so that the page's Content-Security-Policy allows no inline script at all.
// The file's name carries a hash of its content and the tag an integrity attribute, like
// Trunk's own files.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

function noInlineScript(dir) {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');
  const inline = /<script type="?module"?>([\s\S]*?)<\/script>/g;
  let count = 0;
  html = html.replace(inline, (_, body) => {
    count += 1;
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
    const name = `start-${hash}.js`;
    fs.writeFileSync(path.join(dir, name), body);
    const integrity = crypto.createHash('sha384').update(body).digest('base64');
    return `<script type=module src="/${name}" integrity="sha384-${integrity}" crossorigin></script>`;
  });
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
    throw new Error('no-inline-script: an inline script is left in index.html');
}
fs.writeFileSync(file, html);
console.log(`no-inline-script: ${count} inline script(s) moved to their own file`);
}

module.exports = { noInlineScript };
