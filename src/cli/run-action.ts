// Every command's action goes through here: one exit code, one line on stderr per failure, no stack traces.
import { ExitCode } from '../common/errors.js';
import { writeError } from './output.js';

export type ActionResult = number | void;

/** Runs a command body and turns its outcome into process.exitCode (errors as JSON too when --json was asked). */
export async function runAction(body: () => Promise<ActionResult>): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? ExitCode.OK;
  } catch (err) {
    process.exitCode = writeError(err);
  }
}
