// kube-sbom verify-image as users run it: stdout, stderr, exit codes, against a real docker-registry.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage, pushLegacySignatures } from '../helpers/registry-push.js';
import { CLUSTER_API_DIGEST, CLUSTER_API_DIR, PUBLIC_GOOD_ROOT, pushRealClusterApiSignature } from '../helpers/registry-realdata.js';

describe.skipIf(registryMissing)('kube-sbom verify-image', () => {
  let registry: TestRegistry;
  let dir: string;
  let rootFile: string;
  let signedDigest: string;

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-vi-'));
    rootFile = join(dir, 'trusted_root.json');
    await writeFile(rootFile, (await getTestPki()).trustedRootText);
    const image = makeImage();
    signedDigest = await pushImage({ url: registry.url }, 'team/app', image, 'v1');
    await pushLegacySignatures({ url: registry.url }, 'team/app', signedDigest, [await signImageLegacy(`${registry.host}/team/app`, signedDigest)]);
    await pushImage({ url: registry.url }, 'team/unsigned', makeImage(), 'v1');
    if (!realdataMissing) await pushRealClusterApiSignature(registry.url);
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints the cosign payload array on stdout and the checks on stderr (exit 0)', async () => {
    const r = await runCli(['verify-image', `${registry.host}/team/app:v1`, '--trusted-root', rootFile]);
    expect(r.code).toBe(0);
    const payloads = JSON.parse(r.stdout);
    expect(payloads[0].critical.image['docker-manifest-digest']).toBe(signedDigest);
    expect(r.stderr).toContain(`Verification for ${registry.host}/team/app@${signedDigest} --`);
    expect(r.stderr).toMatch(/pass\s+identity/);
  });

  it('--output text prints the digest-pinned reference', async () => {
    const r = await runCli(['verify-image', `${registry.host}/team/app:v1`, '--trusted-root', rootFile, '--output', 'text']);
    expect(r).toMatchObject({ code: 0, stdout: `${registry.host}/team/app@${signedDigest}\n` });
  });

  it('--json prints one document and exit 1 when one of two images is unsigned', async () => {
    const r = await runCli(['verify-image', `${registry.host}/team/app:v1`, `${registry.host}/team/unsigned:v1`, '--trusted-root', rootFile, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.verified).toBe(false);
    expect(doc.images.map((i: { code: string }) => i.code)).toEqual(['OK', 'NO_SIGNATURES']);
  });

  it('fails for a signer other than the one asked for (exit 1, IDENTITY_MISMATCH)', async () => {
    const r = await runCli([
      'verify-image',
      `${registry.host}/team/app:v1`,
      '--trusted-root',
      rootFile,
      '--certificate-identity',
      'krel-staging@k8s-releng-prod.iam.gserviceaccount.com',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[IDENTITY_MISMATCH]');
  });

  it('exit 2 for a bad reference or flags, exit 3 when the registry cannot be reached', async () => {
    expect((await runCli(['verify-image', 'Not A Ref', '--trusted-root', rootFile])).code).toBe(2);
    expect(
      (await runCli(['verify-image', `${registry.host}/a:v1`, '--certificate-identity', 'x', '--certificate-identity-regexp', 'y', '--trusted-root', rootFile]))
        .code,
    ).toBe(2);
    const r = await runCli(['verify-image', '127.0.0.1:1/team/app:v1', '--trusted-root', rootFile]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[REGISTRY_UNREACHABLE]');
  });

  it.skipIf(realdataMissing)('verifies the real registry.k8s.io signature and prints what cosign printed', async () => {
    const r = await runCli([
      'verify-image',
      `${registry.host}/cluster-api/cluster-api-controller@${CLUSTER_API_DIGEST}`,
      '--trusted-root',
      realdata(PUBLIC_GOOD_ROOT),
    ]);
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(realdata(CLUSTER_API_DIR, 'cosign-verify-output.json'), 'utf8'));
    expect(r.stdout).toBe(`${JSON.stringify(expected)}\n`);
  });
});
