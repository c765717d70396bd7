// `kube-sbom images` through the compiled program, against the documented grep|cut|sed pipeline as an oracle.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { realdata, realdataMissing, runCli } from '../helpers/cli.js';
import { toSpdxJson } from '../k8s/spdx-json-writer.js';

// The pipeline from the Kubernetes documentation, run by a real shell on the real file.
const PIPELINE = `grep "SPDXID: SPDXRef-Package-registry.k8s.io" "$1" | grep -v sha256 | cut -d- -f3- | sed 's/-/\\//' | sed 's/-v1/:v1/'`;
function pipeline(file: string): string[] {
  const out = execFileSync('sh', ['-c', `${PIPELINE} || true`, 'sh', file], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}
const sorted = (lines: string[]) => [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const lines = (stdout: string) => stdout.split('\n').filter(Boolean);

describe.skipIf(realdataMissing)('images on the real release SBOMs', () => {
  const v125 = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
  const v123 = realdata('k8s', 'release-sbom', 'kubernetes-v1.23.1-release.spdx');
  const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-images-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('v1.25.4: prints exactly the 25 lines the documented pipeline prints, sorted', async () => {
    const expected = sorted(pipeline(v125));
    expect(expected).toHaveLength(25);
    const { stdout, stderr, code } = await runCli(['images', v125, '--format', 'txt']);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout)).toEqual(expected);
  });

  it('v1.23.1: prints the 25 k8s.gcr.io references (which the registry.k8s.io pipeline cannot find)', async () => {
    expect(pipeline(v123)).toEqual([]);
    const { stdout, code } = await runCli(['images', v123]);
    expect(code).toBe(0);
    const got = lines(stdout);
    expect(got).toHaveLength(25);
    expect(got).toContain('k8s.gcr.io/kube-apiserver-amd64:v1.23.1');
    expect(
      got.every((l) => /^k8s\.gcr\.io\/(conformance|kube-(apiserver|controller-manager|proxy|scheduler))-(amd64|arm|arm64|ppc64le|s390x):v1\.23\.1$/.test(l)),
    ).toBe(true);
  });

  it('a v2.0.0 release: the pipeline loses the tag separator, kube-sbom does not', async () => {
    const file = join(dir, 'v2.spdx');
    writeFileSync(file, readFileSync(v125, 'utf8').replaceAll('v1.25.4', 'v2.0.0'));
    const expected = sorted(pipeline(v125)).map((l) => l.replace(':v1.25.4', ':v2.0.0'));
    expect(pipeline(file)).not.toEqual(expect.arrayContaining(expected));
    expect(pipeline(file)).toContain('registry.k8s.io/kube-apiserver-amd64-v2.0.0');
    const { stdout, code } = await runCli(['images', file]);
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual(sorted(expected));
  });

  it('an image whose name contains -v1: the pipeline splits at the wrong place, kube-sbom does not', async () => {
    const file = join(dir, 'v1-in-name.spdx');
    writeFileSync(file, readFileSync(v125, 'utf8').replaceAll('kube-scheduler', 'kube-scheduler-v1beta'));
    expect(pipeline(file)).toContain('registry.k8s.io/kube-scheduler:v1beta-amd64-v1.25.4');
    const expected = sorted(pipeline(v125).map((l) => l.replace('kube-scheduler', 'kube-scheduler-v1beta')));
    const { stdout, code } = await runCli(['images', file]);
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual(expected);
    expect(lines(stdout)).toContain('registry.k8s.io/kube-scheduler-v1beta-amd64:v1.25.4');
  });

  it('the same document converted to JSON: the pipeline finds nothing, kube-sbom the same 25 images', async () => {
    const file = join(dir, 'release.spdx.json');
    writeFileSync(file, toSpdxJson(parseSbom(readFileSync(v125), { fileName: v125 }).document));
    expect(pipeline(file)).toEqual([]);
    const { stdout, code } = await runCli(['images', file]);
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual(sorted(pipeline(v125)));
  });

  it('filters by --arch and --name and writes JSON, CSV and YAML with layers and archive checksums', async () => {
    const json = await runCli(['images', v125, '--arch', 'arm64', '--name', 'kube-*', '--format', 'json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.releaseVersion).toBe('v1.25.4');
    expect(doc.images.map((i: { reference: string }) => i.reference)).toEqual([
      'registry.k8s.io/kube-apiserver-arm64:v1.25.4',
      'registry.k8s.io/kube-controller-manager-arm64:v1.25.4',
      'registry.k8s.io/kube-proxy-arm64:v1.25.4',
      'registry.k8s.io/kube-scheduler-arm64:v1.25.4',
    ]);
    const proxy = doc.images[2];
    expect(proxy.layers).toHaveLength(2);
    expect(proxy.layers[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(proxy.archiveChecksums.map((c: { algorithm: string }) => c.algorithm)).toEqual(['SHA1', 'SHA256', 'SHA512']);
    expect(readFileSync(v125, 'utf8')).toContain(`PackageChecksum: SHA256: ${proxy.archiveChecksums[1].value}`);

    const csv = await runCli(['images', v125, '--arch', 'amd64', '--format', 'csv']);
    const rows = csv.stdout.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('reference,pinned,registry,repository,tag,architecture,os,digest,kind,layers,archiveSha256,spdxId');
    expect(rows).toHaveLength(6);
    const yaml = await runCli(['images', v125, '--arch', 's390x', '--format', 'yaml']);
    expect(yaml.stdout).toContain('- reference: registry.k8s.io/conformance-s390x:v1.25.4');
    const none = await runCli(['images', v125, '--arch', 'riscv64']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('kube-sbom: warning: none of the 25 images match --arch/--name (architectures: amd64, arm, arm64, ppc64le, s390x)\n');
    const md = await runCli(['images', v125, '--format', 'md']);
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| `registry.k8s.io/'))).toHaveLength(25);
  });

  it('-o writes the file atomically and prints nothing; an unwritable target fails with exit 3 and leaves nothing', async () => {
    const out = join(dir, 'images.txt');
    const ok = await runCli(['images', v125, '-o', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(lines(readFileSync(out, 'utf8'))).toHaveLength(25);
    const bad = await runCli(['images', v125, '-o', join(dir, 'no-such-dir', 'images.txt')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/no such file.*\[FILE_NOT_FOUND\]/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('--diff v1.23.1 against v1.25.4 pairs images across the registry move and reports layer and checksum changes', async () => {
    const { stdout, code } = await runCli(['images', v123, '--diff', v125, '--json']);
    expect(code).toBe(0);
    const diff = JSON.parse(stdout);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toHaveLength(25);
    const apiserver = diff.changed.find((c: { key: string }) => c.key === 'kube-apiserver-amd64 amd64');
    expect(apiserver.changes[0]).toBe('reference k8s.gcr.io/kube-apiserver-amd64:v1.23.1 -> registry.k8s.io/kube-apiserver-amd64:v1.25.4');
    expect(apiserver.layersAdded.length).toBeGreaterThan(0);
    const same = await runCli(['images', v125, '--diff', v125]);
    expect(same.stdout.trimEnd().split('\n').pop()).toBe('0 added, 0 removed, 0 changed, 25 unchanged');
  });

  it('a release with an image dropped and one archive rebuilt: --diff names both', async () => {
    const text = readFileSync(v125, 'utf8');
    const file = join(dir, 'changed.spdx');
    // Remove the arm kube-proxy image's DESCRIBES and CONTAINS relationships (so its layers are no longer contained).
    const dropped = text
      .split('\n')
      .filter((l) => !l.startsWith('Relationship: SPDXRef-Package-registry.k8s.io-kube-proxy-arm-v1.25.4 CONTAINS'))
      .join('\n');
    const m =
      /SPDXID: SPDXRef-Package-registry.k8s.io-kube-apiserver-amd64-v1.25.4\nPackageChecksum: SHA1: [0-9a-f]+\nPackageChecksum: SHA256: ([0-9a-f]{64})/.exec(
        dropped,
      )!;
    writeFileSync(file, dropped.replace(m[1]!, '0'.repeat(64)));
    const { stdout, code } = await runCli(['images', v125, '--diff', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('- registry.k8s.io/kube-proxy-arm:v1.25.4');
    expect(stdout).toContain(`~ registry.k8s.io/kube-apiserver-amd64:v1.25.4\n    archive SHA256 ${m[1]} -> ${'0'.repeat(64)}`);
    expect(stdout.trimEnd().split('\n').pop()).toBe('0 added, 1 removed, 1 changed, 23 unchanged');
  });
});

describe.skipIf(realdataMissing)('images on bom image SBOMs (pkg:oci purls)', () => {
  const sboms = realdata('k8s', 'bom-image-sbom');
  it('registry.k8s.io pause: the purl digest comes out as a digest-pinned reference', async () => {
    const { stdout, code } = await runCli(['images', join(sboms, 'registry.k8s.io-pause.bom.spdx')]);
    expect(code).toBe(0);
    expect(stdout).toBe('registry.k8s.io/pause@sha256:a78c2d6208eff9b672de43f880093100050983047b7b0afe0217d3656e1b0d5f\n');
  });
  it('nginx (index + 8 platforms), in tag-value and JSON generations, every line digest-pinned', async () => {
    for (const name of ['nginx.spdx', 'nginx.bom-devel.spdx.json']) {
      const { stdout, code } = await runCli(['images', join(sboms, name)]);
      expect(code).toBe(0);
      const got = lines(stdout);
      expect(got).toHaveLength(9);
      expect(
        got.every((l) => /^index\.docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/.test(l)),
        got.join('\n'),
      ).toBe(true);
    }
    const amd64 = await runCli(['images', join(sboms, 'nginx.spdx'), '--arch', 'amd64', '--json']);
    const [image] = JSON.parse(amd64.stdout).images;
    expect(image).toMatchObject({
      kind: 'platform',
      architecture: 'amd64',
      digest: 'sha256:1a763cbd30ef4dbc7f8e3fa2e6670fd726f4bddb0ef58868a243c0cb8b35cde1',
      layerDigestKind: 'blob',
    });
    expect(image.layers).toHaveLength(6);
  });
  it('apko image SBOMs (registry inside the purl name, an index named by digest) and an older bom etcd SBOM', async () => {
    const apko = await runCli(['images', join(sboms, 'apko-images.spdx.json')]);
    expect(lines(apko.stdout)).toEqual([
      '172.19.0.1:5000/apko-test@sha256:38692af7edf0ffdb93792734e74b16d7711b4d6a91c0ecae1b390ea0b5a80c6e',
      '172.19.0.1:5000/apko-test@sha256:f44417ca5eae5c4832baf4f977a12d8492bca835cdf07d44c9db210409b1ba38',
    ]);
    const index = await runCli(['images', join(sboms, 'apko-index-external-references.spdx.json'), '--json']);
    expect(JSON.parse(index.stdout).images).toMatchObject([
      { kind: 'index', pinned: '172.19.0.1:5000/test-nosbom2@sha256:af1c5f9673f78aa7a575d627cd8a210bf6a895b0065f719a098dc035eee55a58' },
    ]);
    const etcd = await runCli(['images', join(sboms, 'etcd-v3.4.16.spdx'), '--json']);
    expect(JSON.parse(etcd.stdout).images).toMatchObject([{ reference: 'quay.io/coreos/etcd:v3.4.16', kind: 'archive', layerDigestKind: 'blob' }]);
  });

  it('--keep-tag is refused without --pin (exit 2)', async () => {
    const { code, stderr } = await runCli(['images', join(sboms, 'nginx.spdx'), '--keep-tag']);
    expect(code).toBe(2);
    expect(stderr).toContain('[OPTION_INVALID]');
  });
});

describe('images: bad input', () => {
  it('a missing file is exit 3, a non-SPDX file exit 1', async () => {
    const missing = await runCli(['images', '/nonexistent/release.spdx']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('[FILE_NOT_FOUND]');
    const dir = mkdtempSync(join(tmpdir(), 'kube-sbom-images-bad-'));
    try {
      const junk = join(dir, 'junk.txt');
      writeFileSync(junk, 'hello, not an SBOM\n');
      const bad = await runCli(['images', junk]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('[SBOM_UNREADABLE]');
      expect(bad.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(existsSync('/nonexistent')).toBe(false);
  });
});
