// The commander program: each command lives in commands/ and registers itself; heavy modules load lazily.
import { Command, CommanderError } from 'commander';
import { ExitCode } from '../common/errors.js';
import type { UiLauncher } from '../app/ui-launch.js';
import { packageVersion } from '../common/package-info.js';
import { sanitizeForTerminal } from '../common/sanitize.js';
import { commandRegistrars } from './commands/index.js';
import { configureOutput, writeJson } from './output.js';
import { argvWantsJson, wantsJson } from './shared-options.js';

export function buildProgram(launchUi: UiLauncher): Command {
  const program = new Command('kube-sbom')
    .description('Download, verify, parse, explore and export the Kubernetes release SBOM;\n' + 'verify release binaries and images like cosign, in-process.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Exit codes: 0 all good; 1 a check failed; 2 usage error; 3 could not run (network, file system, missing input).
With --json exactly one JSON document goes to stdout, on failure {"error": {code, message, exitCode}};
progress and warnings go to stderr (--quiet silences them; errors are always printed).

Examples:
  kube-sbom                                   open the interactive UI
  kube-sbom inspect release.spdx --json       parse any SPDX document (tag-value, JSON, YAML, XML, RDF/XML)
  kube-sbom validate release.spdx             check it against the SPDX spec strictly (exit 1 on errors)`,
    );
  program.exitOverride();
  // Set before the commands exist so that they inherit it: commander echoes arguments, which may hold escapes.
  program.configureOutput({ writeErr: (text) => process.stderr.write(sanitizeForTerminal(text)) });
  program.hook('preAction', (_program, action) => {
    const opts = action.opts();
    configureOutput({ json: wantsJson(opts), quiet: opts.quiet === true });
  });
  for (const register of commandRegistrars) register(program, launchUi);
  return program;
}

/** Parses argv and maps commander's own errors onto the exit-code contract (usage errors are 2). */
export async function main(argv: string[], launchUi: UiLauncher): Promise<void> {
  const program = buildProgram(launchUi);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      const benign = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
      process.exitCode = benign ? ExitCode.OK : ExitCode.USAGE;
      // Commander has said it on stderr already; a --json run still gets its one JSON document.
      if (!benign && argvWantsJson(argv.slice(2))) writeJson({ error: commanderErrorReport(err) });
      return;
    }
    throw err;
  }
}

/** `commander.unknownOption` -> UNKNOWN_OPTION, and the message without commander's `error: ` prefix. */
function commanderErrorReport(err: CommanderError) {
  const code = err.code
    .replace(/^commander\./, '')
    .replace(/[A-Z]/g, (c) => `_${c}`)
    .toUpperCase();
  return { code, message: err.message.replace(/^error: /, ''), exitCode: ExitCode.USAGE };
}
