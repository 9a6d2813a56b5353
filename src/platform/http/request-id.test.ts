import { describe, expect, it } from 'vitest'
import { requestIdFrom } from './request-id.js'

const generate = () => 'generated'

describe('requestIdFrom', () => {
  it('keeps a sane incoming id', () => {
    expect(requestIdFrom('abc-123_X.y:z=', generate)).toBe('abc-123_X.y:z=')
    expect(requestIdFrom(['first', 'second'], generate)).toBe('first')
  })
  it('replaces a missing, empty, too long or oddly built id', () => {
    expect(requestIdFrom(undefined, generate)).toBe('generated')
    expect(requestIdFrom('', generate)).toBe('generated')
    expect(requestIdFrom('a'.repeat(129), generate)).toBe('generated')
    expect(requestIdFrom('abc\ninjected', generate)).toBe('generated')
    expect(requestIdFrom('<script>', generate)).toBe('generated')
  })
})
