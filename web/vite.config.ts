import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { parse } from 'yaml'

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

export default defineConfig({
  root: webRoot,
  plugins: [react(), yamlPlugin()],
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
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
})
