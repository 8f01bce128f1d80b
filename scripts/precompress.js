// Writes a .gz (gzip -9) and a .br (brotli, best quality) beside each file of the build, for
// hosts that serve precompressed files. Run by scripts/post-build.js after the start-up script
// has its own file, so that every file is compressed in its final form.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function precompress(dir) {
  let count = 0;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile() || /\.(gz|br)$/.test(name)) continue;
    const bytes = fs.readFileSync(file);
    // gzip -9 itself compresses wasm a few KB better than zlib; zlib where gzip is missing.
    let gz;
    try {
      gz = require('child_process').execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 28 });
    } catch (_) {
      gz = zlib.gzipSync(bytes, { level: 9, memLevel: 9 });
    }
    fs.writeFileSync(`${file}.gz`, gz);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
    count += 1;
  }
  console.log(`precompress: ${count} file(s), each with its .gz and .br`);
}

module.exports = { precompress };
