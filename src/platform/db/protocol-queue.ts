import type { PGlite } from '@electric-sql/pglite'
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket'

/**
 * A replacement for pglite-socket 0.2.17's query queue, which runs each wire-protocol *message* of each connection
 * as its own turn. PGlite has one session, so one connection's Parse/Bind/Execute/Sync could interleave with
 * another's: a query then bound another query's statement or failed with `portal "" does not exist` (reproduced
 * here with three pools of 10 clients). This queue runs a connection's messages up to its Sync (or a simple Query)
 * as one turn, keeps the engine for that connection while it is inside a transaction or between a Flush and its
 * Sync, and rolls back what a vanished connection left open.
 *
 * COPY ... FROM STDIN: PGlite cannot wait for CopyData in the middle of a call (it exits), so the queue answers
 * the client's COPY with a CopyInResponse itself, collects the CopyData up to CopyDone/CopyFail, then hands PGlite
 * the whole COPY at once and drops PGlite's own CopyInResponse from the answer.
 *
 * Other consequence of the shared session, for every client of the embedded engine: use `SET LOCAL` (never a
 * session-level SET), no named prepared statements, no temporary tables or LISTEN across calls.
 */
type OnData = (data: Uint8Array) => void

interface Job {
  handlerId: number
  messages: Uint8Array[]
  onData: OnData
  /** The queue sent its own CopyInResponse; drop PGlite's. */
  copyIn: boolean
  cleanup: boolean
  resolve(bytes: number): void
  reject(error: unknown): void
}

const code = (letter: string): number => letter.charCodeAt(0)
const QUERY = code('Q')
const FLUSH = code('H')
const TERMINATE = code('X')
const COPY_DONE = code('c')
const COPY_FAIL = code('f')
const COPY_IN_RESPONSE = code('G')
/** Extended-query messages that wait for their Sync: Parse, Bind, Describe, Execute, Close. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C'].map(code))

/** CopyInResponse: text format, no column formats (the client only waits for the message). */
const COPY_IN_ANSWER = Uint8Array.from([COPY_IN_RESPONSE, 0, 0, 0, 7, 0, 0, 0])
const COPY_FROM_STDIN = /^\s*copy\s[\s\S]*\bfrom\s+stdin\b/i

function frame(letter: string, body: Buffer): Uint8Array {
  const header = Buffer.alloc(5)
  header.write(letter, 0, 'latin1')
  header.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([header, body])
}

const SYNC_MESSAGE = frame('S', Buffer.alloc(0))
const ROLLBACK_MESSAGE = frame('Q', Buffer.from('ROLLBACK\0', 'utf8'))

function queryText(message: Uint8Array): string {
  return Buffer.from(message.buffer, message.byteOffset + 5, Math.max(0, message.length - 6)).toString('utf8')
}

/** Removes the first message of the given type from a buffer of whole backend messages. */
function withoutFirst(type: number, data: Buffer): Buffer {
  let offset = 0
  while (offset + 5 <= data.length) {
    const end = offset + 1 + data.readInt32BE(offset + 1)
    if (data[offset] === type) return Buffer.concat([data.subarray(0, offset), data.subarray(end)])
    offset = end
  }
  return data
}

export class ProtocolQueue {
  private readonly jobs: Job[] = []
  private readonly pending = new Map<number, Uint8Array[]>()
  private readonly copying = new Map<number, Uint8Array[]>()
  /** The connection that keeps the engine between its turns (open transaction, Flush without Sync). */
  private holder: number | null = null
  private running = false

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: OnData): Promise<number> {
    const type = message[0]
    const copy = this.copying.get(handlerId)
    if (copy) {
      copy.push(message)
      if (type !== COPY_DONE && type !== COPY_FAIL) return Promise.resolve(0)
      this.copying.delete(handlerId)
      return this.schedule(handlerId, copy, onData, { copyIn: true })
    }
    // the session is shared: a client saying goodbye must not end it
    if (type === TERMINATE) return Promise.resolve(0)
    if (type === QUERY && COPY_FROM_STDIN.test(queryText(message))) {
      this.copying.set(handlerId, [...this.take(handlerId), message])
      onData(COPY_IN_ANSWER)
      return Promise.resolve(0)
    }
    if (type !== undefined && EXTENDED.has(type)) {
      const waiting = this.pending.get(handlerId) ?? []
      waiting.push(message)
      this.pending.set(handlerId, waiting)
      return Promise.resolve(0)
    }
    return this.schedule(handlerId, [...this.take(handlerId), message], onData, {})
  }

  getQueueLength(): number {
    return this.jobs.length
  }

  clearQueueForHandler(handlerId: number): void {
    this.pending.delete(handlerId)
    this.copying.delete(handlerId)
    for (const job of this.jobs.filter((j) => j.handlerId === handlerId && !j.cleanup)) {
      this.jobs.splice(this.jobs.indexOf(job), 1)
      job.reject(new Error('Handler disconnected'))
    }
  }

  /** Called when a connection goes: ends whatever it left open (a transaction, an unfinished extended query). */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.holder !== handlerId) return
    await this.schedule(handlerId, [], () => undefined, { cleanup: true })
  }

  private take(handlerId: number): Uint8Array[] {
    const waiting = this.pending.get(handlerId) ?? []
    this.pending.delete(handlerId)
    return waiting
  }

  private schedule(handlerId: number, messages: Uint8Array[], onData: OnData, kind: { copyIn?: boolean; cleanup?: boolean }): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const job: Job = { handlerId, messages, onData, copyIn: kind.copyIn ?? false, cleanup: kind.cleanup ?? false, resolve, reject }
      if (job.cleanup) this.jobs.unshift(job)
      else this.jobs.push(job)
      void this.pump()
    })
  }

  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      for (;;) {
        const index = this.holder === null ? (this.jobs.length > 0 ? 0 : -1) : this.jobs.findIndex((j) => j.handlerId === this.holder)
        if (index < 0) break
        const [job] = this.jobs.splice(index, 1)
        if (job) await this.run(job)
      }
    } finally {
      this.running = false
    }
  }

  private async run(job: Job): Promise<void> {
    try {
      if (job.cleanup) {
        await this.exec(SYNC_MESSAGE, () => undefined)
        if (this.db.isInTransaction()) await this.exec(ROLLBACK_MESSAGE, () => undefined)
        this.holder = null
        job.resolve(0)
        return
      }
      const collected: Buffer[] = []
      let bytes = 0
      await this.exec(Buffer.concat(job.messages), (data) => {
        bytes += data.length
        if (job.copyIn) collected.push(Buffer.from(data))
        else job.onData(data)
      })
      if (job.copyIn) job.onData(withoutFirst(COPY_IN_RESPONSE, Buffer.concat(collected)))
      const last = job.messages[job.messages.length - 1]?.[0]
      this.holder = last === FLUSH || this.db.isInTransaction() ? job.handlerId : null
      job.resolve(bytes)
    } catch (error) {
      this.holder = null
      job.reject(error)
    }
  }

  private exec(message: Uint8Array, onRawData: OnData): Promise<void> {
    return this.db.runExclusive(() => this.db.execProtocolRawStream(new Uint8Array(message), { onRawData }))
  }
}

/** Swaps the server's queue for a ProtocolQueue; fails loudly if pglite-socket's internals are not the expected ones. */
export function installProtocolQueue(server: PGLiteSocketServer, db: PGlite): ProtocolQueue {
  const target = server as unknown as { queryQueue?: { enqueue?: unknown; clearTransactionIfNeeded?: unknown } }
  if (typeof target.queryQueue?.enqueue !== 'function' || typeof target.queryQueue.clearTransactionIfNeeded !== 'function') {
    throw new Error('@electric-sql/pglite-socket internals changed (no queryQueue): check src/platform/db/protocol-queue.ts against the new version')
  }
  const queue = new ProtocolQueue(db)
  ;(target as { queryQueue: unknown }).queryQueue = queue
  return queue
}
