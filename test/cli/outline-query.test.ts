// `kube-sbom outline` and `kube-sbom query` through the compiled program.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliPath, realdata, realdataMissing, runCli } from '../helpers/cli.js';

const EXAMPLES = [
  'SPDXTagExample-v2.3.spdx',
  'SPDXJSONExample-v2.3.spdx.json',
  'SPDXYAMLExample-2.3.spdx.yaml',
  'SPDXXMLExample-v2.3.spdx.xml',
  'SPDXRdfExample-v2.3.spdx.rdf.xml',
];

describe.skipIf(realdataMissing)('outline', () => {
  const example = (name: string) => realdata('spdx', 'official', '2.3', name);

  it('prints the same tree for the 2.3 example in all five formats, on every run', async () => {
    const outputs = await Promise.all([...EXAMPLES, EXAMPLES[0]!].map((n) => runCli(['outline', example(n)])));
    for (const o of outputs) {
      expect(o.code, o.stderr).toBe(0);
      expect(o.stdout).toBe(outputs[0]!.stdout);
    }
    expect(outputs[0]!.stdout.split('\n')[0]).toBe('document SPDX-Tools-v2.0 (SPDXRef-DOCUMENT)');
  });

  it('--json prints one JSON document; --depth limits it', async () => {
    const { stdout, code } = await runCli(['outline', example(EXAMPLES[1]!), '--json', '--depth', '1']);
    expect(code).toBe(0);
    const tree = JSON.parse(stdout);
    expect(tree.root.id).toBe('SPDXRef-DOCUMENT');
    expect(tree.root.children.every((c: { children: unknown[] }) => c.children.length === 0)).toBe(true);
    expect(tree.root.children.some((c: { omitted?: number }) => (c.omitted ?? 0) > 0)).toBe(true);
  });

  it('on the release SBOM: every image under DESCRIBES with its layers and external GENERATED_FROM', async () => {
    const { stdout, code } = await runCli(['outline', realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx'), '--depth', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('├─ DESCRIBES package kube-apiserver.tar (SPDXRef-Package-registry.k8s.io-kube-apiserver-amd64-v1.25.4)');
    expect(stdout).toContain('│  └─ GENERATED_FROM external DocumentRef-kubernetes-v1.25.4:SPDXRef-Package-kubernetes');
    expect(stdout.match(/GENERATED_FROM external/g)).toHaveLength(25);
  });

  it('stops quietly when the reader closes early (| head)', () => {
    const big = realdata('k8s', 'bom-image-sbom', 'nginx.spdx');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cliPath}" outline "$1" | head -1; exit "\${PIPESTATUS:-0}"`, 'sh', big], { encoding: 'utf8' });
    expect(r.stdout).toBe('document SBOM-SPDX-c6d8b3cc-b41b-4ce9-9e5f-ce24616b7fbe (SPDXRef-DOCUMENT)\n');
    expect(r.stderr).toBe('');
  });

  it('rejects a bad --depth with exit 2', async () => {
    const { code, stderr } = await runCli(['outline', example(EXAMPLES[0]!), '--depth', 'deep']);
    expect(code).toBe(2);
    expect(stderr).toContain('[OPTION_INVALID]');
  });
});

describe.skipIf(realdataMissing)('query', () => {
  const v125 = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');

  it('finds the image archives of the release SBOM, tab-separated by default', async () => {
    const { stdout, code } = await runCli(['query', v125, 'type:package name:\\.tar$ rel:GENERATED_FROM']);
    expect(code).toBe(0);
    const rows = stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
    expect(rows).toHaveLength(25);
    expect(rows[0]).toEqual(['package', 'SPDXRef-Package-registry.k8s.io-conformance-amd64-v1.25.4', 'conformance-amd64.tar', '']);
  });

  it('checksum: finds a file by a prefix of its SHA-512, CSV with chosen fields', async () => {
    const { stdout, code } = await runCli(['query', v125, 'checksum:sha512:f9ac3f10edac', '--format', 'csv', '--fields', 'type,name']);
    expect(code).toBe(0);
    expect(stdout).toBe('type,name\r\nfile,bin/linux/arm/kube-aggregator\r\n');
  });

  it('--json: one document with the count, also when nothing matches', async () => {
    const { stdout, code } = await runCli(['query', v125, 'name:^nothing-like-this$', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ query: 'name:^nothing-like-this$', count: 0, fields: ['type', 'spdxId', 'name', 'version'], results: [] });
  });

  it('a bad expression is exit 2 with the column; a bad --fields too', async () => {
    const bad = await runCli(['query', v125, 'type:package sizr:5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'kube-sbom: query "type:package sizr:5": unknown field "sizr" (fields: name, purl, type, rel, depth, checksum, license) at column 14 [QUERY_SYNTAX]\n',
    );
    const fields = await runCli(['query', v125, 'type:file', '--fields', 'name,colour']);
    expect(fields.code).toBe(2);
    expect(fields.stderr).toContain('--fields: unknown colour');
  });
});
