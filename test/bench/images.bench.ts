// verify-images against a real local docker-registry: 25 signed images (a release's worth: 5 images x 5 arches)
// at the default concurrency against 1 image. Target: 25 images take under 3x the time of one.
import { RemoteRegistry } from '../../src/registry/index.js';
import { parseTrustedRoot } from '../../src/sigstore/trusted-root.js';
import { DEFAULT_IMAGE_CONCURRENCY, verifyImages, type ImageToVerify } from '../../src/verify/verify-images.js';
import { GOOGLE_ISSUER, K8S_IMAGE_IDENTITY, getTestPki } from '../helpers/pki/index.js';
import { registryMissing, startRegistry } from '../helpers/registry.js';
import { startProxy } from '../helpers/registry-proxy.js';
import { pushSignedRelease } from '../helpers/registry-sbom.js';
import { measure, type BenchRow, type BenchSuite } from './harness.js';

const NAMES = ['conformance', 'kube-apiserver', 'kube-controller-manager', 'kube-proxy', 'kube-scheduler'];
const ARCHES = ['amd64', 'arm', 'arm64', 'ppc64le', 's390x'];

const suite: BenchSuite = {
  title: `verify-images: 25 signed images vs 1, local docker-registry, concurrency ${DEFAULT_IMAGE_CONCURRENCY}`,
  async run(): Promise<BenchRow[]> {
    if (registryMissing) return [{ case: 'skipped', medianMs: 0, runs: 0, note: registryMissing }];
    const registry = await startRegistry();
    try {
      const release = await pushSignedRelease({ url: registry.url }, 'v1.99.0', NAMES, ARCHES);
      const trustedRoot = parseTrustedRoot((await getTestPki()).trustedRootText, 'test PKI');
      const policy = { identity: K8S_IMAGE_IDENTITY, issuer: GOOGLE_ISSUER };
      const all: ImageToVerify[] = release.images.map((i) => ({
        reference: `registry.k8s.io/${i.repository}:v1.99.0`,
        platform: { os: 'linux', architecture: i.arch },
        layers: i.diffIds,
      }));
      const verifyAll = async (images: ImageToVerify[], host = registry.host) => {
        // A fresh client per run: no connection or token reuse across runs.
        const source = new RemoteRegistry({ mirrors: { 'registry.k8s.io': host } });
        const run = await verifyImages(images, { source, trustedRoot, policy, checkSbomLayers: true });
        if (!run.verified) throw new Error(`benchmark images did not verify: ${run.images.find((r) => !r.verified)?.code}`);
      };
      const one = await measure(() => verifyAll(all.slice(0, 1)), { runs: 9, warmup: 2 });
      const many = await measure(() => verifyAll(all), { runs: 7, warmup: 1 });
      const ratio = many.medianMs / one.medianMs;
      // The same through a proxy adding 30 ms per request, like a registry across a network.
      const far = await startProxy(registry.url, undefined, '127.0.0.1', 30);
      const oneFar = await measure(() => verifyAll(all.slice(0, 1), far.host), { runs: 5, warmup: 1 });
      const manyFar = await measure(() => verifyAll(all, far.host), { runs: 5, warmup: 1 });
      await far.close();
      // What one image costs in CPU alone: the ceiling on how far concurrency can help on this machine.
      const cpuStart = process.cpuUsage();
      await verifyAll(all);
      const cpu = process.cpuUsage(cpuStart);
      const cpuPerImage = (cpu.user + cpu.system) / 1000 / all.length;
      return [
        { case: 'verify 1 image (signature + SBOM layers)', medianMs: one.medianMs, runs: one.runs, note: `min ${one.minMs.toFixed(1)} max ${one.maxMs.toFixed(1)}` },
        {
          case: `verify 25 images, concurrency ${DEFAULT_IMAGE_CONCURRENCY}`,
          medianMs: many.medianMs,
          runs: many.runs,
          target: '< 3x one image',
          note: `${ratio.toFixed(2)}x one image; ${(many.medianMs / 25).toFixed(1)} ms per image; CPU ${cpuPerImage.toFixed(1)} ms per image in this process`,
        },
        { case: 'verify 1 image, +30 ms per request', medianMs: oneFar.medianMs, runs: oneFar.runs },
        {
          case: `verify 25 images, +30 ms per request, concurrency ${DEFAULT_IMAGE_CONCURRENCY}`,
          medianMs: manyFar.medianMs,
          runs: manyFar.runs,
          target: '< 3x one image',
          note: `${(manyFar.medianMs / oneFar.medianMs).toFixed(2)}x one image`,
        },
      ];
    } finally {
      await registry.stop();
    }
  },
};

export default suite;
