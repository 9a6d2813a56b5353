import { expect, it, vi } from 'vitest'
import { installShutdown } from './shutdown.js'

const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

it('on the signal, runs the extra closers in order, then closes the database, then exits 0', async () => {
  const calls: string[] = []
  const exit = vi.fn((code: number) => void calls.push(`exit ${code}`))
  const uninstall = installShutdown({ close: async () => void calls.push('db') }, [() => void calls.push('http'), async () => void calls.push('jobs')], {
    signals: ['SIGUSR2'],
    exit,
  })
  try {
    process.emit('SIGUSR2', 'SIGUSR2')
    await settle()
    expect(calls).toEqual(['http', 'jobs', 'db', 'exit 0'])
  } finally {
    uninstall()
  }
})

it('still closes the database when a closer fails, and exits 1 saying why', async () => {
  const report = vi.fn()
  const exit = vi.fn()
  const close = vi.fn(async () => undefined)
  const uninstall = installShutdown({ close }, [() => Promise.reject(new Error('http would not stop'))], { signals: ['SIGUSR2'], exit, report })
  try {
    process.emit('SIGUSR2', 'SIGUSR2')
    await settle()
    expect(close).toHaveBeenCalledOnce()
    expect(exit).toHaveBeenCalledWith(1)
    expect(report).toHaveBeenCalledWith(expect.stringContaining('http would not stop'))
  } finally {
    uninstall()
  }
})
