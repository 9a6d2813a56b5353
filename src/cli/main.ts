import { Command } from 'commander'
import { commands } from './commands/index.js'

/** The `semesta` command line: every command lives in src/cli/commands/ and registers itself here. */
export function buildProgram(): Command {
  const program = new Command('semesta')
    .description('Semesta — cakupan semesta Jamsostek untuk Kanwil Banuspa (Bali, Nusa Tenggara, Papua)')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./data, or SEMESTA_DATA_DIR)')
    .showHelpAfterError()
    .exitOverride((err) => {
      // commander's own usage errors (unknown flag, missing argument) are bad input: exit 1
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0)
      process.exit(1)
    })
  program.hook('preAction', (thisCommand) => {
    const dataDir = thisCommand.opts().dataDir as string | undefined
    if (dataDir) process.env.SEMESTA_DATA_DIR = dataDir
  })
  for (const register of commands) register(program)
  return program
}

await buildProgram().parseAsync(process.argv)
