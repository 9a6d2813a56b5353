import { DomainError } from '../kernel/errors.js'
import { isMonth, type Month } from '../kernel/month.js'
import type { Sql } from '../platform/db/sql.js'
import { startDailyJob, type DailyJob } from '../platform/jobs/index.js'
import { loadHolidayCalendar, loadRegulationSet } from '../areas/programmes/index.js'
import {
  billChunk, chunkUpperBound, finishBillingRun, findBillingRun, materialiseTariff, openBillingRun, recordChunk, type ChunkResult,
} from '../areas/contributions/index.js'
import { isUniqueViolation } from '../areas/participants/index.js'
import { localDateAt } from '../kernel/dates.js'

export interface MonthlyBillingCommand {
  month: Month
  /** Participants per committed chunk (default 100,000). */
  chunkSize?: number
  /** Chunks billed at once, each on its own connection (default 2: the insert is CPU-bound in the database). */
  parallel?: number
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
const DEFAULT_PARALLEL = 2

/**
 * Bills a month set-based (issue 5 item 1): the engine materialises the month's tariff, then one INSERT … SELECT per
 * chunk of participants joins active BPU enrolments with it (`billChunk`), each chunk committed with the run's progress
 * so a crashed run resumes after the chunks done in order. `parallel` workers take the next chunk as they finish one;
 * chunk bounds are cut one after the other. A chunk that lost a race with a payment creating one of its dues (unique
 * violation) is redone with ON CONFLICT DO NOTHING. BPU dues only; PU dues come from the employer invoices.
 */
export async function runMonthlyBilling(sql: Sql, cmd: MonthlyBillingCommand, now: Date): Promise<MonthlyBillingResult> {
  if (!isMonth(cmd.month)) throw new DomainError('invalid_input', 'month must be YYYY-MM', { field: 'month', value: cmd.month })
  const chunkSize = cmd.chunkSize ?? DEFAULT_CHUNK
  const month = cmd.month
  await materialiseTariff(sql, loadRegulationSet(), loadHolidayCalendar(), [month])
  const opened = await openBillingRun(sql, month, now)
  // chunks in cut order: lower bound, upper bound (null = to the end), committed yet
  const chunks: { lower: string | null; upper: string | null; done: boolean }[] = []
  let next: string | null = opened.cursor
  let cutAll = false
  let cutting: Promise<unknown> = Promise.resolve()
  let newDues = 0
  let stopped = false
  let failed = false

  /** The next chunk's bounds, cut one at a time (each cut starts where the previous ended). */
  const cut = (): Promise<{ index: number; lower: string | null; upper: string | null } | null> => {
    const result = cutting.then(async () => {
      if (cutAll || failed) return null
      if (cmd.signal?.aborted || (cmd.maxChunks !== undefined && chunks.length >= cmd.maxChunks)) {
        stopped = true
        return null
      }
      const lower = next
      const upper = await chunkUpperBound(sql, lower, chunkSize)
      next = upper
      if (upper === null) cutAll = true
      chunks.push({ lower, upper, done: false })
      return { index: chunks.length - 1, lower, upper }
    })
    cutting = result.catch(() => undefined)
    return result
  }

  /** The end of the chunks committed in order, counting `index` as done (what a crash can resume after). */
  const cursorWith = (index: number): string | null => {
    let cursor = opened.cursor
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!
      if (i !== index && !chunk.done) break
      if (chunk.upper === null) break
      cursor = chunk.upper
    }
    return cursor
  }

  const billOne = (c: { index: number; lower: string | null; upper: string | null }, raced: boolean) =>
    sql.transaction(async (tx) => {
      const result = await billChunk(tx, month, c.lower, c.upper, now, { raced })
      await recordChunk(tx, month, cursorWith(c.index), result)
      return result
    })

  const worker = async () => {
    for (let c = await cut(); c !== null; c = await cut()) {
      let result: ChunkResult
      try {
        result = await billOne(c, false)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        result = await billOne(c, true)
      }
      chunks[c.index]!.done = true
      newDues += result.dues
      const progress = await findBillingRun(sql, month)
      if (progress) cmd.onProgress?.({ chunks: progress.chunks, dues: progress.dues })
    }
  }

  // a failing worker stops the others from taking new chunks; its error is the run's
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, cmd.parallel ?? DEFAULT_PARALLEL) }, () => worker().catch((error: unknown) => {
    failed = true
    throw error
  })))
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (rejected) throw rejected.reason
  if (stopped) return { ...totals((await findBillingRun(sql, month)) ?? opened), newDues, done: false }
  const run = await finishBillingRun(sql, month, now)
  return { ...totals(run), newDues, done: true }
}

function totals(run: { month: Month; enrolments: number; dues: number; billedIdr: number; chunks: number }) {
  return { month: run.month, enrolments: run.enrolments, dues: run.dues, billedIdr: run.billedIdr, chunks: run.chunks }
}

/** The current contribution month in WITA (Banuspa's head office). */
export function currentMonth(now: Date): Month {
  return localDateAt(now, 'Asia/Makassar').slice(0, 7)
}

export type BillingSchedule = DailyJob

/**
 * The schedule `semesta start` runs: on start and every `intervalMs` (default daily) the current month is billed
 * when it has no finished run yet; a run left `running` by a crash resumes. One job at a time (in-process runner).
 */
export function startBillingSchedule(sql: Sql, options: { now?: () => Date; intervalMs?: number; onError?: (e: unknown) => void } = {}): BillingSchedule {
  const now = options.now ?? (() => new Date())
  return startDailyJob({
    ...options,
    now,
    keyOf: currentMonth,
    run: async (month, signal) => {
      const existing = await findBillingRun(sql, month)
      if (existing?.status === 'done') return
      await runMonthlyBilling(sql, { month, signal }, now())
    },
  })
}
