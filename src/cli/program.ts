import { Command } from 'commander'
import { commandModules } from './commands/index.js'

/** The command named on the line (skipping the global `--data-dir DIR`), if it is one of ours. */
function requestedCommand(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--data-dir') i++
    else if (!arg.startsWith('-')) return arg in commandModules ? arg : undefined
  }
  return undefined
}

/** The `semesta` command line: every command lives in src/cli/commands/ and registers itself here. */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
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
  const only = requestedCommand(argv)
  const names = only ? [only] : Object.keys(commandModules)
  for (const name of names) (await (commandModules[name] as () => Promise<{ register: (p: Command) => void }>)()).register(program)
  return program
}

