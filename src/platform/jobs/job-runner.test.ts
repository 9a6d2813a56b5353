import { describe, expect, it } from 'vitest'
import { createJobRunner } from './job-runner.js'

describe('the in-process job runner', () => {
  it('runs jobs one at a time in order, once each, and reports failures without stopping', async () => {
    const log: string[] = []
    const failures: string[] = []
    const runner = createJobRunner({
      run: async (id) => {
        log.push(`start ${id}`)
        await new Promise((r) => setTimeout(r, 5))
        if (id === 'b') throw new Error('boom')
        log.push(`end ${id}`)
      },
      onError: (id) => void failures.push(id),
    })
    runner.submit('a')
    runner.submit('b')
    runner.submit('a')
    runner.submit('c')
    expect(runner.pending).toBe(3)
    await runner.idle()
    expect(log).toEqual(['start a', 'end a', 'start b', 'start c', 'end c'])
    expect(failures).toEqual(['b'])
    expect(runner.pending).toBe(0)
  })

  it('stop aborts the running job through its signal and drops the queue', async () => {
    const seen: string[] = []
    const runner = createJobRunner({
      run: (id, signal) => new Promise((resolve) => {
        seen.push(id)
        signal.addEventListener('abort', () => resolve())
      }),
      onError: () => undefined,
    })
    runner.submit('long')
    runner.submit('never')
    await new Promise((r) => setTimeout(r, 5))
    await runner.stop()
    runner.submit('after')
    expect(seen).toEqual(['long'])
    expect(runner.pending).toBe(0)
  })
})
