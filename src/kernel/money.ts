/** Money is integer rupiah; rates and factors are integer parts per million (1% = 10,000 ppm). */
export const PPM = 1_000_000

function assertWholeNonNegative(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`)
  }
}

/**
 * base × rate, rounded once to whole rupiah, half up: floor((base × ppm + 500,000) / 10^6).
 * This is Semesta's documented rounding choice (regulations.md "Units in Semesta"; BPJS TK publishes none).
 * Falls back to BigInt when the product would pass Number.MAX_SAFE_INTEGER (large contract values).
 */
export function applyRateppm(baseIdr: number, rateppm: number): number {
  assertWholeNonNegative(baseIdr, 'baseIdr')
  assertWholeNonNegative(rateppm, 'rateppm')
  const product = baseIdr * rateppm
  if (Number.isSafeInteger(product + PPM / 2)) {
    return Math.floor((product + PPM / 2) / PPM)
  }
  const exact = (BigInt(baseIdr) * BigInt(rateppm) + BigInt(PPM / 2)) / BigInt(PPM)
  return Number(exact)
}

/** A share of an already rounded line (PP 49/2020, PP 50/2025 state discounts as a share of the normal contribution). */
export function applyFactorppm(lineIdr: number, factorppm: number): number {
  return applyRateppm(lineIdr, factorppm)
}

/** Sum of whole-rupiah amounts. */
export function sumIdr(amounts: readonly number[]): number {
  let total = 0
  for (const amount of amounts) total += amount
  return total
}

/** `Rp16.800`: Indonesian grouping with dots, no space (DESIGN.md §5). */
export function formatRupiah(amountIdr: number): string {
  const sign = amountIdr < 0 ? '-' : ''
  const digits = Math.abs(Math.trunc(amountIdr)).toString()
  return `${sign}Rp${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`
}
