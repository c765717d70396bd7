// --sbom-bundle on verify-files and verify-binary, with the offline demo release in samples/: verify-sbom -o writes
// release.sigstore.json, and a copy of the release SBOM is then verified through that bundle alone (no Rekor entry
// for the SBOM, --offline); a bundle with one byte changed fails.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';

const samples = join(projectRoot, 'samples');
const VERSION = 'v1.99.0';
const kubectl = join(samples, 'dl', 'release', VERSION, 'bin', 'linux', 'amd64', 'kubectl');
const signer = ['--certificate-identity', 'release-signer@demo.kube-sbom.example', '--certificate-oidc-issuer', 'https://issuer.demo.kube-sbom.example'];

interface Report {
  verified: boolean;
  checks: { check: string; subject: string; status: string; code: string }[];
}

describe('--sbom-bundle on verify-files and verify-binary (demo release, offline)', { timeout: 60_000 }, () => {
  let work: string;
  let sbomUrl: string;
  let bundle: string;
  let node: string;
  let kubectlEntry: string;
  const common = () => [
    '--dl-url',
    pathToFileURL(join(samples, 'dl')).href,
    '--trusted-root',
    join(samples, 'trusted_root.json'),
    ...signer,
    '--offline',
    '--no-cache',
  ];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kube-sbom-sbom-bundle-demo-'));
    const out = join(work, 'carried', 'sbom', VERSION);
    const r = await runCli([
      'verify-sbom',
      VERSION,
      '--sbom-url',
      pathToFileURL(join(samples, 'sbom')).href,
      '--rekor-entry',
      join(samples, 'sbom', VERSION, 'release.rekor.json'),
      ...common(),
      '-o',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    sbomUrl = pathToFileURL(join(work, 'carried', 'sbom')).href;
    bundle = join(out, 'release.sigstore.json');
    node = join(work, 'node');
    await mkdir(node);
    await copyFile(kubectl, join(node, 'kubectl'));
    const hash = createHash('sha256')
      .update(await readFile(kubectl))
      .digest('hex');
    const [uuid] = JSON.parse(await readFile(join(samples, 'rekor', 'by-hash', `${hash}.json`), 'utf8')) as string[];
    kubectlEntry = join(samples, 'rekor', 'entries', `${uuid}.json`);
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  const verifyBinary = (sbomBundle: string) =>
    runCli([
      ...['verify-binary', 'kubectl', '--version', VERSION, '--os', 'linux', '--arch', 'amd64', '--file', join(node, 'kubectl')],
      ...['--sbom-url', sbomUrl, '--sbom-bundle', sbomBundle, '--rekor-entry', kubectlEntry, ...common(), '--json'],
    ]);

  it('verify-files --release and verify-binary verify the SBOM copy through its bundle, offline', async () => {
    const files = await runCli(['verify-files', node, '--release', VERSION, '--sbom-url', sbomUrl, '--sbom-bundle', bundle, ...common(), '--json']);
    expect(files.code, files.stderr).toBe(0);
    expect(JSON.parse(files.stdout)).toMatchObject({ ok: true, sbom: { verified: true } });

    const binary = await verifyBinary(bundle);
    expect(binary.code, binary.stderr).toBe(0);
    const report = JSON.parse(binary.stdout) as Report;
    expect(report.checks.filter((c) => c.subject === 'release').map((c) => `${c.check} ${c.status}`)).toContain('signature pass');

    // Without the bundle or an entry for the SBOM there is nothing to prove its signature's time offline.
    const bare = await runCli(['verify-files', node, '--release', VERSION, '--sbom-url', sbomUrl, ...common()]);
    expect(bare.code).toBe(3);
    expect(bare.stderr).toContain('--sbom-bundle FILE');
  });

  it('a bundle with one byte changed fails the SBOM signature (exit 1)', async () => {
    const json = JSON.parse(await readFile(bundle, 'utf8')) as { verificationMaterial: { tlogEntries: Array<{ integratedTime: string }> } };
    // Not the signature (that is BUNDLE_MISMATCH): the logged time, which the log's promise covers.
    const entry = json.verificationMaterial.tlogEntries[0]!;
    entry.integratedTime = String(Number(entry.integratedTime) + 1);
    const changed = join(work, 'changed.sigstore.json');
    await writeFile(changed, JSON.stringify(json));
    const r = await verifyBinary(changed);
    expect(r.code, r.stderr).toBe(1);
    const sbomSignature = (JSON.parse(r.stdout) as Report).checks.find((c) => c.subject === 'release' && c.check === 'signature')!;
    expect(sbomSignature).toMatchObject({ status: 'fail', code: 'TLOG_SET_INVALID' });
  });

  it('--sbom-bundle needs a --release download, and is one or the other with --sbom-rekor-entry (exit 2)', async () => {
    const file = await runCli(['verify-files', node, '--sbom', join(samples, 'sbom', VERSION, 'release'), '--sbom-bundle', bundle]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('--sbom-bundle is for a --release download');
    const both = await runCli([
      'verify-binary',
      'kubectl',
      '--sbom-bundle',
      bundle,
      '--sbom-rekor-entry',
      join(samples, 'sbom', VERSION, 'release.rekor.json'),
    ]);
    expect(both.code).toBe(2);
  });
});
