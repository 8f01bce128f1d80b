// Fills the service worker's list of files and version after a build (Trunk post-build hook,
// scripts/post-build.js): every file of the staging directory but the precompressed copies and
// the worker itself; the version is a hash of those files' contents, so that any change of the
// build installs a new cache and nothing else does.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

function fillServiceWorker(dir) {
  const worker = path.join(dir, 'sw.js');
  if (!fs.existsSync(worker)) throw new Error('service-worker: sw.js is missing from the build');
  const files = [];
  const hash = crypto.createHash('sha256');
  const walk = (sub) => {
    for (const name of fs.readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      const full = path.join(dir, rel);
      if (fs.statSync(full).isDirectory()) { walk(rel); continue; }
      if (/\.(gz|br)$/.test(name) || rel === 'sw.js') continue;
      files.push(rel);
      hash.update(rel).update('\0').update(fs.readFileSync(full));
    }
  };
  walk('');
  const version = hash.digest('hex').slice(0, 16);
  const source = fs.readFileSync(worker, 'utf8');
  if (!source.includes('__VERSION__') || !source.includes('__FILES__')) {
    throw new Error('service-worker: sw.js has no __VERSION__ or __FILES__ to fill');
  }
  fs.writeFileSync(worker, source.replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(files)));
  console.log(`service-worker: version ${version}, ${files.length} file(s) cached`);
}

module.exports = { fillServiceWorker };
