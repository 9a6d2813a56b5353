import vm from 'node:vm'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { agenPrecacheList, type BundleEntry } from './agen-pwa-plugin'
import { iconPng } from './icon-png'
import { agenManifest, serviceWorkerSource } from './service-worker-source'

const meta = (css: string[] = [], assets: string[] = []) => ({ importedCss: new Set(css), importedAssets: new Set(assets) })

describe('agenPrecacheList', () => {
  const bundle: Record<string, BundleEntry> = {
    'assets/agen-1.js': { type: 'chunk', fileName: 'assets/agen-1.js', isEntry: true, facadeModuleId: '/r/web/src/agen/main.tsx', imports: ['assets/shared-2.js'], dynamicImports: ['assets/checks-3.js'], viteMetadata: meta(['assets/agen-1.css']) },
    'assets/shared-2.js': { type: 'chunk', fileName: 'assets/shared-2.js', imports: [], dynamicImports: [], viteMetadata: meta() },
    'assets/checks-3.js': { type: 'chunk', fileName: 'assets/checks-3.js', imports: ['assets/shared-2.js'], dynamicImports: [], viteMetadata: meta([], ['assets/font.woff2']) },
    'assets/index-4.js': { type: 'chunk', fileName: 'assets/index-4.js', isEntry: true, facadeModuleId: '/r/web/src/main.tsx', imports: ['assets/shared-2.js', 'assets/echarts-5.js'], dynamicImports: [], viteMetadata: meta(['assets/index.css']) },
    'assets/echarts-5.js': { type: 'chunk', fileName: 'assets/echarts-5.js', imports: [], dynamicImports: [], viteMetadata: meta() },
  }

  it('lists the agent entry with its static and lazy chunks, CSS and assets, and nothing of the staff app', () => {
    expect(agenPrecacheList(bundle, /[\\/]agen[\\/]main\.tsx$/)).toEqual(['/assets/agen-1.css', '/assets/agen-1.js', '/assets/checks-3.js', '/assets/font.woff2', '/assets/shared-2.js'])
  })

  it('fails the build when the entry is missing', () => {
    expect(() => agenPrecacheList(bundle, /nope\.tsx$/)).toThrow('no entry chunk')
  })
})

/** Runs the generated worker in a sandbox with a fake Cache API, and returns what a fetch event was answered with. */
function loadWorker(precache: string[]) {
  const listeners = new Map<string, (event: unknown) => void>()
  const stored = new Map<string, string>()
  const cache = { addAll: async (urls: string[]) => urls.forEach((u) => stored.set(u, `body of ${u}`)), match: async (u: string) => stored.get(u) }
  const deleted: string[] = []
  const self = { location: { origin: 'https://semesta.test' }, addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn), skipWaiting: async () => undefined, clients: { claim: async () => undefined } }
  const caches = { open: async () => cache, keys: async () => ['semesta-agen-old', 'semesta-agen-v1', 'other'], delete: async (k: string) => deleted.push(k) }
  vm.runInNewContext(serviceWorkerSource('v1', precache), { self, caches, URL, fetch: async () => 'from network', Promise, Set })
  const dispatch = async (type: string, extra: object = {}) => {
    let waited: Promise<unknown> | undefined
    let answered: Promise<unknown> | undefined
    listeners.get(type)?.({ waitUntil: (p: Promise<unknown>) => (waited = p), respondWith: (p: Promise<unknown>) => (answered = p), ...extra })
    await waited
    return answered === undefined ? undefined : await answered
  }
  const fetchOf = (url: string, mode = 'no-cors', method = 'GET') => dispatch('fetch', { request: { url: `https://semesta.test${url}`, mode, method } })
  return { dispatch, fetchOf, stored, deleted }
}

describe('the agent service worker', () => {
  it('precaches the shell and assets at install, and drops older versions at activation', async () => {
    const sw = loadWorker(['/assets/agen-1.js'])
    await sw.dispatch('install')
    expect([...sw.stored.keys()]).toEqual(['/agen', '/assets/agen-1.js'])
    await sw.dispatch('activate')
    expect(sw.deleted).toEqual(['semesta-agen-old'])
  })

  it('answers navigations under /agen with the cached shell and precached assets from the cache', async () => {
    const sw = loadWorker(['/assets/agen-1.js'])
    await sw.dispatch('install')
    expect(await sw.fetchOf('/agen', 'navigate')).toBe('body of /agen')
    expect(await sw.fetchOf('/agen/anything?x=1', 'navigate')).toBe('body of /agen')
    expect(await sw.fetchOf('/assets/agen-1.js')).toBe('body of /assets/agen-1.js')
  })

  it('leaves the API, writes, other pages and other origins to the network', async () => {
    const sw = loadWorker(['/assets/agen-1.js'])
    await sw.dispatch('install')
    expect(await sw.fetchOf('/api/v1/agen/portfolio')).toBeUndefined()
    expect(await sw.fetchOf('/api/v1/agen/sync', 'cors', 'POST')).toBeUndefined()
    expect(await sw.fetchOf('/dasbor', 'navigate')).toBeUndefined()
    expect(await sw.dispatch('fetch', { request: { url: 'https://elsewhere.test/agen', mode: 'navigate', method: 'GET' } })).toBeUndefined()
  })
})

describe('manifest and icons', () => {
  it('starts at /agen, standalone, with 192 and 512 px PNG icons', () => {
    const manifest = agenManifest() as { start_url: string; scope: string; display: string; icons: Array<{ sizes: string }> }
    expect([manifest.start_url, manifest.scope, manifest.display]).toEqual(['/agen', '/agen', 'standalone'])
    expect(manifest.icons.map((i) => i.sizes)).toContain('512x512')
  })

  it('draws a PNG of the asked size: green at the corner, the white check inside', () => {
    const png = iconPng(192)
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([192, 192])
    const idatLength = png.readUInt32BE(33)
    const raw = inflateSync(png.subarray(41, 41 + idatLength))
    const pixel = (x: number, y: number) => [...raw.subarray(y * (192 * 3 + 1) + 1 + x * 3, y * (192 * 3 + 1) + 4 + x * 3)]
    expect(pixel(0, 0)).toEqual([0x0b, 0x6e, 0x4f])
    expect(pixel(Math.round(14.5 * 6), Math.round(21.5 * 6))).toEqual([255, 255, 255])
  })
})
