// Service worker: keeps the page, the engine and the model so Byline works offline after the
// first visit. Network first (so an update is picked up at once when online), cache as fallback.
// Only same-origin GET requests inside this worker's scope are handled; nothing else is fetched.
const CACHE = 'byline-v1';
const SHELL = [
  './', 'index.html', 'style.css', 'app.js', 'engine.js', 'highlight.js', 'summary.js',
  'export.js', 'worker.js', 'favicon.svg', 'byline.js', 'byline-core.js', 'byline-core.wasm',
  'models/byline-ner.bin', 'examples/nato-stoltenberg.txt',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one: a missing file (say, no model) must not stop the rest from being kept.
    await Promise.all(SHELL.map((path) =>
      cache.add(new URL(path, self.registration.scope)).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') cache.put(request, response.clone());
      return response;
    } catch (err) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw err;
    }
  })());
});
