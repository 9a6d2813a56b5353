import type { RowIssue } from '../../../kernel/index.js'
import { onRow, type FieldIssue } from './field-issue.js'

/** Collects every problem of one row, so an import lists all its reasons at once. */
export class RowIssues {
  errors: RowIssue[] | undefined
  warnings: RowIssue[] | undefined
  constructor(readonly row: number) {}
  error(issue: FieldIssue): void {
    ;(this.errors ??= []).push(onRow(this.row, issue))
  }
  warn(issue: FieldIssue): void {
    ;(this.warnings ??= []).push(onRow(this.row, issue))
  }
}

/** Has a non-blank character (a scan, so a blank check allocates no trimmed copy). */
export function present(value: string | null | undefined): value is string {
  if (value === undefined || value === null) return false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 160) return true
  }
  return false
}
