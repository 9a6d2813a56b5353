import { createJobRunner, type JobRunner } from './job-runner.js'

export interface DailyJob {
  /** Submits the job for the current key now (a key already queued or running is not run twice). */
  tick(): void
  stop(): Promise<void>
  runner: JobRunner
}

export interface DailyJobOptions {
  /** The job's key at a moment (e.g. today's WITA date, the current month): one run per key at a time. */
  keyOf(now: Date): string
  run(key: string, signal: AbortSignal): Promise<void>
  now?: () => Date
  /** Default 24 h. */
  intervalMs?: number
  onError?: (error: unknown) => void
}

/**
 * A job `semesta start` runs on start and then every `intervalMs` (a timer that does not keep the process alive), one
 * run at a time in the in-process runner; `stop()` clears the timer and aborts the run between its chunks.
 */
export function startDailyJob(options: DailyJobOptions): DailyJob {
  const now = options.now ?? (() => new Date())
  const runner = createJobRunner({ run: options.run, onError: (_id, error) => options.onError?.(error) })
  const tick = () => runner.submit(options.keyOf(now()))
  tick()
  const timer = setInterval(tick, options.intervalMs ?? 24 * 60 * 60 * 1000)
  timer.unref()
  return {
    tick,
    runner,
    async stop() {
      clearInterval(timer)
      await runner.stop()
    },
  }
}
