/** The paths of the agent app: the shell answers every navigation under them. */
export const AGEN_SCOPE = '/agen'
export const AGEN_SW_PATH = '/agen-sw.js'
export const AGEN_MANIFEST_PATH = '/agen.webmanifest'

/**
 * The agent app's service worker, as text: precache the shell (`/agen`) and its assets at install, answer
 * navigations under /agen with the cached shell and those assets from the cache (cache-first: their names carry a
 * content hash, and a new build is a new worker with a new cache). The API is never cached here: the app keeps its
 * own copies in IndexedDB and its writes in the outbox, so nothing the server must see hides in a cache.
 */
export function serviceWorkerSource(version: string, precache: readonly string[]): string {
  return `// Semesta Agen Perisai service worker (generated at build time by web/pwa/agen-pwa-plugin.ts)
const CACHE = ${JSON.stringify(`semesta-agen-${version}`)}
const SHELL = ${JSON.stringify(AGEN_SCOPE)}
const PRECACHE = ${JSON.stringify([AGEN_SCOPE, ...precache])}
const PRECACHED = new Set(PRECACHE)

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('semesta-agen-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  const inApp = url.pathname === SHELL || url.pathname.startsWith(SHELL + '/')
  if (request.mode === 'navigate' && inApp) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(SHELL)).then((hit) => hit || fetch(request)))
  } else if (PRECACHED.has(url.pathname)) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(url.pathname)).then((hit) => hit || fetch(request)))
  }
})
`
}

/** The web app manifest: installable, standalone, opening on /agen (the sign-in when signed out). */
export function agenManifest(): object {
  return {
    name: 'Agen Perisai — Semesta',
    short_name: 'Agen Perisai',
    description: 'Daftarkan pekerja, catat iuran, dan pantau portofolio — juga tanpa sinyal.',
    lang: 'id',
    start_url: AGEN_SCOPE,
    scope: AGEN_SCOPE,
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#0b6e4f',
    icons: [
      { src: '/agen-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/agen-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/agen-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
}
