// Reading ClusterImagePolicy documents: defaults as policy-controller applies them, and every setting kube-sbom
// cannot evaluate recorded so that the authority or policy fails instead of passing.
import { describe, expect, it } from 'vitest';
import { readPolicyFile } from '../../src/k8s/cip-documents.js';
import type { PolicySet } from '../../src/k8s/cip-model.js';
import { evaluateAuthority } from '../../src/verify/policy-authority.js';

const read = (text: string) => {
  const set: PolicySet = { policies: [], trustRoots: new Map() };
  const skipped = readPolicyFile(text, 'p.yaml', set);
  return { set, skipped };
};

const cip = (spec: string, name = 'p') => `apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata: {name: ${name}}\nspec:\n${spec}`;

describe('ClusterImagePolicy documents', () => {
  it('applies the defaults: mode enforce, authority-<index> names, signatureFormat simplesigning; skips other kinds', () => {
    const { set, skipped } = read(
      `${cip('  images: [{glob: "registry.k8s.io/**"}]\n  authorities:\n    - static: {action: pass}\n    - name: named\n      static: {action: fail}\n')}---\nkind: ConfigMap\nmetadata: {name: x}\n`,
    );
    expect(skipped).toBe(1);
    expect(set.policies).toHaveLength(1);
    const [policy] = set.policies;
    expect(policy).toMatchObject({ name: 'p', source: 'p.yaml:1', mode: 'enforce', unsupported: [] });
    expect(policy!.authorities).toEqual([
      { name: 'authority-0', kind: 'static', action: 'pass', signatureFormat: 'simplesigning', unsupported: [] },
      { name: 'named', kind: 'static', action: 'fail', signatureFormat: 'simplesigning', unsupported: [] },
    ]);
  });

  it('reads policies inside a List, and the line each document starts on', () => {
    const { set } = read(
      `kind: ClusterImagePolicyList\nitems:\n  - kind: ClusterImagePolicy\n    metadata: {name: a}\n    spec: {images: [{glob: "**"}], authorities: [{static: {action: pass}}]}\n`,
    );
    expect(set.policies.map((p) => p.name)).toEqual(['a']);
  });

  it.each([
    ['a CUE policy', '  policy:\n    type: cue\n    data: "predicateType: x"\n', 'spec.policy (a cue policy) cannot be evaluated by kube-sbom'],
    ['a Rego policy', '  policy:\n    type: rego\n    data: "package sigstore"\n', 'spec.policy (a rego policy) cannot be evaluated by kube-sbom'],
    ['spec.match', '  match: [{resource: pods, version: v1}]\n', 'spec.match (resource selection by kind and labels) cannot be evaluated on images alone'],
  ])('%s fails the policy', (_, extra, message) => {
    const { set } = read(cip(`  images: [{glob: "registry.k8s.io/**"}]\n  authorities: [{static: {action: pass}}]\n${extra}`));
    expect(set.policies[0]!.unsupported).toEqual([message]);
  });

  it.each([
    [
      'attestations',
      '{name: a, keyless: {identities: [{issuer: i, subject: s}]}, attestations: [{name: x, predicateType: spdx}]}',
      'attestations cannot be evaluated by kube-sbom (only signatures)',
    ],
    [
      'source.oci',
      '{keyless: {identities: [{issuer: i, subject: s}]}, source: [{oci: example.com/sigs}]}',
      'source.oci example.com/sigs: signatures from another repository are not looked up',
    ],
    ['key.secretRef', '{key: {secretRef: {name: k}}}', 'key.secretRef: Kubernetes secrets are not read; put the public key in key.data'],
    ['key.kms', '{key: {kms: "awskms:///k"}}', 'key.kms awskms:///k: KMS keys are not fetched; put the public key in key.data'],
    [
      'keyless without identities',
      '{keyless: {url: "https://fulcio.sigstore.dev"}}',
      'keyless.identities is empty: any signer would do, which kube-sbom does not accept',
    ],
    ['a static action that is neither', '{static: {action: maybe}}', 'static.action "maybe" is neither pass nor fail'],
    ['key and keyless at once', '{key: {data: x}, keyless: {identities: [{issuer: i, subject: s}]}}', 'the authority has key and keyless; give exactly one'],
    ['an unknown signatureFormat', '{signatureFormat: notary, static: {action: pass}}', 'signatureFormat "notary" is neither simplesigning nor bundle'],
  ])('%s fails the authority without asking any registry', async (_, authority, message) => {
    const { set } = read(cip(`  images: [{glob: "**"}]\n  authorities: [${authority}]\n`));
    const [a] = set.policies[0]!.authorities;
    expect(a!.unsupported).toContain(message);
    // No source, no trust root: an unsupported authority must fail before either is used.
    const outcome = await evaluateAuthority(a!, 'registry.k8s.io/pause:3.9', { policySet: set, cache: new Map() } as never);
    expect(outcome).toMatchObject({ passed: false, code: 'POLICY_UNSUPPORTED' });
    expect(outcome.reason).toContain(message);
  });

  it('keyless and ctlog naming different TrustRoots fail the authority: one trusted root serves both checks', async () => {
    const { set } = read(
      cip('  images: [{glob: "**"}]\n  authorities:\n    - keyless: {trustRootRef: a, identities: [{issuer: i}]}\n      ctlog: {trustRootRef: b}\n'),
    );
    const outcome = await evaluateAuthority(set.policies[0]!.authorities[0]!, 'registry.k8s.io/pause:3.9', { policySet: set, cache: new Map() } as never);
    expect(outcome).toMatchObject({ passed: false, code: 'TRUST_ROOT_UNUSABLE' });
    expect(outcome.reason).toBe('keyless.trustRootRef a and ctlog.trustRootRef b differ; kube-sbom checks both against one TrustRoot');
  });

  it('a TrustRoot from a TUF mirror is recorded as unsupported; one from sigstoreKeys becomes a trusted root', () => {
    const { set } = read('kind: TrustRoot\nmetadata: {name: tuf}\nspec:\n  remote: {mirror: "https://tuf.example", root: "{}"}\n');
    expect(set.trustRoots.get('tuf')).toMatchObject({
      unsupported: 'TrustRoot tuf: spec.remote (a TUF mirror) is not supported; use spec.sigstoreKeys, or pass --trusted-root',
    });
    const bad = read('kind: TrustRoot\nmetadata: {name: bad}\nspec:\n  sigstoreKeys: {certificateAuthorities: [{certChain: "bm90IHBlbQ=="}]}\n');
    expect(bad.set.trustRoots.get('bad')!.unsupported).toBe('TrustRoot bad: spec.sigstoreKeys is not usable: certChain is not base64 of PEM text');
  });

  it.each([
    [
      'an invalid glob',
      '  images: [{glob: "[a-z]*"}]\n  authorities: [{static: {action: pass}}]\n',
      'images[].glob "[a-z]*" is not a glob (letters, digits, - _ : / . and * only)',
    ],
    ['no images', '  images: []\n  authorities: [{static: {action: pass}}]\n', 'spec.images is empty'],
    ['no authorities', '  images: [{glob: "**"}]\n', 'spec.authorities is empty'],
  ])('refuses a policy with %s, which could never match or pass, instead of leaving its images to --no-match', (_, spec, why) => {
    expect(() => read(cip(spec, 'bad'))).toThrow(`p.yaml:1: ClusterImagePolicy bad: ${why}; policy-controller refuses such a policy`);
  });

  it('reports YAML errors with file, line and column', () => {
    expect(() => read('kind: ClusterImagePolicy\nspec: [\n')).toThrow(/^p\.yaml:3:1: not valid YAML or JSON/);
  });
});
