// The offline demo release (samples/): `policy` writes the ClusterImagePolicy for the demo signer, and `check`
// audits a pod list of the demo's images from its OCI layout, with nothing but files: the signed images pass and
// are release images by layers, the unsigned kube-scheduler-arm64 is rejected.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../helpers/cli.js';

const samples = join(projectRoot, 'samples');

interface Demo {
  imageIdentity: string;
  issuer: string;
}

describe('check and policy on the demo release', () => {
  let dir: string;
  let demo: Demo;
  const digests = new Map<string, string>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-demo-check-'));
    demo = JSON.parse(await readFile(join(samples, 'demo.json'), 'utf8')) as Demo;
    const index = JSON.parse(await readFile(join(samples, 'images', 'index.json'), 'utf8')) as {
      manifests: { digest: string; annotations?: Record<string, string> }[];
    };
    for (const m of index.manifests) {
      const name = m.annotations?.['org.opencontainers.image.ref.name'];
      if (name?.endsWith(':v1.99.0')) digests.set(name, m.digest);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the written policy admits the signed demo images that run, and rejects the unsigned one', async () => {
    const cip = join(dir, 'demo-cip.yaml');
    const written = await runCli([
      'policy',
      join(samples, 'sbom', 'v1.99.0', 'release'),
      '--image-identity',
      demo.imageIdentity,
      '--image-issuer',
      demo.issuer,
      '--fulcio-url',
      'https://fulcio.kube-sbom-demo.kube-sbom.test',
      '--ctlog-url',
      'https://rekor.kube-sbom-demo.kube-sbom.test',
      '-o',
      cip,
    ]);
    expect(written.code, written.stderr).toBe(0);
    const container = (name: string) => {
      const image = `registry.k8s.io/${name}:v1.99.0`;
      return { name, image, imageID: `registry.k8s.io/${name}@${digests.get(image)!}` };
    };
    const items = ['kube-apiserver-amd64', 'kube-scheduler-arm64'].map((name) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'kube-system' },
      spec: { containers: [{ name: container(name).name, image: container(name).image }] },
      status: { phase: 'Running', containerStatuses: [{ ...container(name), ready: true, restartCount: 0 }] },
    }));
    const pods = join(dir, 'pods.json');
    await writeFile(pods, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
    const r = await runCli([
      'check',
      pods,
      '--policy',
      cip,
      '--oci-layout',
      join(samples, 'images'),
      '--trusted-root',
      join(samples, 'trusted_root.json'),
      '--sbom',
      join(samples, 'sbom', 'v1.99.0', 'release'),
      '--offline',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(1);
    const rows = (
      JSON.parse(r.stdout) as {
        pods: {
          container: string;
          verdict: string;
          drift: { status: string };
          release: { status: string };
          policy: { verdict: string; policies: { authorities: { code: string }[] }[] };
        }[];
      }
    ).pods;
    expect(rows.map((p) => [p.container, p.verdict, p.policy.verdict, p.drift.status, p.release.status])).toEqual([
      ['kube-apiserver-amd64', 'pass', 'pass', 'none', 'layers'],
      ['kube-scheduler-arm64', 'fail', 'fail', 'none', 'layers'],
    ]);
    expect(rows[1]!.policy.policies[0]!.authorities[0]!.code).toBe('NO_SIGNATURES');
  });
});
