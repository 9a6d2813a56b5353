const SPACES = /\s+/g

/** Header normalisation: BOM and outer spaces removed, lowercase, inner spaces as `_` ("Tanggal Lahir" → `tanggal_lahir`). */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(SPACES, '_')
}

/** The required columns a header row lacks, in the order asked for. */
export function missingColumns(columns: readonly string[], required: readonly string[]): string[] {
  const have = new Set(columns)
  return required.filter((name) => !have.has(name))
}
