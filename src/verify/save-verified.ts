// Writes verified files into -o DIR: every file goes to a temp name first and is renamed only when all are copied,
// so a failure leaves nothing half-written (and nothing at all is written unless every check passed).
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ioError } from '../common/errors.js';

export interface FileToSave {
  /** Name in the output folder. */
  name: string;
  /** Where the verified bytes are now. */
  path: string;
}

export async function saveVerifiedFiles(outDir: string, files: FileToSave[]): Promise<string[]> {
  const tag = randomBytes(6).toString('hex');
  const staged: { temp: string; final: string }[] = [];
  try {
    await mkdir(outDir, { recursive: true });
    for (const file of files) {
      const final = join(outDir, file.name);
      const temp = join(outDir, `.${file.name}.${tag}.tmp`);
      staged.push({ temp, final });
      await copyFile(file.path, temp);
    }
    for (const { temp, final } of staged) await rename(temp, final);
    return staged.map((s) => s.final);
  } catch (err) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw ioError('OUTPUT_WRITE_FAILED', `cannot write the verified files to ${outDir}: ${(err as Error).message}`, err);
  }
}
