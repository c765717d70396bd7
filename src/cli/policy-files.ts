// --policy FILE (repeatable; folders walked for *.yaml, *.yml, *.json): ClusterImagePolicy and TrustRoot documents.
import { extname } from 'node:path';
import { usageError } from '../common/errors.js';
import { readLimited } from '../common/read-limited.js';
import { readPolicyFile } from '../k8s/cip-documents.js';
import type { PolicySet } from '../k8s/cip-model.js';
import { collectLocalFiles } from '../verify/local-files.js';
import { decodeUtf8 } from './manifest-files.js';
import { warn } from './output.js';

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export async function readPolicies(paths: string[], maxBytes: number): Promise<PolicySet> {
  const set: PolicySet = { policies: [], trustRoots: new Map() };
  const { files, leftOut } = await collectLocalFiles(paths);
  for (const left of leftOut) warn(`${left.path}: ${left.message}`);
  const named = new Set(paths);
  for (const path of files) {
    if (!named.has(path) && !EXTENSIONS.has(extname(path).toLowerCase())) continue;
    const text = decodeUtf8(await readLimited(path, { maxBytes, hint: 'raise --max-size if it really is a policy' }), path);
    const skipped = readPolicyFile(text, path, set);
    if (skipped > 0) warn(`${path}: ${skipped} document(s) that are neither ClusterImagePolicy nor TrustRoot were skipped`);
  }
  if (set.policies.length === 0) throw usageError('NO_POLICIES', `no ClusterImagePolicy (policy.sigstore.dev) in ${paths.join(', ')}`);
  return set;
}
