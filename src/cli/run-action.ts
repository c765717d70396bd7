// Every command's action goes through here: one exit code, one line on stderr per failure, no stack traces.
import { ExitCode, KubeSbomError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';

export type ActionResult = number | void;

export function printError(message: string): void {
  process.stderr.write(`kube-sbom: ${sanitizeLine(message)}\n`);
}

/** Runs a command body and turns its outcome into process.exitCode. */
export async function runAction(body: () => Promise<ActionResult>): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? ExitCode.OK;
  } catch (err) {
    process.exitCode = reportError(err);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof KubeSbomError) {
    printError(`${err.message} [${err.code}]`);
    if (process.env.KUBE_SBOM_DEBUG && err.cause) console.error(err.cause);
    return err.exitCode;
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ERR_STRING_TOO_LONG' || err instanceof RangeError) {
    printError(`input too large to process (${(err as Error).message})`);
    return ExitCode.CANNOT_RUN;
  }
  printError(`internal error: ${(err as Error)?.message ?? String(err)} (set KUBE_SBOM_DEBUG=1 for details)`);
  if (process.env.KUBE_SBOM_DEBUG) console.error(err);
  return ExitCode.CANNOT_RUN;
}
