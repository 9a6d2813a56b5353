/** Streaming reader of CSV and XLSX tables (bulk imports), and the writers of error files and templates. */
export { openTable, type Table, type TabularRow, type OpenTableOptions } from './read-table.js'
export { detectFormat, type TabularFormat } from './detect-format.js'
export { normaliseHeader, missingColumns } from './headers.js'
export { cellText } from './cell-text.js'
export { TabularError, isTabularError, type TabularProblem } from './tabular-error.js'
export { writeTable, type TableSheet } from './write-table.js'
