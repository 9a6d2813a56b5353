import { editDistanceAtMost } from './edit-distance.js'

const ODD_SPACE = /\s\s|[\t\n\r\u00a0]/
const SPACE_RUN = /\s+/g

/** A name as it will be stored and shown: trimmed, single spaces, otherwise as typed. */
export function cleanName(input: string): string {
  const trimmed = input.trim()
  return ODD_SPACE.test(trimmed) ? trimmed.replace(SPACE_RUN, ' ') : trimmed
}

const COMBINING_MARKS = /[\u0300-\u036f]/g
/** Most names are already a key once uppercased: words of A–Z and digits with single spaces. */
const CLEAN_KEY = /^[A-Z0-9]+(?: [A-Z0-9]+)*$/

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false
  return true
}

function isLetterOrDigit(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
}

/** Apostrophes vanish inside a name (Ma'ruf → MARUF); a dot between letters joins them (S.Pd → SPD, I.G.N. → IGN). */
function isJoiner(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c === 39 || c === 96 || c === 0x2018 || c === 0x2019 || c === 0x02bc) return true
  return c === 46 && isLetterOrDigit(s.charCodeAt(i - 1)) && isLetterOrDigit(s.charCodeAt(i + 1))
}

/**
 * The comparison form of a name: uppercase ASCII letters and digits, diacritics stripped, apostrophes dropped,
 * every other mark a single space. `Ni Luh Putu Ayu, S.Pd.` → `NI LUH PUTU AYU SPD`. Also the search key.
 */
export function nameKey(input: string): string {
  let s = input.toUpperCase()
  if (CLEAN_KEY.test(s)) return s
  if (!isAscii(s)) s = s.normalize('NFD').replace(COMBINING_MARKS, '')
  let out = ''
  let pendingSpace = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (isLetterOrDigit(c)) {
      if (pendingSpace && out.length > 0) out += ' '
      pendingSpace = false
      out += s[i]
    } else if (!isJoiner(s, i)) {
      pendingSpace = true
    }
  }
  return out
}

/**
 * Words that say rank, birth order, caste, religion or degree rather than who the person is; they may come
 * and go between two writings of one name. Balinese (I/Ni, Wayan/Made/Nyoman/Ketut…, Gusti, Ida Bagus,
 * Anak Agung, Cokorda, Desak, Dewa, with their abbreviations), Sasak (Lalu, Baiq), Sumba (Umbu, Rambu),
 * Islamic (H., Hj., TGH, bin/binti), forms of address, and common Indonesian academic degrees.
 */
const WEAK_WORDS = new Set(
  (
    'I NI LUH PUTU WAYAN WYN GEDE GDE MADE MD KADEK KDK NENGAH NGH NYOMAN NYM KOMANG KMG KETUT KT ' +
    'GUSTI GST NGURAH NGR AGUNG AA ANAK IDA BAGUS BGS IB IGN IGA IGB IGM DESAK DSK DEWA DW COKORDA TJOKORDA COK CK SANG SAYU JERO ' +
    'LALU LL BAIQ BQ UMBU RAMBU TAMU ' +
    'H HJ HJH HAJI HAJJAH KH TGH TG USTAD USTADZ USTADZAH BIN BINTI ' +
    'BAPAK BPK IBU SDR SDRI TN NY NN PDT ' +
    'DR DRS DRA DRG IR PROF NS APT SPD SPDI SPDSD SPDK SPAK MPD SE ME SH MH SAG SKOM SSOS SIP SKM SKEP SKEB SST ST MT MM MSI ' +
    'MAP AMD AMK AMDKEP AMKEB SFARM SKED SHUT SP SPT SSI STP SS SIKOM SHI SPSI MKES BSC BA MBA SSTP SAP STH MTH STR STRKES'
  ).split(' '),
)

/** Spellings of one given name that clerks use interchangeably. */
const SAME_NAME = new Map<string, string>([
  ...['MUH', 'MUHD', 'MOH', 'MOCH', 'MOHD', 'MHD', 'MUHAMAD', 'MOHAMMAD', 'MOHAMAD', 'MOCHAMAD', 'MOCHAMMAD', 'MUHAMMED', 'MUHAMAT', 'MUHAMMAT'].map(
    (v): [string, string] => [v, 'MUHAMMAD'],
  ),
  ['ABD', 'ABDUL'],
  ['ABDL', 'ABDUL'],
  ['YOHANIS', 'YOHANES'],
  ['YOHANNES', 'YOHANES'],
  ['JOHANES', 'YOHANES'],
])

function coreWords(key: string): string[] {
  const all = key.length === 0 ? [] : key.split(' ')
  const core: string[] = []
  for (const word of all) {
    if (!WEAK_WORDS.has(word)) core.push(SAME_NAME.get(word) ?? word)
  }
  return core.length > 0 ? core : all
}

/** Typos tolerated per word: none for short words, one from 4 letters, two from 8. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/** Same word, an initial (`M`), a short form of at least 4 letters (`Frans`, `Fransiskus`), or a small typo. */
function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length === 1 || b.length === 1) return a[0] === b[0]
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short.length >= 4 && long.startsWith(short)) return true
  const allowed = allowedEdits(short.length)
  return editDistanceAtMost(a, b, allowed) <= allowed
}

/** Every word of the shorter name finds its own word in the longer one (exact matches first, then close ones). */
function containedIn(shorter: string[], longer: string[]): boolean {
  const used = new Array<boolean>(longer.length).fill(false)
  const pending: string[] = []
  for (const word of shorter) {
    const at = longer.findIndex((w, i) => !used[i] && w === word)
    if (at >= 0) used[at] = true
    else pending.push(word)
  }
  for (const word of pending) {
    const at = longer.findIndex((w, i) => !used[i] && wordsMatch(word, w))
    if (at < 0) return false
    used[at] = true
  }
  return true
}

/**
 * Whether two writings of a name under the same NIK clearly belong to different people (then the
 * registration is `nik_identity_mismatch`, kept for review). Tolerated: case, spacing, punctuation and
 * diacritics; titles, degrees, birth-order and rank words; a missing or extra name; a different word order;
 * initials and short forms (`M.`, `Frans`); small typos (one edit in words of 4–7 letters, two from 8); words run together or split (`Nursaidah` /
 * `Nur Saidah`).
 */
export function namesClearlyDiffer(a: string, b: string): boolean {
  const keyA = nameKey(a)
  const keyB = nameKey(b)
  if (keyA === keyB) return false
  const wordsA = coreWords(keyA)
  const wordsB = coreWords(keyB)
  if (wordsA.length === 0 || wordsB.length === 0) return true
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA]
  if (containedIn(shorter, longer)) return false
  const joinedA = wordsA.join('')
  const joinedB = wordsB.join('')
  const allowed = allowedEdits(Math.min(joinedA.length, joinedB.length))
  return editDistanceAtMost(joinedA, joinedB, allowed) > allowed
}
