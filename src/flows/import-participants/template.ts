import type { Writable } from 'node:stream'
import { writeTable, type TabularFormat } from '../../platform/tabular/index.js'

/** The participant import template's columns, in order (issue 4). */
export const IMPORT_HEADER = ['nik', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'no_hp', 'kode_wilayah', 'pekerjaan', 'kategori', 'penghasilan', 'program', 'kpj', 'npp', 'tanggal_daftar'] as const
/** Columns that must be in the header row (`kpj`, `npp`, `tanggal_daftar` are optional). */
export const REQUIRED_COLUMNS = IMPORT_HEADER.slice(0, 10)

const EXAMPLE: readonly string[] = ['5171014708900003', 'Ni Made Ayu Lestari', '07/08/1990', 'P', '081234567890', '51.71', 'pedagang', 'bpu', '1500000', 'JKK+JKM', '', '', '']

const EXPLANATIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['nik', 'wajib', 'NIK 16 angka sesuai KTP. Untuk perempuan tanggal lahir di NIK ditambah 40. Di Excel, format kolom sebagai Teks agar angka tidak berubah.'],
  ['nama', 'wajib', 'Nama lengkap sesuai KTP, huruf saja (tanpa angka), paling panjang 150 karakter.'],
  ['tanggal_lahir', 'wajib', 'DD/MM/YYYY atau YYYY-MM-DD, harus sama dengan tanggal di NIK.'],
  ['jenis_kelamin', 'wajib', 'L (laki-laki) atau P (perempuan), harus sesuai NIK.'],
  ['no_hp', 'wajib ada kolomnya, boleh kosong', 'Nomor HP Indonesia, misalnya 081234567890 atau +6281234567890.'],
  ['kode_wilayah', 'wajib', 'Kode kabupaten/kota domisili di Banuspa, misalnya 51.71 atau 5171.'],
  ['pekerjaan', 'wajib untuk BPU', 'Kode atau nama pekerjaan (misalnya pedagang, petani, nelayan, sopir, ojek); paling banyak 2, dipisah titik koma.'],
  ['kategori', 'wajib', 'bpu, pu, pmi, non_asn, pemilu atau jakon.'],
  ['penghasilan', 'wajib untuk BPU, PU, non-ASN, pemilu', 'Rupiah per bulan, misalnya 1500000 atau 1.500.000. Peserta BPU paling sedikit Rp1.000.000.'],
  ['program', 'wajib', 'JKK+JKM atau JKK+JKM+JHT (huruf besar atau kecil).'],
  ['kpj', 'pilihan', 'Nomor KPJ 11 angka bila peserta sudah punya; kosongkan agar Semesta menerbitkan KPJ baru.'],
  ['npp', 'wajib untuk PU', 'NPP perusahaan pemberi kerja yang sudah terdaftar.'],
  ['tanggal_daftar', 'pilihan', 'Tanggal pendaftaran (DD/MM/YYYY atau YYYY-MM-DD); kosong = hari ini. Tidak boleh tanggal yang akan datang.'],
]

/** The template: the header and one example row; the XLSX adds a sheet explaining each column in Bahasa Indonesia. */
export async function writeImportTemplate(output: Writable, format: TabularFormat): Promise<void> {
  await writeTable(output, format, [
    { name: 'Peserta', columns: IMPORT_HEADER, rows: [EXAMPLE], widths: [19, 28, 14, 8, 16, 12, 16, 10, 14, 14, 14, 12, 14] },
    { name: 'Petunjuk', columns: ['kolom', 'keterangan', 'cara mengisi'], rows: EXPLANATIONS, widths: [16, 30, 100] },
  ])
}
