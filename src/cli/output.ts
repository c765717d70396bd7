// The one way a command speaks: JSON and text on stdout, warnings and progress on stderr, errors on both with --json.
import { ExitCode, KubeSbomError } from '../common/errors.js';
import { toJsonText } from '../common/json-text.js';
import { sanitizeForTerminal, sanitizeLine } from '../common/sanitize.js';

export interface OutputSettings {
  /** The run promised one JSON document on stdout (--json or --format json). */
  json: boolean;
  /** --quiet: no progress and no warnings on stderr; errors are always printed. */
  quiet: boolean;
}

const settings: OutputSettings = { json: false, quiet: false };

export function configureOutput(next: Partial<OutputSettings>): void {
  Object.assign(settings, next);
}

export function outputSettings(): Readonly<OutputSettings> {
  return settings;
}

// A reader that closes early (`| head`) ends the run quietly: main.ts handles EPIPE for both streams.
function writeStdout(text: string): boolean {
  return process.stdout.write(text);
}

/** One JSON document on stdout, controls escaped; compact puts it on one line (a stream of documents). */
export function writeJson(value: unknown, options: { compact?: boolean } = {}): void {
  writeStdout(toJsonText(value, options.compact ? 0 : 2));
}

/** Text for people: escape sequences removed, other controls shown escaped; tabs and newlines kept. */
export function writeText(text: string): void {
  writeStdout(sanitizeForTerminal(text));
}

/** Output a writer in src/export made safe itself (CSV cells, YAML and JSON escapes), byte for byte. */
export function writeSerialized(text: string): void {
  writeStdout(text);
}

const CHUNK_CHARS = 1 << 16;

/** Like writeSerialized for output too big for one string: written as produced, waiting while the reader is behind. */
export async function writeSerializedChunks(chunks: Iterable<string>): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length < CHUNK_CHARS) continue;
    const flushed = writeStdout(pending);
    pending = '';
    if (!flushed) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  if (pending) writeStdout(pending);
}

/** A line on stderr for people: the report of a check as it runs; never suppressed. */
export function writeReport(text: string): void {
  process.stderr.write(sanitizeForTerminal(text));
}

/** `kube-sbom: MESSAGE` on stderr, on one line; a failure, never suppressed. */
export function writeErrorLine(message: string): void {
  process.stderr.write(`kube-sbom: ${sanitizeLine(message)}\n`);
}

export function warn(message: string): void {
  if (!settings.quiet) process.stderr.write(`kube-sbom: warning: ${sanitizeLine(message)}\n`);
}

/** Progress (bars, stage lines, live status) only on a terminal and only without --quiet. */
export function progressAllowed(stream: NodeJS.WriteStream = process.stderr): boolean {
  return stream.isTTY === true && !settings.quiet;
}

export interface ErrorReport {
  code: string;
  message: string;
  exitCode: number;
}

/** What went wrong, as a code, a message and the exit code the contract gives it. */
export function describeError(err: unknown): ErrorReport {
  if (err instanceof KubeSbomError) return { code: err.code, message: err.message, exitCode: err.exitCode };
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ERR_STRING_TOO_LONG' || err instanceof RangeError) {
    return { code: 'INPUT_TOO_LARGE', message: `input too large to process (${(err as Error).message})`, exitCode: ExitCode.CANNOT_RUN };
  }
  const message = `internal error: ${(err as Error)?.message ?? String(err)} (set KUBE_SBOM_DEBUG=1 for details)`;
  return { code: 'INTERNAL_ERROR', message, exitCode: ExitCode.CANNOT_RUN };
}

/** One line on stderr always; with --json also {"error": {code, message, exitCode}} on stdout. Returns the exit code. */
export function writeError(err: unknown, options: { json?: boolean } = {}): number {
  const report = describeError(err);
  const known = err instanceof KubeSbomError;
  writeErrorLine(known ? `${report.message} [${report.code}]` : report.message);
  if (process.env.KUBE_SBOM_DEBUG && (!known || err.cause)) console.error(known ? err.cause : err);
  if (options.json ?? settings.json) writeJson({ error: report });
  return report.exitCode;
}
