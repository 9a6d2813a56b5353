import { describe, expect, it } from 'vitest'
import en from './en.json'
import id from './id.json'

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('the translations', () => {
  it('have the same keys in Bahasa Indonesia and English', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort())
  })

  it('leave no text empty', () => {
    const empty = (tree: object): boolean =>
      Object.values(tree).some((value) => (typeof value === 'object' && value !== null ? empty(value as object) : value === ''))
    expect(empty(id)).toBe(false)
    expect(empty(en)).toBe(false)
  })
})
