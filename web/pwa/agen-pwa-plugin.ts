import { createHash } from 'node:crypto'
import type { Plugin } from 'vite'
import { iconPng } from './icon-png.ts'
import { AGEN_MANIFEST_PATH, AGEN_SW_PATH, agenManifest, serviceWorkerSource } from './service-worker-source.ts'

/** The slice of Rollup/Rolldown's output bundle this plugin reads. */
export interface BundleEntry {
  type: 'chunk' | 'asset'
  fileName: string
  isEntry?: boolean
  facadeModuleId?: string | null
  imports?: readonly string[]
  dynamicImports?: readonly string[]
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> }
}

/** Every file the agent entry needs, static and lazy imports with their CSS and assets, as absolute URL paths. */
export function agenPrecacheList(bundle: Record<string, BundleEntry>, entryPattern: RegExp): string[] {
  const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && entryPattern.test(c.facadeModuleId ?? ''))
  if (!entry) throw new Error(`agen-pwa: no entry chunk matches ${entryPattern}`)
  const files = new Set<string>()
  const visit = (fileName: string) => {
    if (files.has(fileName)) return
    files.add(fileName)
    const chunk = bundle[fileName]
    if (!chunk || chunk.type !== 'chunk') return
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next)
    for (const extra of [...(chunk.viteMetadata?.importedCss ?? []), ...(chunk.viteMetadata?.importedAssets ?? [])]) files.add(extra)
  }
  visit(entry.fileName)
  return [...files].sort().map((f) => `/${f}`)
}

/** Emits the agent app's service worker (with the precache list of this build), its manifest and icons. */
export function agenPwaPlugin(): Plugin {
  return {
    name: 'semesta-agen-pwa',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = agenPrecacheList(bundle as unknown as Record<string, BundleEntry>, /[\\/](agen\.html|agen[\\/]main\.tsx)$/)
      const precache = [...assets, AGEN_MANIFEST_PATH, '/agen-192.png', '/agen-512.png']
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12)
      this.emitFile({ type: 'asset', fileName: AGEN_SW_PATH.slice(1), source: serviceWorkerSource(version, precache) })
      this.emitFile({ type: 'asset', fileName: AGEN_MANIFEST_PATH.slice(1), source: JSON.stringify(agenManifest(), null, 2) })
      for (const size of [192, 512]) this.emitFile({ type: 'asset', fileName: `agen-${size}.png`, source: iconPng(size) })
    },
  }
}
