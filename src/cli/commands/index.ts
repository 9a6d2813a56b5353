import type { Command } from 'commander'
import { register as registerBenefit } from './benefit.js'
import { register as registerMigrate } from './migrate.js'
import { register as registerQuote } from './quote.js'
import { register as registerStart } from './start.js'
import { register as registerUser } from './user.js'

/** Each command module exports a `register(program)`; add it to this list. */
export const commands: Array<(program: Command) => void> = [registerStart, registerMigrate, registerQuote, registerBenefit, registerUser]
