import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { App } from './types.js'

/** Answers a request no route matched; returns false when the request is not one the web app handles. */
export type WebFallback = (request: FastifyRequest, reply: FastifyReply) => boolean

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Semesta</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Semesta</h1>
<p>Aplikasi web belum dibangun. Jalankan <code>npm run prepare</code> (atau <code>npx vite build web</code>), lalu muat ulang halaman ini.</p>
<p>API tetap berjalan: dokumentasinya ada di <a href="/api/docs">/api/docs</a>.</p>
</body>
</html>
`

/** GET paths of the single-page app: not the API, not the channel API, not a file such as `/assets/x.js`. */
export function isAppPath(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  const pathname = url.split('?')[0] ?? '/'
  if (/^\/(api|snap)(\/|$)/.test(pathname)) return false
  const last = pathname.split('/').pop() ?? ''
  return !last.includes('.')
}

/** The agent app (a second page of the build, its own bundle and service worker) answers /agen and below. */
export function appPageFor(url: string): 'agen.html' | 'index.html' {
  const pathname = url.split('?')[0] ?? '/'
  return pathname === '/agen' || pathname.startsWith('/agen/') ? 'agen.html' : 'index.html'
}

/**
 * Serves the built web app (`web/dist`) with a fallback to its index.html for client-side routes (`/kalkulator`,
 * `/agen`, ...). Without a build, `/` and those routes answer a short page saying so.
 */
export async function registerWebApp(app: App, webRoot: string | undefined): Promise<WebFallback> {
  const root = webRoot ? path.resolve(webRoot) : undefined
  if (root && existsSync(path.join(root, 'index.html'))) {
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: true, index: 'index.html' })
    const hasAgen = existsSync(path.join(root, 'agen.html'))
    return (request, reply) => {
      if (!isAppPath(request.method, request.url)) return false
      const page = hasAgen ? appPageFor(request.url) : 'index.html'
      void reply.header('cache-control', 'no-cache').sendFile(page)
      return true
    }
  }
  const notBuilt = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE)
  app.get('/', { schema: { hide: true } }, (_request, reply) => notBuilt(reply))
  return (request, reply) => {
    if (!isAppPath(request.method, request.url)) return false
    void notBuilt(reply)
    return true
  }
}
