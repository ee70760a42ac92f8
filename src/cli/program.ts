// The `facts` command line: a fresh commander program per run, and runCli() that returns an exit code.
import { Command, CommanderError } from 'commander';
import { terminalSafe } from '../report/escape.js';
import { checkCommand } from './commands/check.js';
import { extractCommand } from './commands/extract.js';
import { mergeCommand } from './commands/merge.js';
import { schemaCommand } from './commands/schema.js';
import { UsageError } from './errors.js';
import { type CliIo, EXIT } from './io.js';
import { VERSION } from './version.js';

export function createProgram(io: CliIo, onExit: (code: number) => void): Command {
  const program = new Command('facts')
    .description('Extract the facts several news articles state, merge them, and flag where the sources disagree.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(oneLineError(s)),
    });
  for (const cmd of [extractCommand(io, onExit), checkCommand(io, onExit), mergeCommand(io, onExit), schemaCommand(io, onExit)]) {
    // Commands built apart inherit nothing: give them the parent's exitOverride, output streams and help option.
    program.addCommand(cmd.copyInheritedSettings(program));
  }
  return program;
}

/**
 * Commander's error as one line in the CLI's own style: "error: unknown option '--formt'\n(Did you mean --format?)"
 * becomes "facts: unknown option '--formt' (did you mean --format?)".
 */
export function oneLineError(message: string): string {
  let text = message.trim().replace(/^error:\s*/, '');
  text = text.replace(/\s*\(Did you mean (.+?)\?\)$/, ' (did you mean $1?)');
  if (/^unknown option\b/.test(text) && !text.includes('did you mean')) text += ' (see --help for the options)';
  return `facts: ${terminalSafe(text.replace(/\s*\n\s*/g, ' '))}\n`;
}

/** Runs the CLI and returns its exit code; never throws, never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.OK;
  const program = createProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr(`facts: ${terminalSafe(e.message)}\n`);
      return EXIT.USAGE;
    }
    io.stderr(`facts: internal error: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT.USAGE;
  }
}
