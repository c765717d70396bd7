// The size-limited read both front ends use: refused before reading when too large, coded errors for what is not a file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentBytes, readDocumentInput } from '../../src/app/read-file.js';
import { KubeSbomError } from '../../src/common/errors.js';

describe('readDocumentBytes / readDocumentInput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-read-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads a file at the limit and refuses one byte more (exit 3, the limit in the message)', async () => {
    const atLimit = file('at-limit.spdx', 'x'.repeat(1024));
    const over = file('over.spdx', 'x'.repeat(1025));
    expect((await readDocumentBytes(atLimit, 1024)).byteLength).toBe(1024);
    for (const read of [readDocumentBytes, readDocumentInput]) {
      const err = await read(over, 1024).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KubeSbomError);
      expect(err).toMatchObject({ code: 'INPUT_TOO_LARGE', exitCode: 3 });
      expect((err as Error).message).toBe(`${over}: larger than the 1.0 KiB limit; raise --max-size if you trust the file`);
    }
  });

  it('names a missing file and a directory with their own codes', async () => {
    await expect(readDocumentBytes(join(dir, 'missing.spdx'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', exitCode: 3 });
    await expect(readDocumentBytes(dir)).rejects.toMatchObject({ code: 'IS_A_DIRECTORY' });
    await expect(readDocumentInput(dir)).rejects.toMatchObject({ code: 'IS_A_DIRECTORY' });
  });

  it('gives plain UTF-8 as text and anything else (UTF-16, binary) as bytes for the parser to decode', async () => {
    expect(await readDocumentInput(file('utf8.spdx', 'SPDXVersion: SPDX-2.3\n'))).toBe('SPDXVersion: SPDX-2.3\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('SPDXVersion: SPDX-2.3\n', 'utf16le')]);
    expect(await readDocumentInput(file('utf16.spdx', utf16))).toBeInstanceOf(Uint8Array);
    expect(await readDocumentInput(file('binary.bin', Buffer.from([0x53, 0x00, 0x01])))).toBeInstanceOf(Uint8Array);
  });
});
