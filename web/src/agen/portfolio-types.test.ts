import { describe, expect, it } from 'vitest'
import { contactLinks } from './portfolio-types'

describe('contactLinks', () => {
  it('makes tel: and wa.me links from +62, 62 and 0 forms', () => {
    for (const phone of ['+6281234567890', '6281234567890', '081234567890', '+62 812-3456-7890']) {
      expect(contactLinks(phone)).toEqual({ tel: 'tel:+6281234567890', whatsapp: 'https://wa.me/6281234567890' })
    }
  })

  it('offers no link without a usable number', () => {
    expect([contactLinks(null), contactLinks(''), contactLinks('12345')]).toEqual([null, null, null])
  })
})
