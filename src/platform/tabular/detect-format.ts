import fs from 'node:fs/promises'
import path from 'node:path'
import { TabularError } from './tabular-error.js'

export type TabularFormat = 'csv' | 'xlsx'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0] // legacy .xls
const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv'])

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)

/** CSV or XLSX, by the file's first bytes (a zip is XLSX) and then its extension. */
export async function detectFormat(file: string): Promise<TabularFormat> {
  let head: Uint8Array
  try {
    const handle = await fs.open(file, 'r')
    try {
      const buffer = new Uint8Array(8)
      const { bytesRead } = await handle.read(buffer, 0, 8, 0)
      head = buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new TabularError('missing_file', `Berkas ${file} tidak ditemukan.`)
    if (code === 'EISDIR') throw new TabularError('unreadable', `${file} adalah folder, bukan berkas.`)
    throw new TabularError('unreadable', `Berkas ${file} tidak dapat dibaca (${code ?? 'error'}).`)
  }
  const extension = path.extname(file).toLowerCase()
  if (startsWith(head, ZIP)) return 'xlsx'
  if (startsWith(head, OLE)) throw new TabularError('unknown_format', 'Format .xls lama tidak didukung; simpan sebagai .xlsx atau .csv.')
  if (extension === '.xlsx') throw new TabularError('unreadable', `Berkas ${path.basename(file)} bukan XLSX yang valid.`)
  if (TEXT_EXTENSIONS.has(extension)) return 'csv'
  throw new TabularError('unknown_format', `Format berkas ${path.basename(file)} tidak dikenal; gunakan .csv atau .xlsx.`)
}
