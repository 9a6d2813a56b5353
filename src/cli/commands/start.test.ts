import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePort } from './start.js'

describe('parsePort', () => {
  it('accepts a port number and refuses anything else naming --port', () => {
    expect(parsePort('3000')).toBe(3000)
    expect(parsePort('0')).toBe(0)
    for (const bad of ['', 'abc', '-1', '65536', '3000.5']) {
      expect(() => parsePort(bad)).toThrow(expect.objectContaining({ code: 'invalid_input', details: { field: '--port' } }))
    }
  })
})

/** A data folder seeded from the initdb'd template test/global-setup.ts keeps, so the start skips initdb. */
function dataDirFromTemplate(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semesta-start-'))
  const cache = path.resolve('node_modules/.cache/semesta')
  const template = fs.existsSync(cache) ? fs.readdirSync(cache).find((name) => /^pglite-[\d.]+$/.test(name)) : undefined
  if (template) fs.cpSync(path.join(cache, template), path.join(dataDir, 'pgdata'), { recursive: true })
  return dataDir
}

describe('semesta start', () => {
  it('serves the API and the web page, prints the URL and demo sign-in, and stops cleanly on SIGTERM', async () => {
    const dataDir = dataDirFromTemplate()
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'development' }
    for (const name of ['PORT', 'HOST', 'DATABASE_URL', 'VITEST', 'SEMESTA_DATA_DIR']) delete env[name]
    const child = spawn(process.execPath, ['bin/semesta.js', 'start', '--port', '0', '--data-dir', dataDir], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      const deadline = Date.now() + 150_000
      while (!/berjalan di http:\/\/127\.0\.0\.1:\d+/.test(stdout) && child.exitCode === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const url = /Semesta berjalan di (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1]
      expect(url, `stdout: ${stdout}\nstderr: ${stderr}`).toBeDefined()
      expect(stdout).toContain('kanwil.demo / semesta-demo')
      const health = await fetch(`${url}/api/health`)
      expect(health.status).toBe(200)
      expect(health.headers.get('x-request-id')).toBeTruthy()
      expect(await (await fetch(`${url}/`)).text()).toContain('lang="id"')
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(fs.existsSync(path.join(dataDir, 'semesta.lock'))).toBe(false)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 200_000)
})
