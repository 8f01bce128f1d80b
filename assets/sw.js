// laclasse-sim's service worker: keeps the build in the browser's cache so that the simulator
// opens and computes without the network. scripts/service-worker.js fills VERSION and FILES
// after each build (every file of dist/ but the precompressed copies).
//
// - A build's files go into a cache of its own, named after the build; it is filled when this
//   worker installs and the previous builds' caches are removed only when it takes over.
// - A new build does not take over an open page by itself: the page says « Nouvelle version
//   disponible — recharger » and sends « activer » when the person chooses to reload.
// - Only this site's files are served; nothing else goes through here, nothing is logged.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `laclasse-sim-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys
      .filter((key) => key.startsWith('laclasse-sim-') && key !== CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activer') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Every address of the app is the one page; its own files are looked up as they are.
  const key = request.mode === 'navigate' ? 'index.html' : request;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key))
    .then((cached) => cached || fetch(request)));
});
