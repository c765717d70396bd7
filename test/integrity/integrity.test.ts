import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigest, digestBytes, digestFile, digestStream, digestsEqual, expectedDigest, parseChecksumFile } from '../../src/integrity/index.js';

const sha = (alg: string, data: Uint8Array) => createHash(alg).update(data).digest('hex');

describe('streaming digests', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-integrity-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('computes SHA-256 and SHA-512 of a file in one pass, matching one-shot hashes', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const path = join(dir, 'blob');
    await writeFile(path, data);
    const small = await digestFile(path, { chunkSize: 4096 });
    const big = await digestFile(path);
    expect(small).toEqual({ sha256: sha('sha256', data), sha512: sha('sha512', data), size: data.length });
    expect(big).toEqual(small);
  });

  it('hashes streams chunk by chunk and the empty input', async () => {
    const parts = [Buffer.from('hello '), Buffer.from('world')];
    const d = await digestStream(Readable.from(parts));
    expect(d.sha256).toBe(sha('sha256', Buffer.from('hello world')));
    expect(digestBytes('').sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('constant-time compare', () => {
  const d = sha('sha256', Buffer.from('x'));
  it('matches equal digests regardless of case, refuses others', () => {
    expect(digestsEqual(d, d.toUpperCase())).toBe(true);
    expect(digestsEqual(d, d.slice(0, -1) + (d.endsWith('0') ? '1' : '0'))).toBe(false);
    expect(digestsEqual(d, d.slice(0, 62))).toBe(false);
    expect(digestsEqual('', '')).toBe(false);
    expect(digestsEqual('zz', 'zz')).toBe(false);
  });
  it('reports a per-algorithm code on mismatch', () => {
    expect(checkDigest('sha512', 'aa', 'bb').code).toBe('DIGEST_MISMATCH_SHA512');
    expect(checkDigest('sha256', 'aa', 'bb').code).toBe('DIGEST_MISMATCH_SHA256');
    expect(checkDigest('sha256', d, d)).toEqual({ algorithm: 'sha256', ok: true, expected: d, actual: d });
  });
});

describe('checksum files', () => {
  const h = 'ab'.repeat(32);
  it('reads a bare digest with or without a trailing newline', () => {
    expect(expectedDigest(h, 'sha256')).toBe(h);
    expect(expectedDigest(`${h.toUpperCase()}\n`, 'sha256')).toBe(h);
    expect(expectedDigest(`${h}\r\n`, 'sha256')).toBe(h);
  });
  it('reads sha256sum text and binary lines and picks the named entry', () => {
    const other = 'cd'.repeat(32);
    const text = `${other}  bin/linux/amd64/kubelet\n${h} *bin/linux/amd64/kubectl\n`;
    expect(parseChecksumFile(text, 'sha256')).toEqual([
      { digest: other, name: 'bin/linux/amd64/kubelet', binaryMode: false },
      { digest: h, name: 'bin/linux/amd64/kubectl', binaryMode: true },
    ]);
    expect(expectedDigest(text, 'sha256', 'kubectl')).toBe(h);
    expect(() => expectedDigest(text, 'sha256', 'kubeadm')).toThrow(expect.objectContaining({ code: 'CHECKSUM_FILE_AMBIGUOUS' }));
  });
  it('refuses a digest of the wrong length or non-hex content, and an empty file', () => {
    expect(() => expectedDigest(h, 'sha512', undefined, 'release.sha512')).toThrow(
      expect.objectContaining({ code: 'CHECKSUM_FILE_INVALID', message: expect.stringContaining('release.sha512:1') }),
    );
    expect(() => expectedDigest('<html>not found</html>', 'sha256')).toThrow(expect.objectContaining({ code: 'CHECKSUM_FILE_INVALID' }));
    expect(() => expectedDigest('\n\n', 'sha256')).toThrow(expect.objectContaining({ code: 'CHECKSUM_FILE_EMPTY' }));
  });
});
