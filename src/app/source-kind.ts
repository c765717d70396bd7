// The one answer to "what did the user name?": an existing file wins, then a URL (where the front end takes
// URLs), then a release version; anything else is a file (whose absence the reader reports).
import { existsSync } from 'node:fs';
import { parseVersionSpec } from '../k8s/versions.js';

export type SourceRef = { kind: 'file'; path: string } | { kind: 'url'; url: string } | { kind: 'release'; version: string };

export function isUrl(text: string): boolean {
  return /^(https?|file):\/\//i.test(text);
}

function isVersionSpec(text: string): boolean {
  try {
    parseVersionSpec(text);
    return true;
  } catch {
    return false;
  }
}

/** `./stable` that exists is a file; `stable` with no such file is the release; `https://...` a URL if allowed. */
export function sourceOf(text: string, options: { urls?: boolean } = {}): SourceRef {
  if (existsSync(text)) return { kind: 'file', path: text };
  if (options.urls && isUrl(text)) return { kind: 'url', url: text };
  if (isVersionSpec(text)) return { kind: 'release', version: text };
  return { kind: 'file', path: text };
}
