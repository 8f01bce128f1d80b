// Starts the web app after the first figures (Trunk post-build hook, scripts/post-build.js).
//
// The page's first module is `laclasse-sim-figures` (Trunk's main module, small: no Yew): it
// draws the stored simulation's figures. The app itself, `laclasse-sim-web`, is built by Trunk
// as a module it does not start (`data-type="worker" data-bindgen-target="web"`: no preload,
// names without a hash). This step names the app's two files after a hash of their contents,
// as Trunk names its own, and writes the page's start script: the first figures, one frame for
// them to be painted, then the app, which replaces them. If the first figures fail, the app
// starts all the same.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const APP = 'laclasse-sim-web';

function deferApp(dir) {
  const index = path.join(dir, 'index.html');
  let html = fs.readFileSync(index, 'utf8');
  const js = path.join(dir, `${APP}.js`);
  const wasm = path.join(dir, `${APP}_bg.wasm`);
  if (!fs.existsSync(js) || !fs.existsSync(wasm)) {
    throw new Error(`defer-app: ${APP}.js or ${APP}_bg.wasm is missing from the build`);
  }
  const hash = crypto.createHash('sha256')
    .update(fs.readFileSync(js)).update(fs.readFileSync(wasm)).digest('hex').slice(0, 16);
  const appJs = `${APP}-${hash}.js`;
  const appWasm = `${APP}-${hash}_bg.wasm`;
  fs.renameSync(js, path.join(dir, appJs));
  fs.renameSync(wasm, path.join(dir, appWasm));

  const scripts = [...html.matchAll(/<script type="?module"?>([\s\S]*?)<\/script>/g)];
  if (scripts.length !== 1) throw new Error(`defer-app: expected one start script, found ${scripts.length}`);
  const [tag, body] = scripts[0];
  const figuresJs = /from\s*'(\/laclasse-sim-figures-[0-9a-f]+\.js)'/.exec(body);
  const figuresWasm = /module_or_path:\s*'(\/laclasse-sim-figures-[0-9a-f]+_bg\.wasm)'/.exec(body);
  if (!figuresJs || !figuresWasm) throw new Error('defer-app: the start script does not load laclasse-sim-figures');
  const start = `import figures from '${figuresJs[1]}';
try {
  await figures({ module_or_path: '${figuresWasm[1]}' });
} catch (_) {
  // The app draws the figures itself.
}
await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve)); setTimeout(resolve, 100); });
const app = await import('/${appJs}');
await app.default({ module_or_path: '/${appWasm}' });
`;
  html = html.replace(tag, `<script type="module">${start}</script>`);
  fs.writeFileSync(index, html);
  console.log(`defer-app: ${appJs} and ${appWasm} started after the first figures`);
}

module.exports = { deferApp };
