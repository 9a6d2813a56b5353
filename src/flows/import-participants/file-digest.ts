import { createHash } from 'node:crypto'
import fs from 'node:fs'

export interface FileDigest {
  sha256: string
  bytes: number
  /** Line breaks in the file: for a CSV about the number of rows, header included (progress only). */
  lineBreaks: number
}

/** SHA-256 of a file, streamed: the import job's key, so the same file resumes its job. */
export async function digestFile(file: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  let lineBreaks = 0
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lineBreaks++
  }
  return { sha256: hash.digest('hex'), bytes, lineBreaks }
}
