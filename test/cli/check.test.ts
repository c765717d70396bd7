// kube-sbom check against a real docker-registry: ClusterImagePolicies modelled on policy-controller's documentation
// (globs, keyless identities with regular expressions, key authorities, static authorities, warn and enforce, two
// matching policies, a TrustRoot by reference, a CUE policy) evaluated with the outcomes policy-controller would give.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { getTestPki, GOOGLE_ISSUER, K8S_IMAGE_IDENTITY, signBlobWithKey, signImageLegacy } from '../helpers/pki/index.js';
import { registryMissing, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { startProxy } from '../helpers/registry-proxy.js';
import { signImageWithKey } from '../helpers/registry-key-signatures.js';
import { makeImage, pushBundleReferrer, pushImage, pushLegacySignatures } from '../helpers/registry-push.js';
import { signImageBundle } from '../helpers/registry-signatures.js';

const GITHUB = 'https://token.actions.githubusercontent.com';

interface JsonImage {
  image: string;
  digest?: string;
  verdict: string;
  message: string;
  locations: { path: string; line: number }[];
  policies: {
    policy: string;
    passed: boolean;
    passedBy?: string;
    reason: string;
    authorities: { name: string; passed: boolean; code: string; reason: string }[];
  }[];
}

describe.skipIf(registryMissing)('kube-sbom check', () => {
  let registry: TestRegistry;
  let dir: string;
  let root: string;
  let untrustedRoot: string;
  let host: string;
  let keyPem: string;
  let otherKeyPem: string;
  const d = { apiserver: '', app: '', keyed: '', unsigned: '', cue: '', bundled: '' };

  beforeAll(async () => {
    registry = await startRegistry();
    host = registry.host;
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-check-'));
    root = join(dir, 'trusted_root.json');
    untrustedRoot = join(dir, 'untrusted_root.json');
    await writeFile(root, (await getTestPki()).trustedRootText);
    await writeFile(untrustedRoot, (await getTestPki('untrusted')).trustedRootText);
    const target = { url: registry.url };
    const keyless = async (repo: string, tag: string, registryName: string, identity: string, issuer: string) => {
      const digest = await pushImage(target, repo, makeImage({ layers: repo.length % 3 }), tag);
      await pushLegacySignatures(target, repo, digest, [await signImageLegacy(`${registryName}/${repo}`, digest, { identity, issuer })]);
      return digest;
    };
    d.apiserver = await keyless('kube-apiserver', 'v1.30.0', 'registry.k8s.io', K8S_IMAGE_IDENTITY, GOOGLE_ISSUER);
    d.app = await keyless('team/app', '1.0', host, 'https://github.com/org/app/.github/workflows/release.yaml@refs/heads/main', GITHUB);
    d.cue = await keyless('cue/img', '1', host, 'https://github.com/org/app/.github/workflows/release.yaml@refs/heads/main', GITHUB);
    d.keyed = await pushImage(target, 'team/keyed', makeImage({ layers: 2 }), '1.0');
    const keySigned = await signImageWithKey(`${host}/team/keyed`, d.keyed);
    await pushLegacySignatures(target, 'team/keyed', d.keyed, [keySigned]);
    keyPem = keySigned.publicKeyPem;
    otherKeyPem = (await signBlobWithKey(Buffer.from('x'), 'another-key')).publicKeyPem;
    d.unsigned = await pushImage(target, 'team/unsigned', makeImage({ layers: 3 }), '1.0');
    // cosign v3: a Sigstore bundle as an OCI referrer, no .sig tag.
    const bundled = makeImage({ layers: 1 });
    d.bundled = await pushImage(target, 'team/bundled', bundled, '1.0');
    const bundle = await signImageBundle(`${host}/team/bundled`, d.bundled, { identity: 'ci@example.com', issuer: GITHUB });
    await pushBundleReferrer(target, 'team/bundled', { digest: d.bundled, size: bundled.manifest.length }, bundle);
  });
  afterAll(async () => {
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const indent = (text: string, by: string) => text.trimEnd().replace(/\n/g, `\n${by}`);

  async function policies(): Promise<string> {
    const path = join(dir, 'policies.yaml');
    const appIdentity = { issuer: GITHUB, subjectRegExp: 'https://github\\.com/org/app/\\.github/workflows/.+@refs/heads/main' };
    await writeFile(
      path,
      `# Kubernetes release images: keyless, the release identity, Fulcio and Rekor of the test instance.
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: k8s-release
spec:
  images:
    - glob: "registry.k8s.io/**"
  authorities:
    - name: krel
      keyless:
        url: https://fulcio.kube-sbom.test
        identities:
          - issuer: ${GOOGLE_ISSUER}
            subject: ${K8S_IMAGE_IDENTITY}
      ctlog:
        url: https://rekor.kube-sbom.test
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: team-app
spec:
  images:
    - glob: "${host}/team/app:*"
    - glob: "${host}/team/unsigned*"
  authorities:
    - name: wrong-signer
      keyless:
        identities:
          - issuer: ${GITHUB}
            subject: https://github.com/someone/else/.github/workflows/x.yaml@refs/heads/main
    - name: release-workflow
      keyless:
        identities: [${JSON.stringify(appIdentity)}]
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: team-app-tagged-release
spec:
  mode: warn
  images: [{glob: "${host}/team/app:**"}]
  authorities:
    - keyless:
        identities:
          - issuer: ${GITHUB}
            subjectRegExp: 'github\\.com/org/app/.*'
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: keyed
spec:
  images: [{glob: "${host}/team/keyed*"}]
  authorities:
    - name: cosign-pub
      key:
        data: |
          ${indent(keyPem, '          ')}
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: keyed-by-another-key
spec:
  images: [{glob: "${host}/team/keyed:1.*"}]
  authorities:
    - key:
        data: |
          ${indent(otherKeyPem, '          ')}
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata: {name: allow-static}
spec:
  images: [{glob: "${host}/static/**"}]
  authorities: [{static: {action: pass}}]
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata: {name: block-static}
spec:
  images: [{glob: "${host}/blocked/*"}]
  authorities: [{static: {action: fail}}]
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata: {name: cue-policy}
spec:
  images: [{glob: "${host}/cue/**"}]
  authorities:
    - keyless:
        identities: [${JSON.stringify(appIdentity)}]
  policy:
    type: cue
    data: |
      predicateType: "https://cosign.sigstore.dev/attestation/v1"
`,
    );
    return path;
  }

  async function manifest(): Promise<string> {
    const path = join(dir, 'pods.yaml');
    const container = (name: string, image: string) => `    - name: ${name}\n      image: ${image}\n`;
    await writeFile(
      path,
      `apiVersion: v1
kind: Pod
metadata: {name: control-plane}
spec:
  initContainers:
${container('init', 'registry.k8s.io/kube-apiserver:v1.30.0')}  containers:
${container('app', `${host}/team/app:1.0`)}${container('keyed', `${host}/team/keyed:1.0`)}${container('unsigned', `${host}/team/unsigned:1.0`)}${container('static', `${host}/static/tool:1`)}${container('blocked', `${host}/blocked/tool:1`)}${container('cue', `${host}/cue/img:1`)}${container('nomatch', `${host}/other/thing:1`)}`,
    );
    return path;
  }

  const check = (args: string[]) =>
    runCli(['check', ...args, '--trusted-root', root, '--registry-mirror', `registry.k8s.io=${host}`, '--json'], { env: { NO_COLOR: '1' } });

  it('evaluates each image against every matching policy, with the outcomes policy-controller gives (exit 1)', async () => {
    const r = await check([await manifest(), '--policy', await policies()]);
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; noMatch: string; images: JsonImage[] };
    expect(doc.ok).toBe(false);
    expect(doc.noMatch).toBe('deny');
    const by = new Map(doc.images.map((i) => [i.image, i]));
    const verdicts = Object.fromEntries(doc.images.map((i) => [i.image.replace(host, 'HOST'), i.verdict]));
    expect(verdicts).toEqual({
      'registry.k8s.io/kube-apiserver:v1.30.0': 'pass',
      'HOST/team/app:1.0': 'warn',
      'HOST/team/keyed:1.0': 'fail',
      'HOST/team/unsigned:1.0': 'fail',
      'HOST/static/tool:1': 'pass',
      'HOST/blocked/tool:1': 'fail',
      'HOST/cue/img:1': 'fail',
      'HOST/other/thing:1': 'fail',
    });
    // The release image: the keyless authority passed, at the digest the registry holds.
    const api = by.get('registry.k8s.io/kube-apiserver:v1.30.0')!;
    expect(api.digest).toBe(d.apiserver);
    expect(api.policies.map((p) => [p.policy, p.passed, p.passedBy])).toEqual([['k8s-release', true, 'krel']]);
    expect(api.locations).toEqual([expect.objectContaining({ line: 7 })]);
    // Any authority suffices (the second one, a subject regexp); the warn policy's failure only warns.
    const app = by.get(`${host}/team/app:1.0`)!;
    expect(app.policies.map((p) => [p.policy, p.passed, p.passedBy ?? null])).toEqual([
      ['team-app', true, 'release-workflow'],
      ['team-app-tagged-release', false, null],
    ]);
    expect(app.policies[0]!.authorities[0]).toMatchObject({ name: 'wrong-signer', passed: false, code: 'IDENTITY_MISMATCH' });
    // Regular expressions are anchored: "github\\.com/org/app/.*" does not match a subject that starts with https://.
    expect(app.policies[1]!.authorities[0]).toMatchObject({ name: 'authority-0', passed: false, code: 'IDENTITY_MISMATCH' });
    // Two matching policies: the key authority passes, the other key fails, so the image is rejected.
    const keyed = by.get(`${host}/team/keyed:1.0`)!;
    expect(keyed.policies.map((p) => [p.policy, p.passed])).toEqual([
      ['keyed', true],
      ['keyed-by-another-key', false],
    ]);
    expect(keyed.policies[0]!.authorities[0]!.reason).toContain('the given public key');
    expect(keyed.policies[1]!.authorities[0]!.passed).toBe(false);
    expect(by.get(`${host}/team/unsigned:1.0`)!.policies[0]!.authorities.map((a) => a.code)).toEqual(['NO_SIGNATURES', 'NO_SIGNATURES']);
    expect(by.get(`${host}/static/tool:1`)!.policies[0]).toMatchObject({ passed: true, reason: 'authority authority-0: static.action pass' });
    expect(by.get(`${host}/blocked/tool:1`)!.policies[0]!.authorities[0]).toMatchObject({ passed: false, code: 'STATIC_FAIL' });
    // CUE: the signature verifies, yet the policy fails because its CUE part cannot be evaluated.
    const cue = by.get(`${host}/cue/img:1`)!.policies[0]!;
    expect(cue.authorities[0]!.passed).toBe(true);
    expect(cue).toMatchObject({ passed: false, reason: 'cannot be evaluated: spec.policy (a cue policy) cannot be evaluated by kube-sbom' });
    expect(by.get(`${host}/other/thing:1`)!).toMatchObject({ policies: [], message: 'no policy matches this image (--no-match deny)' });
  });

  it('prints per image the verdict, where it is used, and why each authority failed; warn-only failures exit 0', async () => {
    const path = join(dir, 'only-app.yaml');
    await writeFile(
      path,
      `kind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: "${host}/team/app:1.0"}]\n`,
    );
    const r = await runCli(['check', path, '--policy', await policies(), '--trusted-root', root], { env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`WARN ${host}/team/app:1.0 (${d.app}): team-app-tagged-release (warn) not satisfied`);
    expect(lines[1]).toBe(`  used at ${path}:6 (Deployment app, container app)`);
    expect(lines[2]).toMatch(
      /^ {2}policy team-app \[enforce, glob .*\/team\/app:\*, .*policies\.yaml:\d+\]: satisfied: authority release-workflow: identities\[0\]: 1 signature\(s\) by https:\/\/github\.com\/org\/app/,
    );
    expect(lines[3]).toMatch(/^ {2}policy team-app-tagged-release \[warn, .*\]: NOT satisfied: no authority passed \(1 tried\)$/);
    expect(lines[4]).toMatch(/^ {4}authority authority-0 \(keyless\): failed: identities\[0\]: none of 1 signature\(s\) verified; .* \[IDENTITY_MISMATCH\]$/);
    expect(r.stderr).toContain('1 image(s): 0 admitted, 1 admitted with warnings, 0 rejected');
  });

  it('--no-match allow admits images no policy matches; a glob that does not match leaves the image unmatched', async () => {
    const path = join(dir, 'other.yaml');
    await writeFile(path, `kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "${host}/team/application:1.0"}]\n`);
    const r = await check([path, '--policy', await policies(), '--no-match', 'allow']);
    expect(r.code, r.stderr).toBe(0);
    // team/app:* does not match team/application (the glob must match the whole name).
    expect(JSON.parse(r.stdout).images).toEqual([
      expect.objectContaining({ verdict: 'pass', policies: [], message: 'no policy matches this image (--no-match allow)' }),
    ]);
  });

  it('an identity that names only the issuer (or only the subject) leaves the other half open, as policy-controller does', async () => {
    const path = join(dir, 'halves.yaml');
    const policy = (name: string, identity: string) =>
      `apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata: {name: ${name}}\nspec:\n  mode: warn\n  images: [{glob: "${host}/team/app*"}]\n  authorities:\n    - keyless:\n        identities: [${identity}]\n`;
    await writeFile(path, `${policy('issuer-only', `{issuer: "${GITHUB}"}`)}---\n${policy('subject-only', '{subject: someone@example.com}')}`);
    const pod = join(dir, 'app-only.yaml');
    await writeFile(pod, `kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "${host}/team/app:1.0"}]\n`);
    const [image] = JSON.parse((await check([pod, '--policy', path])).stdout).images as JsonImage[];
    expect(image!.policies.map((p) => [p.policy, p.passed])).toEqual([
      ['issuer-only', true],
      ['subject-only', false],
    ]);
    expect(image!.policies[1]!.authorities[0]).toMatchObject({ code: 'IDENTITY_MISMATCH' });
  });

  it('a tag is resolved once: two policies verify the same digest even if the tag moves between their checks', async () => {
    // The registry answers the tag with the signed image once, then with an unsigned one.
    const unsigned = makeImage({ layers: 1 });
    await pushImage({ url: registry.url }, 'team/app', unsigned);
    let asked = 0;
    const proxy = await startProxy(registry.url, (req) => {
      if (req.method !== 'GET' || req.path !== '/v2/team/app/manifests/1.0') return undefined;
      return ++asked === 1 ? undefined : { tamper: () => unsigned.manifest };
    });
    try {
      const path = join(dir, 'moving-tag.yaml');
      const policy = (name: string, identity: string) =>
        `apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata: {name: ${name}}\nspec:\n  images: [{glob: "${host}/team/app*"}]\n  authorities:\n    - keyless:\n        identities: [${identity}]\n`;
      await writeFile(
        path,
        `${policy('exact', `{issuer: "${GITHUB}", subject: "https://github.com/org/app/.github/workflows/release.yaml@refs/heads/main"}`)}---\n${policy('pattern', `{issuer: "${GITHUB}", subjectRegExp: "https://github.com/org/.+"}`)}`,
      );
      const pod = join(dir, 'moving.yaml');
      await writeFile(pod, `kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "${host}/team/app:1.0"}]\n`);
      const r = await runCli(['check', pod, '--policy', path, '--trusted-root', root, '--registry-mirror', `${host}=${proxy.host}`, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const [image] = JSON.parse(r.stdout).images as JsonImage[];
      expect(image).toMatchObject({ verdict: 'pass', digest: d.app });
      expect(asked).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('keyless.trustRootRef uses the TrustRoot document among the policy files, not --trusted-root; a missing TrustRoot fails', async () => {
    const pki = await getTestPki();
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const pem = (der: Buffer) => `-----BEGIN PUBLIC KEY-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END PUBLIC KEY-----\n`;
    const path = join(dir, 'trust-root.yaml');
    await writeFile(
      path,
      `apiVersion: policy.sigstore.dev/v1alpha1
kind: TrustRoot
metadata: {name: test-sigstore}
spec:
  sigstoreKeys:
    certificateAuthorities:
      - subject: {organization: test, commonName: test}
        uri: https://fulcio.kube-sbom.test
        certChain: ${b64(pki.intermediate.pem + pki.root.pem)}
    tLogs:
      - baseURL: https://rekor.kube-sbom.test
        hashAlgorithm: sha-256
        publicKey: ${b64(pem(pki.rekor.keys.spki))}
    ctLogs:
      - baseURL: https://ctfe.kube-sbom.test/test
        hashAlgorithm: sha-256
        publicKey: ${b64(pem(pki.ctLog.keys.spki))}
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata: {name: by-trust-root}
spec:
  images: [{glob: "registry.k8s.io/kube-apiserver*"}]
  authorities:
    - keyless:
        trustRootRef: test-sigstore
        identities: [{issuer: "${GOOGLE_ISSUER}", subject: "${K8S_IMAGE_IDENTITY}"}]
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata: {name: no-such-root}
spec:
  mode: warn
  images: [{glob: "registry.k8s.io/**"}]
  authorities:
    - keyless:
        trustRootRef: missing
        identities: [{issuer: "${GOOGLE_ISSUER}", subject: "${K8S_IMAGE_IDENTITY}"}]
`,
    );
    const pod = join(dir, 'api.yaml');
    await writeFile(pod, `kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: registry.k8s.io/kube-apiserver:v1.30.0}]\n`);
    const r = await runCli(['check', pod, '--policy', path, '--trusted-root', untrustedRoot, '--registry-mirror', `registry.k8s.io=${host}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [image] = JSON.parse(r.stdout).images as JsonImage[];
    expect(image!.verdict).toBe('warn');
    expect(image!.policies.map((p) => [p.policy, p.passed])).toEqual([
      ['by-trust-root', true],
      ['no-such-root', false],
    ]);
    expect(image!.policies[1]!.authorities[0]).toMatchObject({
      code: 'TRUST_ROOT_UNUSABLE',
      reason: 'trustRootRef missing: no TrustRoot of that name among the policy files',
    });
  });

  it('a Fulcio URL the trusted root does not list fails the authority instead of trusting every CA', async () => {
    const path = join(dir, 'fulcio.yaml');
    await writeFile(
      path,
      `kind: ClusterImagePolicy\napiVersion: policy.sigstore.dev/v1beta1\nmetadata: {name: public-fulcio}\nspec:\n  images: [{glob: "registry.k8s.io/**"}]\n  authorities:\n    - keyless:\n        url: https://fulcio.sigstore.dev\n        identities: [{issuer: "${GOOGLE_ISSUER}", subject: "${K8S_IMAGE_IDENTITY}"}]\n`,
    );
    const pod = join(dir, 'api2.yaml');
    await writeFile(pod, `kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: registry.k8s.io/kube-apiserver:v1.30.0}]\n`);
    const r = await check([pod, '--policy', path]);
    expect(r.code).toBe(1);
    const [image] = JSON.parse(r.stdout).images as JsonImage[];
    expect(image!.policies[0]!.authorities[0]!.reason).toContain(
      'has no certificate authority at https://fulcio.sigstore.dev; it lists https://fulcio.kube-sbom.test',
    );
  });

  it('signatureFormat: bundle finds cosign v3 bundles; the default simplesigning looks only at .sig signatures', async () => {
    const path = join(dir, 'formats.yaml');
    const authority = (format: string) =>
      `    - ${format ? `signatureFormat: ${format}\n      ` : ''}keyless:\n        identities: [{issuer: "${GITHUB}", subject: ci@example.com}]\n`;
    const policy = (name: string, format: string, mode: string) =>
      `apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata: {name: ${name}}\nspec:\n  mode: ${mode}\n  images: [{glob: "${host}/team/bundled*"}]\n  authorities:\n${authority(format)}`;
    await writeFile(path, `${policy('bundles', 'bundle', 'enforce')}---\n${policy('legacy-only', '', 'warn')}`);
    const pod = join(dir, 'bundled.yaml');
    await writeFile(pod, `kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "${host}/team/bundled:1.0"}]\n`);
    const r = await check([pod, '--policy', path]);
    expect(r.code, r.stderr).toBe(0);
    const [image] = JSON.parse(r.stdout).images as JsonImage[];
    expect(image!.verdict).toBe('warn');
    expect(image!.policies.map((p) => [p.policy, p.passed])).toEqual([
      ['bundles', true],
      ['legacy-only', false],
    ]);
    expect(image!.policies[1]!.authorities[0]!.reason).toContain('no simplesigning (cosign .sig tag) signatures found for');
    expect(image!.policies[1]!.authorities[0]!.reason).toContain('1 of another format were not considered');
  });

  it('refuses --certificate-identity: identities come from the policies (exit 2)', async () => {
    const r = await runCli(['check', join(dir, 'x.yaml'), '--policy', join(dir, 'x.yaml'), '--certificate-identity', 'a@b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('check takes signer identities from the policies (keyless.identities), not from --certificate-* options');
  });

  it('usage errors: no --policy, a file without ClusterImagePolicy (exit 2)', async () => {
    const pod = join(dir, 'x.yaml');
    await writeFile(pod, 'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}\n');
    expect((await runCli(['check', pod])).stderr).toContain('give the policies to check with --policy FILE');
    const r = await runCli(['check', pod, '--policy', pod]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no ClusterImagePolicy (policy.sigstore.dev) in');
  });
});
