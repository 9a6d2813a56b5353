import { describe, expect, it } from 'vitest'
import en from './en.json'
import id from './id.json'

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)]

describe('the agent app locales', () => {
  it('have the same keys in Bahasa Indonesia and English', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort())
  })

  it('have no empty string', () => {
    for (const locale of [id, en]) expect(keys(locale).filter((k) => !k.split('.').reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], locale))).toEqual([])
  })
})
