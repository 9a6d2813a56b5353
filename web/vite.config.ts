import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { parse } from 'yaml'
import { agenPwaPlugin } from './pwa/agen-pwa-plugin.ts'
import { projectMap } from './src/pages/coverage/map-projection.ts'

const webRoot = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(webRoot, '..')

/** Lets the app import `regulations/*.yaml` and `reference/holidays.yaml`: the browser quotes with the same data as the server. */
function yamlPlugin(): Plugin {
  return {
    name: 'semesta-yaml',
    transform(code, id) {
      if (!/\.ya?ml$/.test(id.split('?')[0] ?? '')) return null
      return { code: `export default ${JSON.stringify(parse(code))};`, map: null, moduleType: 'js' }
    },
  }
}

const MAP_ID = 'virtual:banuspa-map'
/** Map width in SVG units: one unit ≈ 2.9 km at Banuspa's latitudes. */
const MAP_WIDTH = 1000

/** `virtual:banuspa-map`: the 83 regencies and 9 provinces of reference/*.geojson as projected SVG paths (map-projection.ts). */
function mapPlugin(): Plugin {
  const read = (name: string) => (JSON.parse(fs.readFileSync(path.join(repoRoot, 'reference', name), 'utf8')) as { features: [] }).features
  return {
    name: 'semesta-map',
    resolveId: (id) => (id === MAP_ID ? `\0${MAP_ID}` : null),
    load(id) {
      if (id !== `\0${MAP_ID}`) return null
      return `export default ${JSON.stringify(projectMap(read('banuspa-regencies.geojson'), read('banuspa-provinces.geojson'), MAP_WIDTH))};`
    },
  }
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), yamlPlugin(), mapPlugin(), agenPwaPlugin()],
  resolve: {
    alias: {
      '@regulations': path.join(repoRoot, 'regulations'),
      '@reference': path.join(repoRoot, 'reference'),
    },
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
    // a shared 2-core machine makes plugin timings noise, not news
    // two pages: the staff app, and the agent app kept apart so the phone loads only what it needs
    rolldownOptions: { checks: { bundlerTimings: false }, input: { index: path.join(webRoot, 'index.html'), agen: path.join(webRoot, 'agen.html') } },
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
