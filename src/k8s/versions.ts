// Kubernetes version specs: exact versions (v1.29.0, v1.30.0-rc.1) and dl.k8s.io markers (stable, latest-1.29 ...).
// Specs are checked before anything is downloaded; marker contents are checked before they are used in a URL.
import { checkError, usageError } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';

export type VersionSpec = { kind: 'exact'; version: string } | { kind: 'marker'; marker: string };

const EXACT = /^v?(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})(-(?:alpha|beta|rc)\.(?:0|[1-9]\d{0,3}))?$/;
const MARKER = /^(stable|latest)(-(0|[1-9]\d{0,3})(\.(0|[1-9]\d{0,3}))?)?$/;

export function isExactVersion(text: string): boolean {
  return EXACT.test(text) && text.startsWith('v');
}

/** Parses what a user typed; a leading `v` is added to bare numbers (1.29.0 -> v1.29.0). */
export function parseVersionSpec(input: string): VersionSpec {
  const text = input;
  if (EXACT.test(text)) return { kind: 'exact', version: text.startsWith('v') ? text : `v${text}` };
  if (MARKER.test(text)) return { kind: 'marker', marker: text };
  throw usageError(
    'VERSION_INVALID',
    `"${sanitizeLine(input)}" is not a Kubernetes version: give v1.29.0, v1.30.0-rc.1, stable, latest, stable-1.29 or latest-1.29`,
  );
}

/** Path of a marker file under the dl base URL. */
export function markerPath(marker: string): string {
  return `release/${marker}.txt`;
}

/** Reads a marker file's content; anything but one exact version is refused (a mirror must not steer URLs). */
export function parseMarkerContent(marker: string, content: string): string {
  const text = content.trim();
  if (!isExactVersion(text)) {
    throw checkError('MARKER_INVALID', `${markerPath(marker)}: expected a version like v1.29.0, got "${sanitizeLine(text.slice(0, 60))}"`);
  }
  const m = MARKER.exec(marker);
  const minor = m?.[2]?.slice(1);
  if (minor !== undefined && !text.slice(1).startsWith(`${minor}.`)) {
    throw checkError('MARKER_INVALID', `${markerPath(marker)}: names ${text}, which is not a ${minor} release`);
  }
  if (m?.[1] === 'stable' && text.includes('-')) {
    throw checkError('MARKER_INVALID', `${markerPath(marker)}: names the prerelease ${text} as stable`);
  }
  return text;
}

/** Resolves a spec to an exact version; `readMarker` fetches a marker file's text (network or cache). */
export async function resolveVersion(spec: VersionSpec, readMarker: (path: string) => Promise<string>): Promise<string> {
  if (spec.kind === 'exact') return spec.version;
  return parseMarkerContent(spec.marker, await readMarker(markerPath(spec.marker)));
}
