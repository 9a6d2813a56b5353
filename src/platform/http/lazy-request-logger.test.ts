import { describe, expect, it } from 'vitest'
import { createLogger } from '../log.js'
import { lazyRequestLogger } from './lazy-request-logger.js'

function capture(level: string) {
  const lines: Array<Record<string, unknown>> = []
  const logger = createLogger({ level, destination: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } })
  return { lines, logger }
}

describe('lazyRequestLogger', () => {
  it('writes the same lines as a pino child, with the request id and redaction', () => {
    const { lines, logger } = capture('info')
    const log = lazyRequestLogger(logger, { requestId: 'r-1' }, {})
    log.info({ nik: '5171044201900001', month: '2025-01' }, 'paid')
    log.debug('not at info')
    log.child({ step: 'two' }).warn('nested')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ requestId: 'r-1', msg: 'paid', month: '2025-01' })
    expect(JSON.stringify(lines[0])).not.toContain('5171044201900001')
    expect(lines[1]).toMatchObject({ requestId: 'r-1', step: 'two', msg: 'nested' })
  })

  it('follows a level set on the request logger itself', () => {
    const { lines, logger } = capture('info')
    const log = lazyRequestLogger(logger, { requestId: 'r-2' }, {})
    expect((log as unknown as { isLevelEnabled(l: string): boolean }).isLevelEnabled('debug')).toBe(false)
    log.level = 'debug'
    log.debug('now shown')
    expect(lines).toEqual([expect.objectContaining({ requestId: 'r-2', msg: 'now shown' })])
    expect(logger.isLevelEnabled('debug')).toBe(false)
  })
})
