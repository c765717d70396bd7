// What pin tells people: the images it left as written and why, the --check verdicts, the totals, the exit code.
import { ExitCode } from '../common/errors.js';
import { sanitizeLine } from '../common/sanitize.js';
import { IMAGE_SIGNER_IDENTITY } from '../k8s/identities.js';
import { parseReference } from '../registry/reference.js';
import type { PinnedImage, PinResult } from '../verify/pin-manifests.js';
import type { ImageCliOptions } from './image-options.js';

const K8S_REGISTRY = 'registry.k8s.io';

/** An image of another registry checked against the default (Kubernetes) signer is told why it failed. */
export function addPolicyHints(result: PinResult, opts: ImageCliOptions): void {
  const userPolicy = [opts.certificateIdentity, opts.certificateIdentityRegexp, opts.certificateOidcIssuer, opts.certificateOidcIssuerRegexp].some(
    (v) => v !== undefined,
  );
  if (userPolicy) return;
  for (const image of result.files.flatMap((f) => f.images)) {
    if (image.status !== 'failed' || image.failureKind === 'io') continue;
    const registry = parseReference(image.image).registry;
    if (registry === K8S_REGISTRY) continue;
    image.reason +=
      `; ${registry} is not ${K8S_REGISTRY} and was checked against the default signer ${IMAGE_SIGNER_IDENTITY}: ` +
      'give --certificate-identity and --certificate-oidc-issuer for its signer';
  }
}

const where = (path: string, line: number) => `${sanitizeLine(path)}:${line}`;

function whyNot(image: PinnedImage): string {
  return image.status === 'invalid' ? `${image.reason} [${image.code}]` : `not verified: ${sanitizeLine(image.reason)} [${image.code}]`;
}

/** diff and --write: every image left as written, with the reason. */
export function notPinnedLines(result: PinResult): string {
  const lines: string[] = [];
  for (const file of result.files) {
    for (const p of file.problems) lines.push(`${where(file.path, p.line)}: not pinned: ${sanitizeLine(p.message)}`);
    for (const image of file.images.filter((i) => i.status === 'failed' || i.status === 'invalid')) {
      lines.push(`${where(file.path, image.line)}: ${sanitizeLine(image.image)} not pinned: ${whyNot(image)}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** --check: one line per image that is not pinned to a verified digest. */
export function checkLines(result: PinResult): string {
  const lines: string[] = [];
  for (const file of result.files) {
    for (const p of file.problems) lines.push(`${where(file.path, p.line)}: ${sanitizeLine(p.message)}`);
    for (const image of file.images) {
      const at = `${where(file.path, image.line)}: ${sanitizeLine(image.image)}`;
      if (image.status === 'pinned') lines.push(`${at}: not pinned (verified, would be ${image.pinned})`);
      else if (image.status !== 'verified') lines.push(`${at}: ${whyNot(image)}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}

export function summaryLine(result: PinResult, check: boolean): string {
  const images = result.files.flatMap((f) => f.images);
  const count = (status: PinnedImage['status']) => images.filter((i) => i.status === status).length;
  const notPinned = count('failed') + count('invalid') + result.files.reduce((n, f) => n + f.problems.length, 0);
  const changed = result.files.filter((f) => f.after !== f.before).length;
  return (
    `${images.length} image(s) in ${result.files.length} file(s): ` +
    (check ? `${count('pinned')} verified but not pinned` : `${count('pinned')} pinned to a verified digest (${changed} file(s) changed)`) +
    `, ${count('verified')} already pinned and verified, ${notPinned} not verified\n`
  );
}

/** 1: an image failed a check or is not a reference (with --check: or is not pinned); 3: one could not be checked. */
export function pinExitCode(result: PinResult, check: boolean): number {
  const images = result.files.flatMap((f) => f.images);
  const failed =
    result.files.some((f) => f.problems.length > 0) ||
    images.some((i) => i.status === 'invalid' || (i.status === 'failed' && i.failureKind !== 'io') || (check && i.status === 'pinned'));
  if (failed) return ExitCode.CHECK_FAILED;
  return images.some((i) => i.status === 'failed') ? ExitCode.CANNOT_RUN : ExitCode.OK;
}
