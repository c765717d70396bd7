// kube-sbom check on a cluster's pod list against a real local docker-registry: 500 running containers naming 50
// distinct signed images (10 pods each) against 50 containers naming the same 50, with a release ClusterImagePolicy.
// Each distinct image should be verified (and each tag resolved) once: the registry requests are counted through a
// proxy, and the 500-container run should cost about what the 50-container run does.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../helpers/cli.js';
import { getTestPki, GOOGLE_ISSUER, K8S_IMAGE_IDENTITY } from '../helpers/pki/index.js';
import { registryMissing, startRegistry } from '../helpers/registry.js';
import { startProxy } from '../helpers/registry-proxy.js';
import { pushSignedRelease } from '../helpers/registry-sbom.js';
import { measure, type BenchRow, type BenchSuite } from './harness.js';

const NAMES = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy', 'etcd', 'pause', 'coredns', 'metrics', 'dns', 'conformance'];
const ARCHES = ['amd64', 'arm', 'arm64', 'ppc64le', 's390x'];
const VERSION = 'v1.99.0';

function runCommand(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`check exited ${code}: ${stderr.trim()}`))));
  });
}

function podList(images: { repository: string; digest: string }[], copies: number): string {
  const items = images.flatMap((image, i) =>
    Array.from({ length: copies }, (_, copy) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${image.repository}-${copy}`, namespace: `ns-${i % 7}` },
      spec: { containers: [{ name: 'main', image: `registry.k8s.io/${image.repository}:${VERSION}` }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'main',
            image: `registry.k8s.io/${image.repository}:${VERSION}`,
            imageID: `registry.k8s.io/${image.repository}@${image.digest}`,
            ready: true,
          },
        ],
      },
    })),
  );
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } });
}

const suite: BenchSuite = {
  title: 'check on kubectl get pods -o json: 500 running containers naming 50 signed images vs 50 containers, local docker-registry',
  async run(): Promise<BenchRow[]> {
    if (registryMissing) return [{ case: 'skipped', medianMs: 0, runs: 0, note: registryMissing }];
    const registry = await startRegistry();
    const proxy = await startProxy(registry.url);
    const dir = await mkdtemp(join(tmpdir(), 'kube-sbom-bench-check-'));
    try {
      const release = await pushSignedRelease({ url: registry.url }, VERSION, NAMES, ARCHES);
      const images = release.images.map((i) => ({ repository: i.repository, digest: i.image.digest }));
      const root = join(dir, 'trusted_root.json');
      await writeFile(root, (await getTestPki()).trustedRootText);
      const policy = join(dir, 'cip.yaml');
      await writeFile(
        policy,
        `apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata: {name: release}\nspec:\n  images: [{glob: "registry.k8s.io/**"}]\n  authorities:\n    - keyless:\n        identities: [{issuer: "${GOOGLE_ISSUER}", subject: "${K8S_IMAGE_IDENTITY}"}]\n`,
      );
      const few = join(dir, 'pods-50.json');
      const many = join(dir, 'pods-500.json');
      await writeFile(few, podList(images, 1));
      await writeFile(many, podList(images, 10));
      const check = (pods: string) => () =>
        runCommand(['check', pods, '--policy', policy, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${proxy.host}`]);
      const requests = async (pods: string) => {
        proxy.seen.length = 0;
        await check(pods)();
        return proxy.seen.length;
      };
      const fewRequests = await requests(few);
      const manyRequests = await requests(many);
      // Baseline: the same 50 images verified alone (verify-images of the SBOM listing them, layers included).
      const sbom = join(dir, 'release.spdx');
      await writeFile(sbom, release.sbom);
      const alone = await measure(() => runCommand(['verify-images', sbom, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${registry.host}`]), {
        runs: 5,
        warmup: 1,
      });
      const fewTime = await measure(check(few), { runs: 5, warmup: 1 });
      const manyTime = await measure(check(many), { runs: 5, warmup: 1 });
      const ratio = manyTime.medianMs / fewTime.medianMs;
      return [
        { case: 'baseline: verify-images of the same 50 images', medianMs: alone.medianMs, runs: alone.runs, note: 'layers checked against the SBOM too' },
        {
          case: '50 containers, 50 images',
          medianMs: fewTime.medianMs,
          runs: fewTime.runs,
          note: `${fewRequests} registry requests (${(fewRequests / 50).toFixed(1)} per image); ${(fewTime.medianMs / alone.medianMs).toFixed(2)}x verify-images`,
        },
        {
          case: '500 containers, the same 50 images',
          medianMs: manyTime.medianMs,
          runs: manyTime.runs,
          target: 'each image once',
          note: `${manyRequests} registry requests (${manyRequests === fewRequests ? 'same as 50: each image once' : `${manyRequests - fewRequests} more than 50`}); ${ratio.toFixed(2)}x the 50-container run, ${(manyTime.medianMs / alone.medianMs).toFixed(2)}x verify-images`,
        },
      ];
    } finally {
      await proxy.close();
      await registry.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
