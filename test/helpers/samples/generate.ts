// npm run samples: writes samples/, the offline demo: a made-up release mirror (sbom/ and dl/ shaped like
// sbom.k8s.io and dl.k8s.io) signed by a DEMO trust root, its Rekor entries, and an OCI layout of signed images.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishSigned } from '../release-fixture.js';
import { getTestPki, signBlob, type SignOptions } from '../pki/index.js';
import { writeDemoImages } from './demo-images.js';
import { DEMO_ARCHIVES, DEMO_BINARIES, DEMO_VERSION, demoArchive, demoBinary, demoSbom } from './demo-release.js';

export const DEMO_PKI = 'kube-sbom-demo';
export const DEMO_RELEASE_IDENTITY = 'release-signer@demo.kube-sbom.example';
export const DEMO_IMAGE_IDENTITY = 'image-signer@demo.kube-sbom.example';
export const DEMO_ISSUER = 'https://issuer.demo.kube-sbom.example';

const README = `# samples/: the offline demo (made-up data)

Written by \`npm run samples\` (test/helpers/samples/generate.ts); \`npm start\` opens the UI on it.
Nothing here is a real Kubernetes artifact: the release ${DEMO_VERSION}, its SBOM, binaries and images are made up,
and every signature is made by a DEMO trust root (trusted_root.json) that exists only for this demo.

- sbom/${DEMO_VERSION}/release (+ .sha256 .sha512 .sig .cert .rekor.json): shaped like https://sbom.k8s.io
- dl/release/: marker files, signed binaries and archives (kubernetes-*.tar.gz), shaped like https://dl.k8s.io
- rekor/: the Rekor entries of every signature, by artifact hash (by-hash/) and UUID (entries/): the demo's
  Rekor, read offline as a file:// folder
- images/: an OCI image layout holding the images with cosign signatures (kube-scheduler-arm64 is left unsigned)
- demo.json: where the pieces are, and the demo signer identities
`;

export async function generateSamples(root: string): Promise<void> {
  for (const part of ['sbom', 'dl', 'rekor', 'images']) await rm(join(root, part), { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const pki = await getTestPki(DEMO_PKI);
  const blobSign: SignOptions = { pki, identity: DEMO_RELEASE_IDENTITY, issuer: DEMO_ISSUER };
  const images = await writeDemoImages(join(root, 'images'), { pki, identity: DEMO_IMAGE_IDENTITY, issuer: DEMO_ISSUER });
  const sbom = Buffer.from(demoSbom(images));
  const sbomPath = join('sbom', DEMO_VERSION, 'release');
  await publishSigned(root, sbomPath, sbom, blobSign);
  const signed = await signBlob(sbom, blobSign);
  await writeFile(join(root, `${sbomPath}.rekor.json`), `${JSON.stringify(signed.rekorEntry)}\n`);
  for (const path of DEMO_BINARIES) await publishSigned(root, join('dl', 'release', DEMO_VERSION, path), demoBinary(path), blobSign);
  for (const name of Object.keys(DEMO_ARCHIVES)) await publishSigned(root, join('dl', 'release', DEMO_VERSION, name), demoArchive(name), blobSign);
  for (const marker of ['stable', 'latest', 'stable-1.99', 'latest-1.99']) await writeFile(join(root, 'dl', 'release', `${marker}.txt`), DEMO_VERSION);
  await writeFile(join(root, 'trusted_root.json'), pki.trustedRootText);
  const manifest = {
    version: DEMO_VERSION,
    sbom: 'sbom',
    dl: 'dl',
    trustedRoot: 'trusted_root.json',
    rekorEntry: `${sbomPath}.rekor.json`,
    rekor: 'rekor',
    ociLayout: 'images',
    releaseIdentity: DEMO_RELEASE_IDENTITY,
    imageIdentity: DEMO_IMAGE_IDENTITY,
    issuer: DEMO_ISSUER,
  };
  await writeFile(join(root, 'demo.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(root, 'README.md'), README);
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // dist/test/helpers/samples -> project root is four levels up (three from the sources).
  const root = process.argv[2] ?? resolve(here, ...(here.includes(`${'/'}dist${'/'}`) ? ['..', '..', '..', '..'] : ['..', '..', '..']), 'samples');
  generateSamples(resolve(root)).then(
    () => console.error(`kube-sbom: wrote the offline demo to ${root}`),
    (err: unknown) => {
      console.error(`kube-sbom: could not write the samples: ${(err as Error).message}`);
      process.exitCode = 3;
    },
  );
}
