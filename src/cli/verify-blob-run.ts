// `kube-sbom verify-blob` at run time: the flags checked, then the verify-blob use case with Rekor and TUF online.
import { parseDuration } from '../common/duration.js';
import { usageError } from '../common/errors.js';
import { writeOutputFile } from '../common/output-file.js';
import { readLimited } from '../common/read-limited.js';
import { createRekorClient } from '../sigstore/rekor-client.js';
import { sigstoreTufFetcher } from '../sigstore/trust-source.js';
import { streamFileForSignature } from '../verify/streamed-file.js';
import { verifyBlob } from '../verify/verify-blob.js';
import { warn } from './output.js';
import { parseSize } from './size-option.js';
import { printVerifyBlobResult } from './verify-blob-output.js';

export interface VerifyBlobCliOptions {
  signature?: string;
  certificate?: string;
  bundle?: string;
  key?: string;
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  certificateOidcIssuerRegexp?: string;
  rekorEntry?: string;
  rekorUrl: string;
  rekorTimeout: string;
  timeout?: string;
  saveRekorEntry?: string;
  trustedRoot?: string;
  maxSize: string;
  cacheDir?: string;
  offline?: boolean;
  json?: boolean;
}

export async function runVerifyBlob(file: string, options: VerifyBlobCliOptions): Promise<number> {
  const timeout = Number(options.rekorTimeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw usageError('BAD_TIMEOUT', `--rekor-timeout ${options.rekorTimeout}: give seconds, e.g. 15`);
  const timeoutMs = options.timeout === undefined ? timeout * 1000 : parseDuration(options.timeout, '--timeout');
  let rekorUrl: URL;
  try {
    rekorUrl = new URL(options.rekorUrl);
    if (rekorUrl.protocol !== 'https:' && rekorUrl.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    throw usageError('BAD_REKOR_URL', `--rekor-url ${options.rekorUrl}: give an http(s) URL`);
  }
  const result = await verifyBlob(
    {
      artifactPath: file,
      signaturePath: options.signature,
      certificatePath: options.certificate,
      bundlePath: options.bundle,
      keyPath: options.key,
      rekorEntryPath: options.rekorEntry,
      saveRekorEntryPath: options.saveRekorEntry,
      trustedRootPath: options.trustedRoot,
      maxArtifactBytes: parseSize(options.maxSize),
      offline: options.offline === true,
      policy: {
        identity: options.certificateIdentity,
        identityRegexp: options.certificateIdentityRegexp,
        issuer: options.certificateOidcIssuer,
        issuerRegexp: options.certificateOidcIssuerRegexp,
      },
    },
    {
      readFile: readLimited,
      streamFile: streamFileForSignature,
      writeOutputFile,
      rekor: createRekorClient({ baseUrl: rekorUrl.toString(), timeoutMs }),
      tuf: sigstoreTufFetcher({ cacheDir: options.cacheDir, timeoutMs }),
      now: () => new Date(),
      warn,
    },
  );
  return printVerifyBlobResult(result, options.json === true);
}
