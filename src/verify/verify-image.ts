// Use case: verify one image like `cosign verify`, plus more: every signature kind, payload bound to the digest,
// optionally the registry's layers against the SBOM. Emits progress events; never prints.
import type { LoadedTrustedRoot } from '../sigstore/trusted-root.js';
import { KubeSbomError, type ErrorKind } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { fetchImageManifest, imageNotFound } from '../registry/resolve.js';
import { formatReference, parseReference, pinnedReference, repositoryName, type ImageReference } from '../registry/reference.js';
import { discoverSignatures, type SignatureCandidate } from '../registry/signatures.js';
import type { FetchedManifest } from '../registry/manifest.js';
import type { ImageSource } from '../registry/source.js';
import type { IdentityPolicy } from '../sigstore/identity.js';
import type { CarriedBundleDir } from './carried-bundles.js';
import type { CosignPayload } from './image-cosign-output.js';
import { imageTimeout, withDeadline } from './deadline.js';
import { DEFAULT_TIMEOUT_MS } from './defaults.js';
import { checkSbomLayers, type ExpectedLayers } from './image-layers.js';
import { verifyCandidate, type ImageCheck, type ImageSignatureSource, type SignatureVerdict } from './image-signature.js';

export interface VerifyImageOptions {
  source: ImageSource;
  trustedRoot: LoadedTrustedRoot;
  policy: IdentityPolicy;
  /** Compare the registry's layers with the SBOM's (verify-images --check-sbom-layers). */
  expectedLayers?: ExpectedLayers;
  /** Deadline for the whole image (--timeout, default 10 min): its requests are aborted and it fails with IMAGE_TIMEOUT. */
  timeoutMs?: number;
  /** Keep each verified legacy signature as a standard bundle (SignatureVerdict.bundleOut), for --bundle-dir. */
  bundles?: boolean;
  /** Signatures carried in a folder (--bundles-from), checked beside those the registry holds. */
  carriedBundles?: CarriedBundleDir;
  /** Appended to the NO_SIGNATURES message: how to bring the signatures where they are missing. */
  noSignaturesHint?: string;
  /** Verify with this public key (a ClusterImagePolicy key authority) instead of certificates and the identity policy. */
  publicKeyPem?: string;
  /** Only these kinds of signature count (a ClusterImagePolicy's signatureFormat); default every kind. */
  signatureKinds?: SignatureCandidate['kind'][];
  onEvent?: (event: ImageEvent) => void;
}

export type ImageEvent =
  | { type: 'image-start'; reference: string }
  | { type: 'image-resolved'; reference: string; digest: string }
  | { type: 'image-signatures'; reference: string; count: number }
  | { type: 'image-done'; result: ImageVerification };

export interface ImageVerification {
  reference: string;
  digest?: string;
  /** registry/repository@sha256:..., what to deploy. */
  pinned?: string;
  verified: boolean;
  /** OK, or the code of the failure that decided it (NO_SIGNATURES, IDENTITY_MISMATCH, DIGEST_MISMATCH, ...). */
  code: string;
  /** A one-line summary. */
  message: string;
  /** check: the image failed a check; io: it could not be checked (network, registry). */
  failureKind?: ErrorKind;
  checks: ImageCheck[];
  signatures: SignatureVerdict[];
  /** Where signatures were looked for. */
  searched: string[];
  /** `cosign verify` output for the verified signatures. */
  cosign: CosignPayload[];
}

export async function verifyImage(input: string | ImageReference, options: VerifyImageOptions): Promise<ImageVerification> {
  const display = typeof input === 'string' ? sanitizeLine(input) : formatReference(input);
  const result: ImageVerification = { reference: display, verified: false, code: 'OK', message: '', checks: [], signatures: [], searched: [], cosign: [] };
  const emit = options.onEvent ?? (() => {});
  emit({ type: 'image-start', reference: display });
  let thrown: { check: ImageCheck; kind: ErrorKind } | undefined;
  try {
    // A name an SBOM got wrong fails that image only (kind check), not the whole run.
    const ref = typeof input === 'string' ? parseReference(input) : input;
    result.reference = formatReference(ref);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    await withDeadline(
      timeoutMs,
      (signal) => run(ref, { ...options, source: (signal && options.source.withSignal?.(signal)) || options.source }, result, emit),
      () => imageTimeout(result.reference, timeoutMs, options.source.describe(ref)),
    );
  } catch (err) {
    const known = err instanceof KubeSbomError;
    const code = known ? err.code : 'INTERNAL_ERROR';
    const check: ImageCheck = {
      check: 'registry',
      status: 'fail',
      code,
      message: sanitizeLine(known ? err.message : `internal error: ${(err as Error)?.message ?? String(err)}`),
    };
    result.checks.push(check);
    thrown = { check, kind: known ? (err.kind === 'usage' ? 'check' : err.kind) : 'io' };
  }
  const failure = result.checks.find((c) => c.status === 'fail');
  // Fail closed: verified needs a passing signatures check, not merely the absence of failures.
  result.verified = !failure && result.checks.some((c) => c.check === 'signatures' && c.status === 'pass');
  result.code = failure?.code ?? (result.verified ? 'OK' : 'NOT_VERIFIED');
  if (!result.verified) result.failureKind = failure && failure === thrown?.check ? thrown.kind : 'check';
  result.message = !result.verified
    ? (failure?.message ?? 'no signature check was made')
    : `${result.cosign.length} signature(s) by ${describeSigners(result)}`;
  emit({ type: 'image-done', result });
  return result;
}

function describeSigners(result: ImageVerification): string {
  const signers = new Set(
    result.signatures
      .filter((s) => s.verified)
      .map((s) => (s.signer?.identity === undefined ? 'the given public key' : `${s.signer.identity} (${s.signer.issuer ?? '?'})`)),
  );
  return [...signers].join(', ');
}

async function run(ref: ImageReference, options: VerifyImageOptions, result: ImageVerification, emit: (e: ImageEvent) => void): Promise<void> {
  const { source } = options;
  let top: FetchedManifest | undefined;
  // cosign's rule: a digest reference needs no manifest lookup; the manifest is fetched (by digest) only if needed.
  if (!ref.digest) {
    top = await fetchImageManifest(source, ref);
    result.checks.push({
      check: 'resolve',
      status: 'pass',
      code: 'OK',
      message: `${ref.tag ?? 'latest'} -> ${top.digest} (hash of the manifest bytes received)`,
    });
  }
  const digest = ref.digest ?? top!.digest;
  result.digest = digest;
  result.pinned = pinnedReference(ref, digest);
  emit({ type: 'image-resolved', reference: result.reference, digest });
  // One fetch however many checks need the manifest (the layer check and bundle signatures run at once).
  let pending: Promise<FetchedManifest> | undefined = top ? Promise.resolve(top) : undefined;
  const manifest = () =>
    (pending ??= source.fetchManifest(ref, digest).then((m) => {
      if (!m) throw imageNotFound(source, ref);
      return m;
    }));

  // The layer check needs only the registry, so it runs while the signatures are found and verified.
  const layers = options.expectedLayers ? manifest().then((m) => checkSbomLayers(source, ref, m, options.expectedLayers!)) : undefined;
  layers?.catch(() => {});
  await checkSignatures(ref, digest, options, result, emit, async () => (await manifest()).bytes);
  if (layers) result.checks.push(await layers);
}

async function checkSignatures(
  ref: ImageReference,
  digest: string,
  options: VerifyImageOptions,
  result: ImageVerification,
  emit: (e: ImageEvent) => void,
  manifestBytes: () => Promise<Uint8Array>,
): Promise<void> {
  const [found, carried] = await Promise.all([discoverSignatures(options.source, ref, digest), options.carriedBundles?.forDigest(digest) ?? []]);
  if (options.carriedBundles) found.searched.push(options.carriedBundles.pattern(digest));
  result.searched = found.searched;
  const kinds = options.signatureKinds;
  // signatureFormat narrows what the registry holds; bundles the user carried (--bundles-from) always count.
  const candidates: ImageSignatureSource[] = [...(kinds ? found.candidates.filter((c) => kinds.includes(c.kind)) : found.candidates), ...carried];
  emit({ type: 'image-signatures', reference: result.reference, count: candidates.length });
  if (candidates.length === 0) {
    const left = found.candidates.length + carried.length - candidates.length;
    result.checks.push({
      check: 'signatures',
      status: 'fail',
      code: 'NO_SIGNATURES',
      message: `no ${kinds ? `${kinds.map((k) => KIND_NAMES[k]).join(' or ')} ` : ''}signatures found for ${digest} (looked at ${found.searched.join('; ')})${left > 0 ? `; ${left} of another format were not considered` : ''}${options.noSignaturesHint ? `; ${options.noSignaturesHint}` : ''}`,
    });
  } else {
    const context = {
      trustedRoot: options.trustedRoot,
      policy: options.policy,
      digest,
      repositoryName: repositoryName(ref),
      manifestBytes,
      bundles: options.bundles,
      ...(options.publicKeyPem !== undefined ? { publicKeyPem: options.publicKeyPem } : {}),
    };
    result.signatures = await Promise.all(candidates.map((c) => verifyCandidate(c, context)));
    const good = result.signatures.filter((s) => s.verified);
    result.cosign = good.flatMap((s) => (s.cosign ? [s.cosign] : []));
    if (good.length > 0) {
      result.checks.push({ check: 'signatures', status: 'pass', code: 'OK', message: `${good.length} of ${result.signatures.length} signature(s) verified` });
    } else {
      const first = decisiveFailure(result.signatures);
      result.checks.push({
        check: 'signatures',
        status: 'fail',
        code: first?.c.code ?? 'SIGNATURE_INVALID',
        message: `none of ${result.signatures.length} signature(s) verified; ${first ? `${first.s.location}: ${first.c.message}` : ''}`,
      });
    }
  }
}

const KIND_NAMES: Record<SignatureCandidate['kind'], string> = { 'cosign-legacy': 'simplesigning (cosign .sig tag)', 'sigstore-bundle': 'Sigstore bundle' };

// The failure that says most about why: a bad signature or a payload for another image before the checks they imply.
const PRIORITY = [
  'input',
  'signature',
  'payload-digest',
  'payload-type',
  'identity',
  'issuer',
  'certificate-chain',
  'sct',
  'transparency-log',
  'artifact-digest',
];

function decisiveFailure(verdicts: SignatureVerdict[]): { s: SignatureVerdict; c: ImageCheck } | undefined {
  const failures = verdicts.flatMap((s) => s.checks.filter((c) => c.status === 'fail').map((c) => ({ s, c })));
  const rank = (check: string) => (PRIORITY.includes(check) ? PRIORITY.indexOf(check) : PRIORITY.length);
  return failures.sort((a, b) => rank(a.c.check) - rank(b.c.check))[0];
}
