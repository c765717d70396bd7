// verify-files --signature: each matched local file checked against the .sig/.cert the release publishes for the
// SBOM file it matched, like cosign verify-blob on the local bytes (Rekor entry looked up by their SHA-256).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KubeSbomError } from '../common/errors.js';
import type { FetchedFile } from '../fetch/fetcher.js';
import type { StreamedSignatureCheck } from '../sigstore/streamed-signature.js';
import { SIZE_LIMITS } from '../fetch/types.js';
import { releaseFileUrls } from '../k8s/release-urls.js';
import { mapLimited } from '../registry/limiter.js';
import { failed, type ReleaseCheck } from './release-check.js';
import { withReleaseSession, type ReleaseSourceOptions } from './release-session.js';
import { baseName } from './sbom-file-index.js';
import { signatureCheck } from './signed-artifact.js';
import type { FileResult } from './verify-files.js';

export interface FileSignatureOptions extends ReleaseSourceOptions {
  /** The exact version of the verified release SBOM the files were matched against. */
  version: string;
  concurrency: number;
}

/** One signature check per matched file, keyed by its path; a check that could not be made fails. */
export async function checkFileSignatures(results: readonly FileResult[], options: FileSignatureOptions): Promise<Map<string, ReleaseCheck>> {
  const matched = results.filter((r) => r.status === 'matched');
  const out = new Map<string, ReleaseCheck>();
  if (matched.length === 0) return out;
  await withReleaseSession(options.version, options, (session) =>
    mapLimited(matched, options.concurrency, async (result, i) => {
      const sbomPath = result.sbomFiles[0]!.name;
      try {
        const urls = releaseFileUrls(options.version, sbomPath, options.dlUrl);
        // Files of the same name (kubectl of two architectures) get their own staging folders.
        const dir = join(session.dir, String(i));
        await mkdir(dir);
        const fileName = baseName(sbomPath);
        const small = (url: string, suffix: string) =>
          session.fetcher.fetch({ url, label: `${fileName}${suffix}`, dir, maxBytes: SIZE_LIMITS.small, cache: 'prefer' });
        const [sig, cert] = await Promise.all([small(urls.sig, '.sig'), small(urls.cert, '.cert')]);
        // No tap: a file the user has is read again for its signature check.
        const artifact: FetchedFile<StreamedSignatureCheck> = {
          url: pathToFileURL(result.path).href,
          label: fileName,
          path: result.path,
          source: 'file',
          cacheKey: '',
          size: result.size!,
          sha256: result.sha256!,
          sha512: result.sha512!,
        };
        const policy = {
          identity: options.identity,
          identityRegexp: options.identityRegexp,
          issuer: options.issuer,
          issuerRegexp: options.issuerRegexp,
          trustedRootPath: options.trustedRootPath,
          rekorUrl: options.rekorUrl,
          verify: options.verifySignature,
        };
        const request = { urls, fileName, subject: sbomPath, maxBytes: SIZE_LIMITS.binary, fetcher: session.fetcher, dir, policy };
        out.set(result.path, (await signatureCheck(request, artifact, sig, cert)).check);
      } catch (err) {
        const code = err instanceof KubeSbomError ? err.code : 'SIGNATURE_NOT_CHECKED';
        out.set(result.path, failed('signature', sbomPath, code, `${(err as Error)?.message ?? String(err)}`));
      }
    }),
  );
  return out;
}
