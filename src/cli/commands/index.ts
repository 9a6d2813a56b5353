import type { Command } from 'commander'

/** Each command module exports a `register(program)`; add it to this list. */
export const commands: Array<(program: Command) => void> = []
