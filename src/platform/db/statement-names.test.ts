import { describe, expect, it } from 'vitest'
import { StatementNames } from './statement-names.js'

describe('StatementNames', () => {
  it('names a text the third time it is seen, and keeps that name', () => {
    const names = new StatementNames()
    const text = 'select * from participants where kpj = $1'
    expect(names.nameOf(text)).toBeUndefined()
    expect(names.nameOf(text)).toBeUndefined()
    const name = names.nameOf(text)
    expect(name).toMatch(/^semesta_\d+$/)
    expect(names.nameOf(text)).toBe(name)
    expect(names.nameOf('select 1 where $1::int = 1')).toBeUndefined()
  })

  it('gives different texts different names', () => {
    const names = new StatementNames({ names: 10, tracked: 10, maxLength: 100, seenBeforeNaming: 0 })
    expect(names.nameOf('select $1')).not.toBe(names.nameOf('select $1::int'))
  })

  it('is bounded: no name past the limit, none for long texts, no tracking past its limit', () => {
    const names = new StatementNames({ names: 2, tracked: 3, maxLength: 20, seenBeforeNaming: 1 })
    for (const t of ['a $1', 'b $1', 'c $1']) names.nameOf(t)
    expect(names.nameOf('d $1')).toBeUndefined()
    expect(names.nameOf('d $1')).toBeUndefined() // 'd' was not tracked: the table of seen texts was full
    expect(names.nameOf('a $1')).toBe('semesta_1')
    expect(names.nameOf('b $1')).toBe('semesta_2')
    expect(names.nameOf('c $1')).toBeUndefined() // the table of names is full
    expect(names.nameOf('x'.repeat(21))).toBeUndefined()
    expect(names.size).toBe(2)
  })
})
