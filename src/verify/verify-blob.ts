// The verify-blob use case: read the files the user named, pick the trusted root, find the Rekor entry online when
// needed, verify, and save the entry on request. Disk, network, TUF and clock come in through `deps`.
import { usageError } from '../common/errors.js';
import type { ReadLimit } from '../common/read-limited.js';
import type { IdentityPolicy } from '../sigstore/identity.js';
import type { SignatureMaterial } from '../sigstore/material.js';
import { toRestEntry } from '../sigstore/rekor-entry.js';
import type { TufFetcher } from '../sigstore/trust-source.js';
import { resolveTrustedRoot } from '../sigstore/trust-source.js';
import { isStreamed, signedBytesSha256 } from '../sigstore/streamed-signature.js';
import { verifyArtifactSignature, type ArtifactVerification, type RekorLookup } from '../sigstore/verify-artifact.js';
import type { StreamedFile } from './streamed-file.js';

export interface VerifyBlobRequest {
  artifactPath: string;
  signaturePath?: string;
  certificatePath?: string;
  bundlePath?: string;
  keyPath?: string;
  rekorEntryPath?: string;
  saveRekorEntryPath?: string;
  trustedRootPath?: string;
  /** Refuse a larger artifact (one signed through a DSSE envelope is held in memory whole; others are streamed). */
  maxArtifactBytes: number;
  offline: boolean;
  policy: IdentityPolicy;
}

export interface VerifyBlobDeps {
  /** Reads a file the user named, never holding more than the limit (pipes and devices included). */
  readFile(path: string, limit: ReadLimit): Promise<Buffer>;
  /** Reads the artifact once in chunks into its SHA-256 and a streamed signature check (a signature over its digest). */
  streamFile(path: string, limit: ReadLimit): Promise<StreamedFile>;
  /** Writes a file the user named (--save-rekor-entry) the way every named output is written. */
  writeOutputFile(path: string, data: string): Promise<void>;
  /** Online Rekor search; left out, the material must carry its entry. */
  rekor?: RekorLookup;
  tuf?: TufFetcher;
  now?: () => Date;
  warn(message: string): void;
}

export interface VerifyBlobResult extends ArtifactVerification {
  artifact: { path: string; sha256: string; size: number };
  trustedRoot: string;
  /** Where the Rekor entry was saved, when --save-rekor-entry was given and verification passed. */
  savedRekorEntry?: string;
}

/** Side files (signature, certificate, bundle, key, entry, root) are small; refuse anything absurd. */
const SIDE_FILE_LIMIT: ReadLimit = { maxBytes: 16 * 1024 * 1024, hint: 'no signature, certificate, bundle, key, Rekor entry or trusted root is that large' };

/** Checks the flag combination: exactly one kind of material. Throws a usage error (exit 2). */
export function materialKind(req: VerifyBlobRequest): SignatureMaterial['kind'] {
  if (req.bundlePath) {
    if (req.signaturePath || req.certificatePath || req.rekorEntryPath) {
      throw usageError('MATERIAL_CONFLICT', '--bundle carries its own signature, certificate and log entry: drop --signature/--certificate/--rekor-entry');
    }
    return 'bundle';
  }
  if (req.keyPath) {
    if (req.certificatePath) throw usageError('MATERIAL_CONFLICT', 'give --key or --certificate, not both');
    if (!req.signaturePath) throw usageError('MATERIAL_MISSING', '--key needs --signature FILE (or --bundle FILE)');
    return 'key';
  }
  if (req.signaturePath && req.certificatePath) return 'detached';
  if (req.signaturePath || req.certificatePath) {
    throw usageError(
      'MATERIAL_MISSING',
      `--${req.signaturePath ? 'certificate' : 'signature'} is missing: a detached signature needs both --signature and --certificate`,
    );
  }
  throw usageError('MATERIAL_MISSING', 'nothing to verify against: give --signature and --certificate, or --bundle, or --key with --signature');
}

export async function verifyBlob(req: VerifyBlobRequest, deps: VerifyBlobDeps): Promise<VerifyBlobResult> {
  const kind = materialKind(req);
  const text = async (path: string | undefined) => (path === undefined ? undefined : (await deps.readFile(path, SIDE_FILE_LIMIT)).toString('utf8'));

  const [signature, certificate, bundle, key, rekorEntry, trustedRootText] = await Promise.all([
    text(req.signaturePath),
    text(req.certificatePath),
    text(req.bundlePath),
    text(req.keyPath),
    text(req.rekorEntryPath),
    text(req.trustedRootPath),
  ]);
  const trustedRoot = await resolveTrustedRoot({
    trustedRootFile: trustedRootText === undefined ? undefined : { path: req.trustedRootPath!, text: trustedRootText },
    offline: req.offline,
    tuf: deps.tuf,
    warn: deps.warn,
  });
  const material: SignatureMaterial =
    kind === 'bundle'
      ? { kind, bundle: bundle!, publicKeyPem: key }
      : kind === 'key'
        ? { kind, signature: signature!, publicKeyPem: key!, rekorEntry }
        : { kind, signature: signature!, certificate: certificate!, rekorEntry };

  const limit = { maxBytes: req.maxArtifactBytes, hint: 'raise --max-size if the file is that large' };
  // A signature over the artifact's digest is checked as the file streams past: no file is held whole.
  const artifact = signsDigest(kind, bundle) ? await deps.streamFile(req.artifactPath, limit) : await deps.readFile(req.artifactPath, limit);
  const result = await verifyArtifactSignature({
    artifact,
    material,
    trustedRoot,
    policy: req.policy,
    offline: req.offline,
    rekor: req.offline ? undefined : deps.rekor,
    now: deps.now?.(),
  });
  const out: VerifyBlobResult = {
    ...result,
    artifact: { path: req.artifactPath, sha256: signedBytesSha256(artifact).toString('hex'), size: isStreamed(artifact) ? artifact.size : artifact.length },
    trustedRoot: trustedRoot.source,
  };
  if (req.saveRekorEntryPath) {
    if (result.verified && result.rekorEntry) {
      await deps.writeOutputFile(req.saveRekorEntryPath, `${JSON.stringify(toRestEntry(result.rekorEntry), null, 2)}\n`);
      out.savedRekorEntry = req.saveRekorEntryPath;
    } else {
      deps.warn(`not writing ${req.saveRekorEntryPath}: ${result.rekorEntry ? 'verification failed' : 'there is no Rekor entry to save'}`);
    }
  }
  return out;
}

/** Detached and key signatures are over the SHA-256 of the bytes; so is a bundle's message signature that says so. */
function signsDigest(kind: SignatureMaterial['kind'], bundle: string | undefined): boolean {
  if (kind !== 'bundle') return true;
  try {
    const json = JSON.parse(bundle ?? '') as { messageSignature?: { messageDigest?: { algorithm?: unknown } }; dsseEnvelope?: unknown };
    return json.dsseEnvelope === undefined && json.messageSignature?.messageDigest?.algorithm === 'SHA2_256';
  } catch {
    return false; // the verification reports the unreadable bundle, over bytes read the plain way
  }
}
