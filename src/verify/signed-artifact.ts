// Fetches an artifact with its .sha256 .sha512 .sig .cert (and Rekor entry) and makes the three checks every
// Kubernetes release artifact gets: SHA-256, SHA-512, signature. Every check runs; none stops the others.
import { readFile } from 'node:fs/promises';
import { ioError, KubeSbomError } from '../common/errors.js';
import { readLimitedText } from '../common/read-limited.js';
import type { Fetcher, FetchedFile } from '../fetch/fetcher.js';
import { lookupRekorEntry } from '../fetch/rekor-lookup.js';
import { SIZE_LIMITS } from '../fetch/types.js';
import { StreamedSignatureCheck } from '../sigstore/streamed-signature.js';
import { expectedDigest } from '../integrity/checksum-file.js';
import { checkDigest, type DigestAlgorithm } from '../integrity/compare.js';
import type { SignedArtifactUrls } from '../k8s/release-urls.js';
import type { Limiter } from '../registry/limiter.js';
import { asNotPublished } from './not-published.js';
import { failed, passed, type ReleaseCheck, type SignatureReport, type VerifyDetachedSignature, type VerifyEventListener } from './release-check.js';

export interface SignaturePolicy {
  identity?: string;
  identityRegexp?: string;
  issuer?: string;
  issuerRegexp?: string;
  trustedRootPath?: string;
  /** A saved Rekor entry (REST JSON); otherwise it is looked up at rekorUrl. */
  rekorEntryFile?: string;
  /** The signature's Sigstore bundle (verify-sbom -o writes release.sigstore.json): verified instead of a Rekor lookup. */
  sigstoreBundleFile?: string;
  rekorUrl: string;
  verify: VerifyDetachedSignature;
  /** Ask the verifier for a standard bundle of the verified signature (-o). */
  bundle?: boolean;
}

export interface SignedArtifactRequest {
  urls: SignedArtifactUrls;
  /** File name in the staging folder and in -o DIR, e.g. `release` or `kubectl`. */
  fileName: string;
  /** How reports name it, e.g. `release` or `bin/linux/amd64/kubectl`. */
  subject: string;
  maxBytes: number;
  fetcher: Fetcher;
  dir: string;
  policy: SignaturePolicy;
  onEvent?: VerifyEventListener;
  /** Bounds the downloads of artifacts checked at once; the checks after them run outside it. */
  downloads?: Limiter;
}

export interface SignedArtifactResult {
  artifact: FetchedFile;
  /** Every file fetched (artifact, checksums, signature, certificate, Rekor entry): kept or cached once verified. */
  files: FetchedFile[];
  /** Fetched files only worth caching (the Rekor index answer). */
  cacheOnly: FetchedFile[];
  checks: ReleaseCheck[];
  signature?: SignatureReport;
  /** The entry given with --rekor-entry as it was read and verified: what -o keeps (the file may change since). */
  givenRekorEntry?: string;
}

export async function fetchAndCheckSignedArtifact(req: SignedArtifactRequest): Promise<SignedArtifactResult> {
  const small = (url: string, suffix: string) =>
    req.fetcher.fetch({ url, label: `${req.fileName}${suffix}`, dir: req.dir, maxBytes: SIZE_LIMITS.small, cache: 'prefer' });
  // allSettled: on a failure, no download is still writing into the staging folder when the caller removes it.
  const fetchAll = () =>
    Promise.allSettled([
      req.fetcher.fetch({
        url: req.urls.artifact,
        label: req.fileName,
        dir: req.dir,
        maxBytes: req.maxBytes,
        cache: 'prefer',
        // The signature is checked over the bytes as they come in: no file is held in memory or read a second time.
        tap: () => new StreamedSignatureCheck(),
      }),
      small(req.urls.sha256, '.sha256'),
      small(req.urls.sha512, '.sha512'),
      small(req.urls.sig, '.sig'),
      small(req.urls.cert, '.cert'),
    ]);
  const settled = await (req.downloads ? req.downloads.run(fetchAll) : fetchAll());
  const pieces: Array<[string, string]> = [
    ['the file', req.urls.artifact],
    ['.sha256', req.urls.sha256],
    ['.sha512', req.urls.sha512],
    ['.sig', req.urls.sig],
    ['.cert', req.urls.cert],
  ];
  const rejected = settled.findIndex((s) => s.status === 'rejected');
  if (rejected >= 0) throw asNotPublished((settled[rejected] as PromiseRejectedResult).reason, ...pieces[rejected]!);
  const [artifact, sha256File, sha512File, sigFile, certFile] = settled.map((s) => (s as PromiseFulfilledResult<FetchedFile>).value) as [
    FetchedFile<StreamedSignatureCheck>,
    FetchedFile,
    FetchedFile,
    FetchedFile,
    FetchedFile,
  ];
  const files = [artifact, sha256File, sha512File, sigFile, certFile];
  const emit = (check: ReleaseCheck) => (req.onEvent?.({ type: 'check', result: check }), check);
  const checks: ReleaseCheck[] = [];
  checks.push(emit(await digestCheck('sha256', sha256File, artifact, req.subject)));
  checks.push(emit(await digestCheck('sha512', sha512File, artifact, req.subject)));
  const signature = await signatureCheck(req, artifact, sigFile, certFile);
  if (signature.rekorFile) files.push(signature.rekorFile);
  checks.push(emit(signature.check));
  const cacheOnly = signature.rekorIndex ? [signature.rekorIndex] : [];
  return { artifact, files, cacheOnly, checks, signature: signature.report, givenRekorEntry: signature.givenRekorEntry };
}

async function digestCheck(algorithm: DigestAlgorithm, sumFile: FetchedFile, artifact: FetchedFile, subject: string): Promise<ReleaseCheck> {
  try {
    const expected = expectedDigest(await readFile(sumFile.path, 'utf8'), algorithm, artifact.url, sumFile.url);
    const result = checkDigest(algorithm, expected, algorithm === 'sha256' ? artifact.sha256 : artifact.sha512);
    const name = algorithm.toUpperCase().replace('SHA', 'SHA-');
    return result.ok
      ? passed(algorithm, subject, `${name} ${result.actual} matches ${sumFile.label}`)
      : failed(algorithm, subject, result.code!, `${name} of ${artifact.url} is ${result.actual}, but ${sumFile.url} says ${result.expected}`);
  } catch (err) {
    if (err instanceof KubeSbomError && err.kind === 'check') return failed(algorithm, subject, err.code, err.message);
    throw err;
  }
}

/** The detached-signature check alone, also for bytes that were not downloaded (verify-files --signature). */
export async function signatureCheck(req: SignedArtifactRequest, artifact: FetchedFile<StreamedSignatureCheck>, sigFile: FetchedFile, certFile: FetchedFile) {
  const policy = req.policy;
  const signature = await readFile(sigFile.path, 'utf8');
  let rekorEntry: string | undefined;
  let rekorSource: string;
  let rekorFile: FetchedFile | undefined;
  let rekorIndex: FetchedFile | undefined;
  let sigstoreBundle: string | undefined;
  try {
    if (policy.sigstoreBundleFile) {
      rekorSource = policy.sigstoreBundleFile;
      sigstoreBundle = await readLimitedText(policy.sigstoreBundleFile, { maxBytes: SIZE_LIMITS.rekorEntry, hint: 'a Sigstore bundle is a few KB' });
    } else if (policy.rekorEntryFile) {
      rekorSource = policy.rekorEntryFile;
      rekorEntry = await readLimitedText(policy.rekorEntryFile, { maxBytes: SIZE_LIMITS.rekorEntry, hint: 'no Rekor entry is that large' });
    } else {
      req.onEvent?.({ type: 'stage', message: `looking up the transparency-log entry for ${req.fileName} at ${policy.rekorUrl}` });
      const found = await lookupRekorEntry({
        fetcher: req.fetcher,
        rekorUrl: policy.rekorUrl,
        dir: req.dir,
        artifactSha256: artifact.sha256,
        signatureB64: signature,
        label: req.fileName,
      });
      rekorFile = found.file;
      rekorIndex = found.index;
      rekorSource = found.file.url;
      rekorEntry = await readFile(found.file.path, 'utf8');
    }
  } catch (err) {
    if (err instanceof KubeSbomError && err.kind === 'check') {
      return { check: failed('signature', req.subject, err.code, err.message), rekorFile, rekorIndex };
    }
    if (err instanceof KubeSbomError && err.code === 'OFFLINE_NOT_CACHED') {
      // Only the release SBOM's signature can be given as a bundle (--sbom-bundle); a binary's needs its entry.
      const bundleHint = req.fileName === 'release' ? ', or its bundle with --sbom-bundle FILE' : '';
      throw ioError(err.code, `${err.message}; or give the signature's Rekor entry with --rekor-entry FILE${bundleHint} (an earlier -o run saves it)`, err);
    }
    throw err;
  }
  const report = await policy.verify({
    artifactPath: artifact.path,
    artifactSha256: artifact.sha256,
    ...(artifact.tap ? { streamed: artifact.tap } : {}),
    signature,
    certificate: await readFile(certFile.path, 'utf8'),
    ...(sigstoreBundle !== undefined ? { sigstoreBundle } : {}),
    ...(rekorEntry !== undefined ? { rekorEntry } : {}),
    identity: policy.identity,
    identityRegexp: policy.identityRegexp,
    issuer: policy.issuer,
    issuerRegexp: policy.issuerRegexp,
    trustedRootPath: policy.trustedRootPath,
    ...(policy.bundle ? { bundle: true } : {}),
    offline: req.fetcher.offline,
    sources: { artifact: artifact.url, signature: sigFile.url, certificate: certFile.url, rekorEntry: rekorSource },
  });
  const firstFail = report.checks.find((c) => c.status === 'fail');
  const check =
    report.verified && !firstFail
      ? passed(
          'signature',
          req.subject,
          `signed by ${report.signer?.identity ?? policy.identity ?? policy.identityRegexp} (issuer ${report.signer?.issuer ?? policy.issuer ?? policy.issuerRegexp})` +
            (report.signedAt?.length ? ` at ${report.signedAt.join(', ')}` : ''),
          report.checks,
        )
      : failed('signature', req.subject, firstFail?.code ?? 'SIGNATURE_NOT_VERIFIED', firstFail?.message ?? 'the signature was not verified', report.checks);
  return { check, rekorFile, rekorIndex, report, givenRekorEntry: policy.rekorEntryFile ? rekorEntry : undefined };
}
