// pin on the files last session left out: a CRLF manifest (its diff must apply with patch -p1, CRs raw at line ends
// only) and images given by a YAML alias (pinned at the anchor when every use is an image field, else reported).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { getTestPki, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { makeImage, pushImage, pushLegacySignatures } from '../helpers/registry-push.js';

describe.skipIf(registryMissing)('kube-sbom pin: CRLF files and YAML aliases', () => {
  let registry: TestRegistry;
  let dir: string;
  let root: string;
  let pause = '';
  let etcd = '';

  beforeAll(async () => {
    registry = await startRegistry();
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-pin-crlf-'));
    root = join(dir, 'trusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    const target = { url: registry.url };
    for (const [repo, tag] of [
      ['pause', '3.9'],
      ['etcd', '3.5.12-0'],
    ] as const) {
      const digest = await pushImage(target, repo, makeImage(), tag);
      await pushLegacySignatures(target, repo, digest, [await signImageLegacy(`registry.k8s.io/${repo}`, digest)]);
      if (repo === 'pause') pause = digest;
      else etcd = digest;
    }
  }, 60_000);
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const pin = (args: string[], cwd = dir) => runCli(['pin', ...args, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${registry.host}`], { cwd });

  it('the diff of a CRLF file keeps its CRs at line ends, applies with patch -p1 and gives the bytes --write gives', async () => {
    const text = [
      '# static Pod written on Windows',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: etcd}',
      'spec:',
      '  containers:',
      '  - name: etcd',
      '    image: registry.k8s.io/etcd:3.5.12-0',
      '    command: ["etcd"]',
      '',
    ].join('\r\n');
    await mkdir(join(dir, 'crlf', 'w'), { recursive: true });
    await writeFile(join(dir, 'crlf', 'pod.yaml'), text);
    await writeFile(join(dir, 'crlf', 'w', 'pod.yaml'), text);
    const r = await pin(['crlf/pod.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`-    image: registry.k8s.io/etcd:3.5.12-0\r\n+    image: registry.k8s.io/etcd@${etcd}\r\n`);
    expect(r.stdout).not.toContain('\\x0d');
    const written = await pin(['crlf/w/pod.yaml', '--write']);
    expect(written.code, written.stderr).toBe(0);
    const applied = spawnSync('patch', ['-p1', '--forward', '--batch'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    const patched = await readFile(join(dir, 'crlf', 'pod.yaml'), 'utf8');
    expect(patched).toBe(text.replace('etcd:3.5.12-0', `etcd@${etcd}`));
    expect(patched).toBe(await readFile(join(dir, 'crlf', 'w', 'pod.yaml'), 'utf8'));
  });

  it('only a CR before LF is left raw: a lone CR and other control characters in the diff are still shown escaped', async () => {
    const text = 'kind: Pod\r\nspec:\r\n  containers:\r\n  - name: p # bell\u0007 and a lone\rCR\r\n    image: registry.k8s.io/pause:3.9\r\n';
    await writeFile(join(dir, 'controls.yaml'), text);
    const r = await pin(['controls.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(' # bell\\x07 and a lone\\x0dCR\r\n');
    expect(r.stdout).toContain(`+    image: registry.k8s.io/pause@${pause}\r\n`);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('an image given by an alias is pinned at its anchor when every use is an image field; --check then passes', async () => {
    const text = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agents}
spec:
  template:
    spec:
      initContainers:
      - name: warm
        image: &pause registry.k8s.io/pause:3.9   # the anchor
      containers:
      - name: a
        image: *pause
      - name: b
        image: *pause
`;
    const file = join(dir, 'alias.yaml');
    await writeFile(file, text);
    const r = await pin([file, '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(text.replace('&pause registry.k8s.io/pause:3.9', `&pause registry.k8s.io/pause@${pause}`));
    expect(r.stderr).toContain('3 image(s) in 1 file(s): 3 pinned to a verified digest (1 file(s) changed)');
    const check = await pin([file, '--check']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('an alias whose anchor is also used outside an image field is reported with the reason and nothing is changed', async () => {
    const text = `kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: &img registry.k8s.io/pause:3.9
    env:
    - {name: SELF, value: *img}
  - name: b
    image: *img
`;
    const file = join(dir, 'shared.yaml');
    await writeFile(file, text);
    const r = await pin([file, '--write']);
    expect(r.code).toBe(1);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(r.stderr).toContain(
      `${file}:6: not pinned: Pod p, container a: the image's anchor &img (line 6) is also used at line 8, which is not an image field; pinning it would change that value too`,
    );
    expect(r.stderr).toContain(`${file}:10: not pinned: Pod p, container b: the image's anchor &img (line 6)`);
    const check = await pin([file, '--check']);
    expect(check.code).toBe(1);
  });
});
