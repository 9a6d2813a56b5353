/** Why a file cannot be read as a table; the CLI maps every one of these to exit code 2 (DESIGN.md §4). */
export type TabularProblem = 'missing_file' | 'unknown_format' | 'missing_columns' | 'unreadable'

export class TabularError extends Error {
  constructor(
    readonly problem: TabularProblem,
    message: string,
    readonly missingColumns: readonly string[] = [],
  ) {
    super(message)
    this.name = 'TabularError'
  }
}

export function isTabularError(error: unknown): error is TabularError {
  return error instanceof TabularError
}
