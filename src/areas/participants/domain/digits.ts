/** Character-level helpers for identifiers typed at a counter: no regex, no allocation on the happy path. */

/** The digit at `i` as a number, or -1. */
export function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

/** The number written by `length` digits from `from`, or -1 if any is not a digit. */
export function numberAt(s: string, from: number, length: number): number {
  let n = 0
  for (let i = from; i < from + length; i++) {
    const d = digitAt(s, i)
    if (d < 0) return -1
    n = n * 10 + d
  }
  return n
}

export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false
  for (let i = 0; i < s.length; i++) if (digitAt(s, i) < 0) return false
  return true
}

/** Space, tab, NBSP, `-` and `.`: what people put between digit groups of a number. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 45 || c === 46
}

/**
 * Digits of an identifier typed with group separators (`5171 0123 4567 0001`, `160-1234-5678`).
 * Returns the input itself when it is already all digits, and null when another character appears.
 */
export function digitsOnly(input: string): string | null {
  if (isAllDigits(input)) return input
  let out = ''
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    if (c >= 48 && c <= 57) out += input[i]
    else if (!isSeparator(c)) return null
  }
  return out
}
