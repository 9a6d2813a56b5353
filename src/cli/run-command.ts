import { isDomainError } from '../kernel/errors.js'

/** Exit codes of every `semesta` command (DESIGN.md §4): 0 success, 1 bad input, 2 unreadable file. */
export const EXIT_OK = 0
export const EXIT_BAD_INPUT = 1
export const EXIT_UNREADABLE = 2

/** Raised by a command that cannot read its input file (missing columns, unknown format). */
export class UnreadableInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnreadableInputError'
  }
}

/** Prints data as JSON (money and counts as JSON numbers) or as readable text. */
export function output(data: unknown, json: boolean, text?: (data: never) => string): void {
  if (json || !text) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`)
  else process.stdout.write(`${text(data as never)}\n`)
}

/** Wraps a command action: maps errors to a message on stderr and an exit code, once, here. */
export function action<Args extends unknown[]>(run: (...args: Args) => Promise<void> | void) {
  return async (...args: Args): Promise<void> => {
    try {
      await run(...args)
    } catch (error) {
      if (error instanceof UnreadableInputError) {
        process.stderr.write(`semesta: ${error.message}\n`)
        process.exitCode = EXIT_UNREADABLE
      } else if (isDomainError(error)) {
        const where = error.field ? ` (${error.field})` : ''
        process.stderr.write(`semesta: ${error.code}${where}: ${error.message}\n`)
        process.exitCode = EXIT_BAD_INPUT
      } else {
        process.stderr.write(`semesta: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`)
        process.exitCode = EXIT_BAD_INPUT
      }
    }
  }
}
