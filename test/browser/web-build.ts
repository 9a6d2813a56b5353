import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const repoRoot = path.resolve(import.meta.dirname, '..', '..')
const distIndex = path.join(repoRoot, 'web', 'dist', 'index.html')

/** What the web bundle is built from: its own sources, the regulation data and the pure code it imports. */
const SOURCES = ['web/src', 'web/pwa', 'web/index.html', 'web/agen.html', 'web/vite.config.ts', 'regulations', 'reference', 'src/kernel', 'src/areas']

function newestMtimeMs(entry: string): number {
  if (!fs.existsSync(entry)) return 0
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtimeMs(path.join(entry, child)))
  return newest
}

/**
 * `npm ci` builds web/dist (the `prepare` script); a developer who changed a source since gets a fresh build here,
 * so the browser suite never tests a stale bundle.
 */
export function ensureWebBuild(): void {
  const builtAt = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0
  const sourcesAt = Math.max(...SOURCES.map((source) => newestMtimeMs(path.join(repoRoot, source))))
  if (builtAt > sourcesAt) return
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js')
  // vitest sets NODE_ENV=test, which would give React's development build
  execFileSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}
