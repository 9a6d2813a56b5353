import { DomainError } from '../../../kernel/errors.js'
import type { Lang, NotificationRules, RuleName } from './rules.js'

/** Values a message may carry: amounts, months, dates, numbers and codes; never a NIK or a name (checked). */
export type MessageParams = Readonly<Record<string, string | number>>

const NAMEISH = /^(name|nama|nik)$/i

/** Fills `{placeholders}` of the rule's template in `lang`; a missing value is an error, not an empty gap. */
export function renderMessage(rules: NotificationRules, rule: RuleName, lang: Lang, params: MessageParams): string {
  for (const key of Object.keys(params)) if (NAMEISH.test(key)) throw new DomainError('invalid_input', `a message may not carry ${key}`, { field: key })
  return rules.templates[rule][lang].replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key]
    if (v === undefined) throw new DomainError('missing_field', `template ${rule} needs {${key}}`, { field: key })
    return String(v)
  })
}
