/**
 * A small in-process background runner: jobs run one at a time, in the order submitted. The state lives with the
 * job itself in the database (e.g. import_jobs, committed chunk by chunk), so a restart loses nothing: the owner
 * submits its unfinished jobs again on start. Works the same on both engines (no LISTEN/NOTIFY, no extra tables).
 */
export interface JobRunnerOptions {
  /** Does the job; should return soon after `signal` aborts (e.g. between chunks), leaving it resumable. */
  run(id: string, signal: AbortSignal): Promise<void>
  /** A job that threw (after the runner moved on). */
  onError(id: string, error: unknown): void | Promise<void>
}

export interface JobRunner {
  /** Queues a job (a job already queued or running is not queued twice). */
  submit(id: string): void
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>
  /** Stops taking jobs, aborts the running one between its steps and waits for it. */
  stop(): Promise<void>
  readonly pending: number
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const queue: string[] = []
  const stopping = new AbortController()
  let running: string | null = null
  let loop: Promise<void> | null = null
  let waiters: Array<() => void> = []

  const drain = async (): Promise<void> => {
    while (queue.length > 0 && !stopping.signal.aborted) {
      running = queue.shift()!
      try {
        await options.run(running, stopping.signal)
      } catch (error) {
        await Promise.resolve(options.onError(running, error)).catch(() => undefined)
      }
      running = null
    }
    loop = null
    for (const wake of waiters) wake()
    waiters = []
  }

  return {
    submit(id) {
      if (stopping.signal.aborted || running === id || queue.includes(id)) return
      queue.push(id)
      loop ??= drain()
    },
    idle: () => (loop ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    async stop() {
      stopping.abort()
      queue.length = 0
      if (loop) await loop
    },
    get pending() {
      return queue.length + (running ? 1 : 0)
    },
  }
}
