import pino, { type DestinationStream, type Logger } from 'pino'
import { maskNikLike } from '../kernel/mask.js'

/**
 * Semesta's logger. Personal data never reaches a log line: values under personal or secret keys are replaced at
 * any depth (a formatter over plain objects, pino redact paths as a second net), request URLs are logged with
 * sensitive query values replaced, and every 16-digit number left anywhere in a line (a NIK in a path, a message,
 * a stack) is masked to `5171********0001` just before the line is written.
 */
export const REDACTED = '[redacted]'

const SENSITIVE_KEY_SPELLINGS = [
  'nik', 'nama', 'name', 'fullName', 'namaLengkap', 'motherName', 'namaIbu', 'namaIbuKandung',
  'phone', 'noHp', 'no_hp', 'phoneNumber', 'hp', 'telepon', 'email',
  'address', 'alamat', 'birthPlace', 'tempatLahir',
  'password', 'passwordHash', 'token', 'accessToken', 'refreshToken', 'clientSecret', 'secret', 'apiKey',
  'authorization', 'cookie', 'set-cookie', 'x-api-key',
  // SNAP channel API (issue 6): signatures, the partner's secrets and private key, the worker's numbers and name
  'signature', 'x-signature', 'privateKey', 'privateKeyPem', 'secretSealed', 'customerNo', 'virtualAccountNo', 'virtualAccountName', 'virtualAccountPhone',
]
const normalizeKey = (key: string): string => key.toLowerCase().replace(/[-_\s]/g, '')
const SENSITIVE_KEYS = new Set(SENSITIVE_KEY_SPELLINGS.map(normalizeKey))
/** Query parameters whose values are personal or free text that may be personal (a search box). */
const SENSITIVE_QUERY_KEYS = new Set([...SENSITIVE_KEYS, 'q', 'query', 'search', 'cari', 'kpj', 'npp'])
const MAX_DEPTH = 8

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(normalizeKey(key))
}

/** A URL fit for a log line: 16-digit runs masked, the values of sensitive query parameters replaced. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?')
  const path = maskNikLike(mark === -1 ? url : url.slice(0, mark))
  if (mark === -1) return path
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=')
      if (eq === -1) return maskNikLike(part)
      const rawKey = part.slice(0, eq)
      return SENSITIVE_QUERY_KEYS.has(normalizeKey(safeDecode(rawKey))) ? `${rawKey}=${REDACTED}` : maskNikLike(part)
    })
    .join('&')
  return `${path}?${query}`
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** A copy of plain objects and arrays with the values of sensitive keys replaced; other objects pass as they are. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    return depth >= MAX_DEPTH ? '[truncated]' : value.map((item) => redactDeep(item, depth + 1))
  }
  if (!isPlainObject(value)) return value
  if (depth >= MAX_DEPTH) return '[truncated]'
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSensitiveKey(key) && item !== undefined && item !== null ? REDACTED : redactDeep(item, depth + 1)
  }
  return copy
}

interface RequestLike {
  method?: string
  url?: string
  ip?: string
  socket?: { remoteAddress?: string }
}

const serializers = {
  req: (req: RequestLike) => ({
    method: req.method,
    url: redactUrl(req.url ?? ''),
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
  }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  err: (err: Error) => redactDeep(pino.stdSerializers.err(err)),
}

const REDACT_PATHS = SENSITIVE_KEY_SPELLINGS.filter((key) => /^[A-Za-z_]\w*$/.test(key)).flatMap((key) => [key, `*.${key}`])

export interface LoggerOptions {
  level?: string
  /** Where lines go (stdout by default); tests pass a collecting stream. */
  destination?: DestinationStream
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      serializers,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
      hooks: { streamWrite: (line) => maskNikLike(line) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  )
}

export type { Logger }
