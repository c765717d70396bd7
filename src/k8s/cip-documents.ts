// Reads ClusterImagePolicy and TrustRoot documents (YAML with many documents, or JSON; Lists of them) into the
// model of cip-model.ts. Field names and defaults follow policy-controller's v1alpha1/v1beta1 API types.
import { LineCounter, parseAllDocuments } from 'yaml';
import { checkError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import type { CipAuthority, CipIdentity, ClusterImagePolicy, PolicySet } from './cip-model.js';
import { compileGlob } from './cip-glob.js';
import { trustRootDocument } from './cip-trust-root.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Adds the policies and trust roots of one file to `into`. Other kinds are skipped; returns how many were. */
export function readPolicyFile(text: string, fileName: string, into: PolicySet): number {
  const lines = new LineCounter();
  let skipped = 0;
  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    const error = doc.errors[0];
    if (error) {
      const { line, col } = lines.linePos(error.pos[0]);
      throw checkError('POLICY_INVALID', `${fileName}:${line}:${col}: not valid YAML or JSON: ${sanitizeLine(error.message.split('\n')[0] ?? '')}`);
    }
    const where = `${fileName}:${lines.linePos(doc.contents?.range?.[0] ?? 0).line}`;
    const visit = (object: unknown): void => {
      if (!isObj(object)) return;
      const kind = str(object.kind);
      if (kind?.endsWith('List')) return list(object.items).forEach(visit);
      const name = str(isObj(object.metadata) ? object.metadata.name : undefined) ?? '(unnamed)';
      const spec = isObj(object.spec) ? object.spec : {};
      if (kind === 'ClusterImagePolicy') into.policies.push(readPolicy(name, where, spec));
      else if (kind === 'TrustRoot') into.trustRoots.set(name, trustRootDocument(name, where, spec));
      else skipped++;
    };
    visit(doc.toJS({ maxAliasCount: 100 }));
  }
  return skipped;
}

function readPolicy(name: string, source: string, spec: Obj): ClusterImagePolicy {
  const unsupported: string[] = [];
  if (isObj(spec.policy)) {
    const type = str(spec.policy.type) ?? 'unknown';
    unsupported.push(`spec.policy (a ${type} policy) cannot be evaluated by kube-sbom`);
  }
  if (list(spec.match).length > 0) unsupported.push('spec.match (resource selection by kind and labels) cannot be evaluated on images alone');
  const mode = str(spec.mode) ?? 'enforce';
  if (mode !== 'enforce' && mode !== 'warn') unsupported.push(`mode ${JSON.stringify(mode)} is neither enforce nor warn`);
  // A policy that could never match would hand its images to --no-match silently: refused, as policy-controller does.
  const refuse = (why: string) => checkError('POLICY_INVALID', `${source}: ClusterImagePolicy ${name}: ${why}; policy-controller refuses such a policy`);
  const globs = list(spec.images).map((i) => {
    const glob = isObj(i) ? (str(i.glob) ?? '') : '';
    const pattern = compileGlob(glob);
    if (!pattern) throw refuse(`images[].glob ${JSON.stringify(sanitizeLine(glob))} is not a glob (letters, digits, - _ : / . and * only)`);
    return { glob, pattern };
  });
  if (globs.length === 0) throw refuse('spec.images is empty');
  const authorities = list(spec.authorities).map((a, i) => readAuthority(isObj(a) ? a : {}, i));
  if (authorities.length === 0) throw refuse('spec.authorities is empty');
  return { name, source, mode: mode === 'warn' ? 'warn' : 'enforce', globs, authorities, unsupported };
}

function readAuthority(a: Obj, index: number): CipAuthority {
  const unsupported: string[] = [];
  const format = str(a.signatureFormat) ?? 'simplesigning';
  if (format !== 'simplesigning' && format !== 'bundle') unsupported.push(`signatureFormat ${JSON.stringify(format)} is neither simplesigning nor bundle`);
  if (list(a.attestations).length > 0) unsupported.push('attestations cannot be evaluated by kube-sbom (only signatures)');
  for (const source of list(a.source))
    if (isObj(source) && str(source.oci)) unsupported.push(`source.oci ${str(source.oci)}: signatures from another repository are not looked up`);
  if (isObj(a.rfc3161timestamp)) unsupported.push('rfc3161timestamp: timestamp authorities are not configurable per policy');
  const ctlog = isObj(a.ctlog) ? a.ctlog : {};
  const trustRootRef = (v: unknown) => str(v) ?? (isObj(v) ? str(v.name) : undefined);
  const base = {
    name: str(a.name) ?? `authority-${index}`,
    signatureFormat: format === 'bundle' ? ('bundle' as const) : ('simplesigning' as const),
    ...(str(ctlog.url) ? { rekorUrl: str(ctlog.url)! } : {}),
    ...(trustRootRef(ctlog.trustRootRef) ? { rekorTrustRootRef: trustRootRef(ctlog.trustRootRef)! } : {}),
    unsupported,
  };
  const kinds = (['key', 'keyless', 'static'] as const).filter((k) => a[k] !== undefined);
  if (kinds.length !== 1) {
    unsupported.push(kinds.length === 0 ? 'the authority has none of key, keyless, static' : `the authority has ${kinds.join(' and ')}; give exactly one`);
    return { ...base, kind: 'invalid' };
  }
  const body = isObj(a[kinds[0]!]) ? (a[kinds[0]!] as Obj) : {};
  if (kinds[0] === 'static') {
    const action = str(body.action);
    if (action !== 'pass' && action !== 'fail') {
      unsupported.push(`static.action ${JSON.stringify(action ?? '')} is neither pass nor fail`);
      return { ...base, kind: 'invalid' };
    }
    return { ...base, kind: 'static', action };
  }
  if (kinds[0] === 'key') {
    if (str(body.secretRef) || isObj(body.secretRef)) unsupported.push('key.secretRef: Kubernetes secrets are not read; put the public key in key.data');
    if (str(body.kms)) unsupported.push(`key.kms ${str(body.kms)}: KMS keys are not fetched; put the public key in key.data`);
    const hash = str(body.hashAlgorithm) ?? 'sha256';
    if (hash !== 'sha256') unsupported.push(`key.hashAlgorithm ${hash}: only sha256 is verified`);
    const pem = str(body.data);
    if (!pem && unsupported.length === 0) unsupported.push('key.data is empty');
    return { ...base, kind: 'key', publicKeyPem: pem ?? '' };
  }
  if (isObj(body['ca-cert'])) unsupported.push('keyless.ca-cert: give the CA as a TrustRoot and keyless.trustRootRef');
  const identities = list(body.identities).map((i): CipIdentity => {
    const o = isObj(i) ? i : {};
    return {
      ...(str(o.subject) ? { subject: str(o.subject)! } : {}),
      ...(str(o.subjectRegExp) ? { subjectRegExp: str(o.subjectRegExp)! } : {}),
      ...(str(o.issuer) ? { issuer: str(o.issuer)! } : {}),
      ...(str(o.issuerRegExp) ? { issuerRegExp: str(o.issuerRegExp)! } : {}),
    };
  });
  if (identities.length === 0) unsupported.push('keyless.identities is empty: any signer would do, which kube-sbom does not accept');
  return {
    ...base,
    kind: 'keyless',
    identities,
    ...(str(body.url) ? { fulcioUrl: str(body.url)! } : {}),
    ...(trustRootRef(body.trustRootRef) ? { trustRootRef: trustRootRef(body.trustRootRef)! } : {}),
  };
}
