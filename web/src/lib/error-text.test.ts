import { describe, expect, it } from 'vitest'
import { ApiError } from './api'
import { errorText } from './error-text'

const t = (key: string) => `[${key}]`

describe('the text shown for an error', () => {
  it("uses the app's own words for sign-in, access, rate-limit and network errors", () => {
    expect(errorText(new ApiError(401, 'unauthenticated', 'invalid credentials'), t)).toBe('[errors.unauthenticated]')
    expect(errorText(new ApiError(0, 'network', 'Failed to fetch'), t)).toBe('[errors.network]')
    expect(errorText(new ApiError(429, 'rate_limited', 'slow down'), t)).toBe('[errors.rate_limited]')
  })

  it("shows the server's message for a specific error", () => {
    expect(errorText(new ApiError(400, 'invalid_input', 'Bulan harus YYYY-MM'), t)).toBe('Bulan harus YYYY-MM')
  })

  it('shows the message of any other error, or a generic one', () => {
    expect(errorText(new Error('unknown_figure: JP cap 2031'), t)).toBe('unknown_figure: JP cap 2031')
    expect(errorText('???', t)).toBe('[errors.internal]')
  })
})
