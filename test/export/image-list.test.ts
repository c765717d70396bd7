import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ContainerImage } from '../../src/k8s/image-types.js';
import { diffImages } from '../../src/k8s/image-diff.js';
import { csvField, toCsv } from '../../src/export/csv.js';
import { diffToCsv, diffToText } from '../../src/export/image-diff-report.js';
import { imagesToCsv, imagesToJson, imagesToTxt } from '../../src/export/image-list.js';
import { imagesToYaml, renderImageList } from '../../src/export/image-list-yaml.js';
import { pinnedReference } from '../../src/export/pinned.js';
import { imagesToMarkdown } from '../../src/export/image-report.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const image = (over: Partial<ContainerImage>): ContainerImage => ({
  reference: 'registry.k8s.io/kube-proxy-amd64:v1.25.4',
  registry: 'registry.k8s.io',
  repository: 'kube-proxy-amd64',
  tag: 'v1.25.4',
  architecture: 'amd64',
  kind: 'archive',
  layers: [D('1')],
  layerDigestKind: 'diff-id',
  archiveChecksums: [{ algorithm: 'SHA256', value: 'a'.repeat(64) }],
  spdxId: 'SPDXRef-Package-registry.k8s.io-kube-proxy-amd64-v1.25.4',
  ...over,
});
const proxy = image({});
const pause = image({
  reference: 'registry.k8s.io/pause@' + D('9'),
  repository: 'pause',
  tag: undefined,
  digest: D('9'),
  kind: 'platform',
  archiveChecksums: [],
  layers: [],
  spdxId: 'SPDXRef-pause',
});
const apiserver = image({ reference: 'registry.k8s.io/kube-apiserver-amd64:v1.25.4', repository: 'kube-apiserver-amd64', spdxId: 'SPDXRef-api' });

describe('csv', () => {
  it('quotes fields with commas, quotes, CR or LF, doubling quotes (RFC 4180), CRLF line ends', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
    expect(csvField('red\u001b[31m text\u0007')).toBe('red text\\x07');
  });
});

describe('digest-pinned references', () => {
  it('drops the tag unless asked to keep it; none without a digest', () => {
    expect(pinnedReference(proxy, { digest: D('5') })).toBe(`registry.k8s.io/kube-proxy-amd64@${D('5')}`);
    expect(pinnedReference(proxy, { digest: D('5'), keepTag: true })).toBe(`registry.k8s.io/kube-proxy-amd64:v1.25.4@${D('5')}`);
    expect(pinnedReference(proxy)).toBeUndefined();
  });
});

describe('image list writers', () => {
  const list = [proxy, pause, apiserver, proxy];
  it('txt: one line per reference, sorted, no duplicates, digest-pinned where a digest is known', () => {
    expect(imagesToTxt(list)).toBe(`registry.k8s.io/kube-apiserver-amd64:v1.25.4\nregistry.k8s.io/kube-proxy-amd64:v1.25.4\nregistry.k8s.io/pause@${D('9')}\n`);
    const resolved = new Map([[proxy.reference, D('7')]]);
    expect(imagesToTxt([proxy], { resolvedDigests: resolved, keepTag: true })).toBe(`registry.k8s.io/kube-proxy-amd64:v1.25.4@${D('7')}\n`);
  });
  it('json and yaml carry the same records', () => {
    const json = JSON.parse(imagesToJson([proxy, pause], { source: 'x.spdx', releaseVersion: 'v1.25.4' }));
    expect(json).toMatchObject({ source: 'x.spdx', releaseVersion: 'v1.25.4', count: 2 });
    expect(json.images[1]).toEqual({
      reference: `registry.k8s.io/pause@${D('9')}`,
      pinned: `registry.k8s.io/pause@${D('9')}`,
      registry: 'registry.k8s.io',
      repository: 'pause',
      architecture: 'amd64',
      digest: D('9'),
      kind: 'platform',
      layers: [],
      layerDigestKind: 'diff-id',
      archiveChecksums: [],
      spdxId: 'SPDXRef-pause',
    });
    expect(parseYaml(imagesToYaml([proxy, pause], { source: 'x.spdx', releaseVersion: 'v1.25.4' }))).toEqual(json);
    expect(renderImageList('yaml', [proxy])).toBe(imagesToYaml([proxy]));
    expect(renderImageList('txt', [proxy])).toBe(imagesToTxt([proxy]));
  });
  it('csv: a header and one row per image', () => {
    const rows = imagesToCsv([proxy]).split('\r\n');
    expect(rows[1]).toBe(
      `registry.k8s.io/kube-proxy-amd64:v1.25.4,,registry.k8s.io,kube-proxy-amd64,v1.25.4,amd64,,,archive,${D('1')},${'a'.repeat(64)},SPDXRef-Package-registry.k8s.io-kube-proxy-amd64-v1.25.4`,
    );
  });
});

describe('markdown report', () => {
  it('summarises by architecture and lists each image once, with short digests and escaped cells', () => {
    const md = imagesToMarkdown([proxy, pause, image({ reference: 'r/a|b:1', registry: 'r', repository: 'a|b', architecture: 'arm64', spdxId: 'z' })], {
      releaseVersion: 'v1.25.4',
    });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Images of Kubernetes v1.25.4');
    expect(lines).toContain('3 image(s); by architecture: amd64 2, arm64 1.');
    expect(lines).toContain(`| \`registry.k8s.io/kube-proxy-amd64:v1.25.4\` | amd64 |  | 1 | \`${'a'.repeat(12)}\` |`);
    expect(lines).toContain(`| \`registry.k8s.io/pause@${D('9')}\` | amd64 | \`sha256:${'9'.repeat(12)}\` | 0 |  |`);
    expect(md).toContain('`r/a\\|b:1`');
  });
});

describe('image diff and its report', () => {
  it('pairs images by repository and platform, and lists what changed', () => {
    const before = [proxy, apiserver, pause];
    const after = [
      image({
        reference: 'registry.k8s.io/kube-proxy-amd64:v1.26.0',
        tag: 'v1.26.0',
        layers: [D('1'), D('2')],
        archiveChecksums: [{ algorithm: 'SHA256', value: 'b'.repeat(64) }],
      }),
      image({ reference: 'registry.k8s.io/kubectl-amd64:v1.26.0', repository: 'kubectl-amd64', spdxId: 'k' }),
      pause,
    ];
    const diff = diffImages(before, after);
    expect(diff.added.map((i) => i.repository)).toEqual(['kubectl-amd64']);
    expect(diff.removed.map((i) => i.repository)).toEqual(['kube-apiserver-amd64']);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed[0]!.changes).toEqual([
      'reference registry.k8s.io/kube-proxy-amd64:v1.25.4 -> registry.k8s.io/kube-proxy-amd64:v1.26.0',
      `archive SHA256 ${'a'.repeat(64)} -> ${'b'.repeat(64)}`,
      'layers +1 -0',
    ]);
    const text = diffToText(diff, { before: 'v1.25.4', after: 'v1.26.0' });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '--- v1.25.4',
      '+++ v1.26.0',
      '- registry.k8s.io/kube-apiserver-amd64:v1.25.4',
      '+ registry.k8s.io/kubectl-amd64:v1.26.0',
    ]);
    expect(text.trimEnd().split('\n').pop()).toBe('1 added, 1 removed, 1 changed, 1 unchanged');
    expect(diffToCsv(diff).split('\r\n')[0]).toBe('change,before,after,details');
  });
});
