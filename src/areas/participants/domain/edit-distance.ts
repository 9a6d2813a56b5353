/** Reused rows for short strings (names, tokens), so a comparison allocates nothing. */
const ROW_SIZE = 128
let rowA = new Int32Array(ROW_SIZE)
let rowB = new Int32Array(ROW_SIZE)
let rowC = new Int32Array(ROW_SIZE)

function ensureRows(size: number): void {
  if (size <= rowA.length) return
  rowA = new Int32Array(size)
  rowB = new Int32Array(size)
  rowC = new Int32Array(size)
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two adjacent
 * characters), stopping early: any distance above `max` is reported as `max + 1`.
 */
export function editDistanceAtMost(a: string, b: string, max: number): number {
  if (a === b) return 0
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (la === 0 || lb === 0) return Math.min(Math.max(la, lb), max + 1)
  ensureRows(lb + 1)
  let prev2 = rowA // row i-2
  let prev = rowB // row i-1
  let cur = rowC
  for (let j = 0; j <= lb; j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1)
      const cost = ca === cb ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2]! + 1)
      }
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const spare = prev2
    prev2 = prev
    prev = cur
    cur = spare
  }
  return Math.min(prev[lb]!, max + 1)
}
