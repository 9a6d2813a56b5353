import { DomainError } from '../kernel/errors.js'
import { isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { createJobRunner, type JobRunner } from '../platform/jobs/index.js'
import { loadHolidayCalendar, loadRegulationSet } from '../areas/programmes/index.js'
import {
  billChunk, chunkUpperBound, finishBillingRun, findBillingRun, materialiseTariff, openBillingRun, recordChunk,
} from '../areas/contributions/index.js'
import { localDateAt } from '../kernel/dates.js'

export interface MonthlyBillingCommand {
  month: Month
  /** Participants per committed chunk (default 100,000). */
  chunkSize?: number
  /** Stop after this many chunks (tests simulate a crash with it); the run stays `running` and resumes. */
  maxChunks?: number
  signal?: AbortSignal
  onProgress?: (progress: { chunks: number; dues: number }) => void
}

export interface MonthlyBillingResult {
  month: Month
  /** Cumulative for the month (all runs): enrolments billed, dues rows, their total. */
  enrolments: number
  dues: number
  billedIdr: number
  /** Dues this call inserted (0 on a second run). */
  newDues: number
  chunks: number
  done: boolean
}

const DEFAULT_CHUNK = 100_000

/**
 * Bills a month set-based (issue 5 item 1): the engine materialises the month's tariff, then one INSERT … SELECT per
 * chunk of participants joins active BPU enrolments with it, each chunk committed with the run's progress so a crashed
 * run resumes after its last chunk. BPU dues only; PU dues come from the employer billing (employers' invoices).
 */
export async function runMonthlyBilling(sql: Sql, cmd: MonthlyBillingCommand, now: Date): Promise<MonthlyBillingResult> {
  if (!isMonth(cmd.month)) throw new DomainError('invalid_input', 'month must be YYYY-MM', { field: 'month', value: cmd.month })
  const chunkSize = cmd.chunkSize ?? DEFAULT_CHUNK
  await materialiseTariff(sql, loadRegulationSet(), loadHolidayCalendar(), [cmd.month])
  let run = await openBillingRun(sql, cmd.month, now)
  let cursor = run.cursor
  let newDues = 0
  for (let chunk = 0; ; chunk++) {
    if (cmd.signal?.aborted || (cmd.maxChunks !== undefined && chunk >= cmd.maxChunks)) {
      return { ...totals(run), newDues, done: false }
    }
    const done = await sql.transaction(async (tx) => {
      const upper = await chunkUpperBound(tx, cursor, chunkSize)
      const result = await billChunk(tx, cmd.month, cursor, upper, now)
      await recordChunk(tx, cmd.month, upper, result)
      newDues += result.dues
      cursor = upper
      return upper === null
    })
    run = (await findBillingRun(sql, cmd.month)) ?? run
    cmd.onProgress?.({ chunks: run.chunks, dues: run.dues })
    if (done) break
  }
  run = await finishBillingRun(sql, cmd.month, now)
  return { ...totals(run), newDues, done: true }
}

function totals(run: { month: Month; enrolments: number; dues: number; billedIdr: number; chunks: number }) {
  return { month: run.month, enrolments: run.enrolments, dues: run.dues, billedIdr: run.billedIdr, chunks: run.chunks }
}

/** The current contribution month in WITA (Banuspa's head office). */
export function currentMonth(now: Date): Month {
  return localDateAt(now, 'Asia/Makassar').slice(0, 7)
}

export interface BillingSchedule {
  /** Bills the current month now unless its run is done (and again daily: new first payments join each day). */
  tick(): void
  stop(): Promise<void>
  runner: JobRunner
}

/**
 * The schedule `semesta start` runs: on start and every `intervalMs` (default daily) the current month is billed
 * when it has no finished run yet; a run left `running` by a crash resumes. One job at a time (in-process runner).
 */
export function startBillingSchedule(sql: Sql, options: { now?: () => Date; intervalMs?: number; onError?: (e: unknown) => void } = {}): BillingSchedule {
  const now = options.now ?? (() => new Date())
  const runner = createJobRunner({
    run: async (month, signal) => {
      const existing = await findBillingRun(sql, month)
      if (existing?.status === 'done') return
      await runMonthlyBilling(sql, { month, signal }, now())
    },
    onError: (_id, error) => options.onError?.(error),
  })
  const tick = () => runner.submit(currentMonth(now()))
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
