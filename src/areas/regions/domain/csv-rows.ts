/**
 * A small RFC 4180 reader for the reference CSVs the web needs offline (e.g. nik-prefixes.csv as `?raw`), where
 * pulling a CSV library into pure code is not allowed. Header row → objects; quoted fields, "" escapes, CRLF.
 */
export function parseCsvRows(text: string): Array<Record<string, string>> {
  const records = parseRecords(text)
  const header = records.shift() ?? []
  return records
    .filter((fields) => fields.length > 1 || fields[0] !== '')
    .map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])))
}

function parseRecords(text: string): string[][] {
  const records: string[][] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      fields.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      fields.push(field)
      records.push(fields)
      fields = []
      field = ''
    } else field += ch
  }
  if (field !== '' || fields.length > 0) records.push([...fields, field])
  return records
}
