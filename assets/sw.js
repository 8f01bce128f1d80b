// laclasse-sim's service worker: keeps the build in the browser's cache so that the simulator
// opens and computes without the network. scripts/service-worker.js fills VERSION and FILES
// after each build (every file of dist/ but the precompressed copies).
//
// - A build's files go into a cache of its own, named after the build; it is filled when this
//   worker installs, each file fetched past the browser's HTTP cache (`cache: 'reload'`), so
//   that a file without a content hash in its name (index.html, the export worker) is never a
//   previous build's; the install fails, and the previous worker stays, unless every file is in.
//   The previous builds' caches are removed only when this one takes over.
// - A new build does not take over an open page by itself: the page says « Nouvelle version
//   disponible — recharger » and sends « activer » when the person chooses to reload.
// - Only this site's files are served: a file of the build from the cache; a navigation to
//   the app's address (any query, any fragment) gets the page, and falls back to it only when
//   the network fails; anything else goes to the network as it is. Nothing is logged.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `laclasse-sim-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))));
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

/** Whether `url` is the app's page itself: the scope's root or its index.html. */
function isThePage(url) {
  const scope = new URL(self.registration.scope).pathname;
  return url.pathname === scope || url.pathname === `${scope}index.html`;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate' && isThePage(url)) {
      return (await cache.match('index.html')) || fetch(request);
    }
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    try {
      return await fetch(request);
    } catch (error) {
      // Offline, a navigation to an address the build does not hold opens the page.
      const page = request.mode === 'navigate' ? await cache.match('index.html') : undefined;
      if (page) return page;
      throw error;
    }
  })());
});
