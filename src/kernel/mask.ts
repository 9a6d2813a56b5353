/**
 * Masks for personal data shown where the whole value is not needed (lists, logs, receipts). Presenters decide
 * what leaves the server; these only shape what they choose to show in part.
 */

// not after "digit." so a float such as a response time (4.98211234567891425) is not taken for a NIK
const NIK_LIKE = /(?<!\d|\d\.)(\d{4})\d{8}(\d{4})(?!\d)/g

/** `5171044201900001` → `5171********0001`. Anything that is not 16 digits keeps only its last 4 characters. */
export function maskNik(nik: string): string {
  const value = nik.trim()
  if (/^\d{16}$/.test(value)) return `${value.slice(0, 4)}********${value.slice(12)}`
  if (value.length <= 4) return '*'.repeat(value.length)
  return '*'.repeat(value.length - 4) + value.slice(-4)
}

/** Masks every run of exactly 16 digits inside a text (URLs, messages, log lines) the way maskNik does. */
export function maskNikLike(text: string): string {
  return text.replace(NIK_LIKE, '$1********$2')
}

/** `0812-3456-7890` → `0812*****890`; `+6281234567890` → `+628*******890`. Separators are dropped. */
export function maskPhone(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : ''
  const digits = phone.replace(/\D/g, '')
  if (digits.length <= 6) return plus + '*'.repeat(digits.length)
  const head = digits.slice(0, 4 - plus.length)
  return plus + head + '*'.repeat(digits.length - head.length - 3) + digits.slice(-3)
}

/** `Ni Made Wirawati` → `N* M*** W*******`: the initial of each word stays. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => {
      const letters = Array.from(word)
      return (letters[0] ?? '') + '*'.repeat(letters.length - 1)
    })
    .join(' ')
}
