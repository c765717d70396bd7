/**
 * Test PKI: a fake Sigstore public-good instance for tests, benchmarks and the demo samples.
 *
 * What is in it (everything derived from fixed seeds, so the same PKI name always yields byte-identical keys,
 * certificates and trusted_root.json; signatures are deterministic ECDSA, so signing the same input with the same
 * options twice gives the same bytes; all of it is cached per process and cheap):
 *   - a P-384 root CA and intermediate CA ("fake Fulcio"), valid 2020-01-01 .. 2045-01-01;
 *   - a P-256 Rekor key (log "rekor.kube-sbom.test"), and a P-256 CT log key;
 *   - a trusted_root.json naming all of them (`pki.trustedRoot` object, `pki.trustedRootText` string).
 *
 *   import { getTestPki, signBlob, toSigstoreBundle, signImageLegacy, writeTrustedRoot } from '../helpers/pki/index.js';
 *
 *   const pki = await getTestPki();               // 'trusted' PKI; getTestPki('untrusted') is an unrelated one
 *   const s = await signBlob(bytes, { identity, issuer, notBefore });
 *     s.signatureB64    .sig file content (base64 DER ECDSA signature)
 *     s.certificateB64  .cert file content (base64 of the PEM), s.certificatePem, s.certificateDer, s.chainPem
 *     s.rekorEntry      Rekor REST API shape {uuid: {body, integratedTime, logID, logIndex,
 *                       verification: {signedEntryTimestamp, inclusionProof: {checkpoint, hashes, logIndex,
 *                       rootHash, treeSize}}}}; s.rekorUuid, s.rekorValue (the inner object)
 *     s.artifactDigestHex
 *   Defaults: identity krel-staging@k8s-releng-prod.iam.gserviceaccount.com, issuer https://accounts.google.com,
 *   notBefore 2025-03-04T10:00:00Z, 10-minute certificate, integratedTime notBefore+20s, embedded SCT, inclusion proof.
 *
 *   Bad material (SignOptions):
 *     { identity: 'someone@else' }                wrong identity (or issuer: ...)
 *     { ca: await getTestPki('untrusted') }       leaf issued by a CA the trusted root does not know
 *     { expiredAtSigning: true }                  Rekor integratedTime one minute after the certificate expired
 *     { forgeSet: true }                          SET signed by a key that is not the Rekor key
 *     { rekorEntryForArtifact: otherBytes }        Rekor entry records a signature over other bytes
 *     { sct: false }, { inclusionProof: false }   leave those out
 *
 *   toSigstoreBundle(s, '0.1' | '0.2' | '0.3')    a messageSignature bundle (plain object; JSON.stringify it)
 *   cosignBundleAnnotation(s.rekorValue)         the `dev.sigstore.cosign/bundle` annotation value
 *   signImageLegacy(repo, 'sha256:...', opts)    cosign legacy image signature: {payload (simple-signing bytes),
 *                                                payloadDigest, annotations, layer descriptor, signed, bundleV03}
 *                                                (identity defaults to krel-trust@k8s-releng-prod...)
 *   signBlobWithKey(bytes)                        a key-based signature: {publicKeyPem, signatureB64, signature}
 *   writeTrustedRoot(path, name?)                 writes the PKI's trusted_root.json (same bytes every time)
 */
export { getTestPki, writeTrustedRoot, PKI_VALID_FROM, PKI_VALID_UNTIL, type TestPki, type TrustedRootJson } from './pki.js';
export { signBlob, sha256Hex, DEFAULT_SIGNED_AT, GOOGLE_ISSUER, K8S_BLOB_IDENTITY, K8S_IMAGE_IDENTITY, type SignOptions, type SignedBlob } from './sign.js';
export { signBlobWithKey, type KeySignedBlob } from './sign-with-key.js';
export { toSigstoreBundle, tlogEntryJson, cosignBundleAnnotation, signImageLegacy, type BundleVersion, type CosignImageSignature } from './bundles.js';
export type { RekorRestEntry, RekorEntryValue, RekorInclusionProof } from './rekor-log.js';
export { derToPem } from './certificates.js';
