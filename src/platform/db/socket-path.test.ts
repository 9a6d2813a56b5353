import { expect, it } from 'vitest'
import { socketConnectionString, socketDirFor } from './socket-path.js'

it('serves the socket from the data folder when the path is short enough', () => {
  expect(socketDirFor('/srv/semesta/data', '/tmp')).toBe('/srv/semesta/data')
})

it('falls back to a temp folder named by a hash of a long data folder path', () => {
  const long = `/home/someone/${'very-long-folder-name/'.repeat(5)}data`
  const dir = socketDirFor(long, '/tmp')
  expect(dir).toMatch(/^\/tmp\/semesta-[0-9a-f]{16}$/)
  expect(socketDirFor(long, '/tmp')).toBe(dir)
  expect(socketDirFor(`${long}2`, '/tmp')).not.toBe(dir)
})

it('builds a pg connection string for a socket folder, with awkward characters escaped', () => {
  expect(socketConnectionString('/tmp/a b&c')).toBe('postgresql://postgres@/postgres?host=%2Ftmp%2Fa%20b%26c&port=5432')
})
