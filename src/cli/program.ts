// The commander program: each command lives in commands/ and registers itself; heavy modules load lazily.
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../common/package-info.js';
import { commandRegistrars } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('kube-sbom')
    .description('Download, verify, parse, explore and export the Kubernetes release SBOM;\n' + 'verify release binaries and images like cosign, in-process.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Exit codes: 0 all good; 1 a check failed; 2 usage error; 3 could not run (network, file system, missing input).
With --json exactly one JSON document goes to stdout; progress and warnings go to stderr.

Examples:
  kube-sbom                                   open the interactive UI
  kube-sbom inspect release.spdx --json       parse any SPDX document (tag-value, JSON, YAML, XML, RDF/XML)
  kube-sbom validate release.spdx             check it against the SPDX spec strictly (exit 1 on errors)`,
    );
  program.exitOverride();
  for (const register of commandRegistrars) register(program);
  return program;
}

/** Parses argv and maps commander's own errors onto the exit-code contract (usage errors are 2). */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      const benign = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
      process.exitCode = benign ? 0 : 2;
      return;
    }
    throw err;
  }
}
