import fs from 'node:fs'
import Papa from 'papaparse'

/**
 * The records of a CSV file as arrays of strings, streamed (papaparse; the delimiter `,` or `;` is detected, as
 * Excel in an Indonesian locale writes `;`). The record number is the spreadsheet row: header = 1.
 */
export async function* csvRecords(file: string): AsyncGenerator<{ line: number; cells: string[] }> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] })
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })
  input.on('error', (error) => parser.destroy(error))
  input.pipe(parser)
  let line = 0
  for await (const cells of parser as AsyncIterable<string[]>) {
    line++
    yield { line, cells }
  }
}
