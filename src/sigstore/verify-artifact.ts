// verifyArtifactSignature: THE entry point for checking a Sigstore signature over bytes we hold (release SBOM,
// binaries, cosign image-signature payloads). Pure: no disk, no clock; the network only through `rekor`.
import { createPublicKey } from 'node:crypto';
import type { TrustMaterial } from '@sigstore/verify';
import { KubeSbomError } from '../common/errors.js';
import { runChecks } from './checks.js';
import { compilePolicy, type IdentityPolicy } from './identity.js';
import { buildBundle, materialSignature, type SignatureMaterial } from './material.js';
import type { RekorEntry } from './rekor-entry.js';
import { signedBytesSha256, type SignedBytes } from './streamed-signature.js';
import { fail, makeReport, type VerificationReport } from './report.js';
import type { LoadedTrustedRoot } from './trusted-root.js';

/** Finds the Rekor entry for an artifact online (see rekor-client.ts); resolves undefined when Rekor has none. */
export interface RekorLookup {
  findEntry(artifactSha256Hex: string, signature: Buffer): Promise<RekorEntry | undefined>;
}

export interface VerifyArtifactInput {
  /** The bytes that were signed (for image signatures: the simple-signing payload layer), or a stream's record of them. */
  artifact: SignedBytes;
  material: SignatureMaterial;
  trustedRoot: LoadedTrustedRoot;
  /** Required for certificate (keyless) material: exact or regexp identity and issuer. */
  policy?: IdentityPolicy;
  /** Never use the network; with no Rekor entry in the material the transparency-log check fails. */
  offline?: boolean;
  /** Used only when the material carries no Rekor entry and offline is false. */
  rekor?: RekorLookup;
  /** Only to reject log entries dated in the future; omitted, no clock is consulted. */
  now?: Date;
}

export interface ArtifactVerification extends VerificationReport {
  /** The Rekor entry that was checked (given or fetched), for --save-rekor-entry. */
  rekorEntry?: RekorEntry;
  /** The log index of the transparency-log entry in the checked bundle, when it has one. */
  rekorLogIndex?: number;
  /** SHA-256 (hex) of the bytes this verification checked, when it got as far as hashing them. */
  artifactSha256?: string;
}

/**
 * Verifies a signature over `artifact` and reports every check (artifact-digest, certificate-chain, sct or
 * public-key, transparency-log, signature, identity, issuer). Resolves a report for anything that is a failed
 * check, including malformed material (one failing `input` check). Rejects (KubeSbomError) only when it cannot
 * run: a usage problem in the policy (kind 'usage') or the Rekor lookup failing (kind 'io').
 */
export async function verifyArtifactSignature(input: VerifyArtifactInput): Promise<ArtifactVerification> {
  const { artifact, material } = input;
  const keyless = material.kind === 'detached' || (material.kind === 'bundle' && material.publicKeyPem === undefined);
  if (keyless) compilePolicy(input.policy ?? {}); // usage errors before any work
  try {
    let fetched: RekorEntry | undefined;
    let missingTlogReason = 'no transparency-log entry in the signature material';
    if (material.kind !== 'bundle' && material.rekorEntry === undefined) {
      if (input.offline || !input.rekor) {
        missingTlogReason = 'no Rekor entry given and running offline: pass one with --rekor-entry FILE';
      } else {
        const digest = signedBytesSha256(artifact).toString('hex');
        fetched = await input.rekor.findEntry(digest, materialSignature(material)!);
        missingTlogReason = `Rekor has no entry for sha256:${digest}`;
      }
    }
    // Hashed once here, after any await, for the bundle's digest and the digest check (no await until they ran).
    const artifactSha256 = signedBytesSha256(artifact);
    const built = buildBundle(material, artifactSha256, fetched);
    const trust = built.publicKey ? withGivenKey(input.trustedRoot.material, built.publicKey) : input.trustedRoot.material;
    const report = runChecks({
      bundle: built.bundle,
      artifact,
      trust,
      policy: keyless ? input.policy : undefined,
      publicKey: built.publicKey,
      missingTlogReason,
      now: input.now,
      artifactSha256,
    });
    const logIndex = Number(built.bundle.verificationMaterial.tlogEntries[0]?.logIndex);
    return {
      ...report,
      rekorEntry: built.rekorEntry,
      rekorEntryUuid: built.rekorEntry?.uuid,
      artifactSha256: artifactSha256.toString('hex'),
      ...(Number.isSafeInteger(logIndex) && logIndex >= 0 && built.bundle.verificationMaterial.tlogEntries.length > 0 ? { rekorLogIndex: logIndex } : {}),
    };
  } catch (err) {
    if (err instanceof KubeSbomError && err.kind === 'check') return makeReport([fail('input', err.code, err.message)]);
    if (err instanceof KubeSbomError) throw err;
    // Anything unexpected while checking is a failed verification, never a pass.
    return makeReport([fail('input', 'VERIFICATION_ERROR', `verification could not complete: ${(err as Error)?.message ?? String(err)}`)]);
  }
}

/** Trust material whose key lookup answers with the user's key whatever hint the bundle names. */
function withGivenKey(material: TrustMaterial, spki: Buffer): TrustMaterial {
  return {
    ...material,
    publicKey: () => ({ publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }), validFor: () => true }),
  };
}
