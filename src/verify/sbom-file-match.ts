// The cross-check verify-binary adds to cosign: the verified release SBOM must describe these exact bytes.
import type { SpdxDocument } from '../../parsers/model.js';
import { digestsEqual } from '../integrity/compare.js';
import type { Digests } from '../integrity/digest.js';
import { failed, passed, type ReleaseCheck } from './release-check.js';

/** Checks the SBOM's FileChecksum entries for `path` (e.g. bin/linux/amd64/kubectl) against the digests we computed. */
export function checkSbomDescribes(doc: SpdxDocument, path: string, actual: Digests): ReleaseCheck {
  const files = doc.files.filter((f) => f.name.replace(/^\.\//, '') === path);
  if (files.length === 0) {
    return failed(
      'sbom-describes',
      path,
      'SBOM_FILE_MISSING',
      `the release SBOM lists no file ${path}: a binary it does not describe is not part of the release`,
    );
  }
  const compared: string[] = [];
  for (const file of files) {
    for (const cs of file.checksums) {
      const algorithm = cs.algorithm.toUpperCase();
      const ours = algorithm === 'SHA256' ? actual.sha256 : algorithm === 'SHA512' ? actual.sha512 : undefined;
      if (ours === undefined) continue;
      if (!digestsEqual(cs.value, ours)) {
        const code = algorithm === 'SHA256' ? 'SBOM_DIGEST_MISMATCH_SHA256' : 'SBOM_DIGEST_MISMATCH_SHA512';
        return failed('sbom-describes', path, code, `the release SBOM says ${algorithm} of ${path} is ${cs.value}, the bytes checked have ${ours}`);
      }
      compared.push(algorithm);
    }
  }
  if (compared.length === 0) {
    return failed('sbom-describes', path, 'SBOM_CHECKSUM_MISSING', `the release SBOM lists ${path} without a SHA256 or SHA512 checksum to compare`);
  }
  return passed('sbom-describes', path, `the release SBOM lists ${path} with the same ${[...new Set(compared)].join(' and ')}`);
}
