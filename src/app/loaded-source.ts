// What loading a source gives either front end, and the events it reports on the way.
import type { Diagnostic } from '../../parsers/diagnostics.js';
import type { SbomFormat, SpdxDocument } from '../../parsers/model.js';
import type { ReleaseSourceOptions } from '../verify/release-session.js';
import type { VerifyEvent } from '../verify/release-check.js';
import type { VerifySbomReport } from '../verify/verify-sbom.js';

/** How the document came to be trusted: a file or URL as given (nothing checked), or a release that verified. */
export type Verification = { kind: 'file' } | { kind: 'url'; url: string } | { kind: 'release'; version: string; url: string; report: VerifySbomReport };

export interface LoadedSource {
  document: SpdxDocument;
  /** The path, the URL, or `VERSION (URL)` for a release. */
  label: string;
  format?: SbomFormat;
  /** Every parse problem; the document is usable but may be incomplete when some are errors. */
  diagnostics: Diagnostic[];
  verification: Verification;
}

/** Downloads, stages and checks as they happen, and warnings (e.g. a trusted-root fallback) a user must see. */
export type LoadEvent = VerifyEvent | { type: 'warning'; message: string };
export type LoadEventListener = (event: LoadEvent) => void;

/** How a release SBOM is fetched and checked (the identity and issuer are the release signer's), offline or not. */
export interface ReleaseLoadOptions extends Omit<ReleaseSourceOptions, 'verifySignature' | 'onEvent' | 'offline'> {
  /** A saved Rekor entry for the SBOM's signature. */
  rekorEntryFile?: string;
  /** The SBOM signature's carried Sigstore bundle (release.sigstore.json). */
  sbomBundleFile?: string;
  offline: boolean;
}

export interface LoadOptions {
  /** Largest file or URL document read. */
  maxBytes: number;
  /** Read as this format instead of detecting it (files and URLs). */
  inputFormat?: SbomFormat;
  release: ReleaseLoadOptions;
}
