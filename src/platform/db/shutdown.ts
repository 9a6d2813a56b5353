import type { Database } from './open-database.js'

export type Closer = () => Promise<unknown> | unknown

export interface ShutdownOptions {
  signals?: NodeJS.Signals[]
  /** Called once everything is closed (default: process.exit). */
  exit?: (code: number) => void
  /** Where close errors go (default: stderr). */
  report?: (message: string) => void
}

/**
 * On SIGTERM/SIGINT: runs `extraClosers` in order (e.g. the HTTP server's close), then closes the database
 * (an owner of the embedded engine stops its socket, checkpoints PGlite and removes its lock), then exits 0
 * (1 when a closer failed). A second signal while closing exits at once. Returns a function that uninstalls it.
 */
export function installShutdown(db: Pick<Database, 'close'>, extraClosers: Closer[] = [], options: ShutdownOptions = {}): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT']
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const report = options.report ?? ((message: string) => process.stderr.write(`${message}\n`))
  let closing = false
  const onSignal = async (signal: NodeJS.Signals): Promise<void> => {
    if (closing) return exit(130)
    closing = true
    let code = 0
    for (const close of [...extraClosers, () => db.close()]) {
      try {
        await close()
      } catch (error) {
        code = 1
        report(`semesta: while stopping on ${signal}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    exit(code)
  }
  const listener = (signal: NodeJS.Signals) => void onSignal(signal)
  for (const signal of signals) process.on(signal, listener)
  return () => {
    for (const signal of signals) process.off(signal, listener)
  }
}
