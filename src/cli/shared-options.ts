// The options every command spells the same way, declared once; commander builds each command's help from these.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { SbomFormat } from '../../parsers/model.js';

export const INPUT_FORMATS = [
  'tag-value',
  'json',
  'yaml',
  'xml',
  'rdf-xml',
  'cyclonedx-json',
  'cyclonedx-xml',
  'spdx3-json',
] as const satisfies readonly SbomFormat[];

export interface SharedOptions {
  /** `--input-format`: what the document is, when detection should be overridden. */
  inputFormat?: boolean;
  /** `--format` (what to print) with these choices; `--json` is then the same as `--format json`. */
  output?: { formats: readonly string[]; default: string };
  /** `--json` (default on). */
  json?: boolean;
  /** `--quiet` (default on; the UI has nothing to silence). */
  quiet?: boolean;
}

/** Adds the shared options a command takes, always in the same order and with the same words. */
export function addSharedOptions(cmd: Command, wanted: SharedOptions): Command {
  if (wanted.inputFormat) {
    cmd.addOption(new Option('--input-format <format>', 'read the document as this format instead of detecting it').choices(INPUT_FORMATS));
  }
  if (wanted.output) {
    const { formats } = wanted.output;
    cmd.addOption(
      new Option('--format <format>', 'what to print; --json is the same as --format json')
        .choices(formats)
        .argParser(outputFormatParser(formats))
        .default(wanted.output.default),
    );
  }
  if (wanted.json !== false) cmd.option('--json', 'print exactly one JSON document on stdout, errors included');
  cmd.option('--no-color', 'no colour in the output (NO_COLOR=1 does the same)');
  if (wanted.quiet !== false) cmd.option('-q, --quiet', 'no progress and no warnings on stderr (errors are still printed)');
  return cmd;
}

// `inspect --format tag-value` once meant the input; refusing it with a hint beats printing something else.
function outputFormatParser(formats: readonly string[]) {
  return (value: string): string => {
    if (formats.includes(value)) return value;
    const hint = (INPUT_FORMATS as readonly string[]).includes(value)
      ? ` ${value} is an input format: use --input-format ${value} (--format chooses the output: ${formats.join(', ')}).`
      : '';
    throw new InvalidArgumentError(`Allowed choices are ${formats.join(', ')}.${hint}`);
  };
}

/** Whether a run promised JSON on stdout, from its parsed options. */
export function wantsJson(opts: { json?: unknown; format?: unknown }): boolean {
  return opts.json === true || opts.format === 'json';
}

/** The same question asked of raw arguments, for errors commander finds before any option is parsed. */
export function argvWantsJson(args: readonly string[]): boolean {
  return args.some((arg, i) => arg === '--json' || arg === '--format=json' || (arg === '--format' && args[i + 1] === 'json'));
}
