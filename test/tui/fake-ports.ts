// Faked use cases for the UI tests: every call is recorded, and long work waits on a gate the test opens.
import type { ExportRequest, ImageResult, ReleaseEvent, ReleaseOutcome, SbomView, TuiPorts } from '../../src/tui/ports.js';
import { openReferencedFile } from '../../src/tui/adapters/open-reference.js';
import { fixtureView } from './fixture.js';

export interface Gate {
  promise: Promise<void>;
  open: () => void;
}
export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export interface FakeCalls {
  opened: string[];
  releases: string[];
  verified: string[][];
  /** Paths of each verifyFiles call. */
  files: string[][];
  exports: ExportRequest[];
  /** Where each export was asked to write. */
  exportPaths: Array<string | undefined>;
}

export const digestOf = (reference: string) => `sha256:${Buffer.from(reference).toString('hex').slice(0, 64).padEnd(64, '0')}`;

/** Images whose reference contains "proxy-arm64" fail with IDENTITY_MISMATCH; the rest verify. */
/** `warning`: said by both the release and the images run, as a trusted-root fallback would be. */
/** `demo`: the ports offer a demo release with this banner; its version (v1.2.3) yields the demo's document. */
/** `tampered`: a file path whose verification fails on SHA-512 (its bytes changed after signing); the others verify. */
export function fakePorts(
  options: {
    imagesGate?: Gate;
    filesGate?: Gate;
    tampered?: string;
    releaseGate?: Gate;
    releaseFails?: boolean;
    view?: SbomView;
    warning?: string;
    demo?: string;
  } = {},
): {
  ports: TuiPorts;
  calls: FakeCalls;
} {
  const calls: FakeCalls = { opened: [], releases: [], verified: [], files: [], exports: [], exportPaths: [] };
  const ports: TuiPorts = {
    ...(options.demo ? { demo: { version: 'v1.2.3', banner: options.demo } } : {}),
    versions: ['v1.2.3', 'stable'],
    isVersion: (text) => /^v\d+\.\d+\.\d+$|^stable$/.test(text),
    async openFile(path) {
      calls.opened.push(path);
      if (path.includes('missing')) throw new Error(`${path}: no such file [FILE_NOT_FOUND]`);
      return options.view ?? fixtureView(path);
    },
    async verifyRelease(version, onEvent: (e: ReleaseEvent) => void): Promise<ReleaseOutcome> {
      calls.releases.push(version);
      onEvent({ type: 'stage', message: `verifying the release SBOM of ${version}` });
      if (options.warning) onEvent({ type: 'warning', message: options.warning });
      onEvent({ type: 'download', label: 'release', bytesDone: 512, totalBytes: 2048, bytesPerSecond: 4096, done: false });
      onEvent({ type: 'check', check: { id: 'sha256', status: 'pass', code: 'OK', message: 'sha256 matches release.sha256', details: [] } });
      await options.releaseGate?.promise;
      onEvent({ type: 'download', label: 'release', bytesDone: 2048, totalBytes: 2048, bytesPerSecond: 0, done: true });
      const signature = options.releaseFails
        ? {
            id: 'signature' as const,
            status: 'fail' as const,
            code: 'IDENTITY_MISMATCH',
            message: 'signed by someone@else',
            details: ['identity someone@else'],
          }
        : {
            id: 'signature' as const,
            status: 'pass' as const,
            code: 'OK',
            message: 'signature verified',
            details: ['identity krel-staging@k8s-releng-prod.iam.gserviceaccount.com', 'Rekor time 2025-03-04T10:00:20Z'],
          };
      const checks = [
        { id: 'sha256' as const, status: 'pass' as const, code: 'OK', message: 'sha256 matches release.sha256', details: [] },
        { id: 'sha512' as const, status: 'pass' as const, code: 'OK', message: 'sha512 matches release.sha512', details: [] },
        signature,
        { id: 'parse' as const, status: 'pass' as const, code: 'OK', message: 'SPDX-2.3 tag-value: 13 packages', details: [] },
      ];
      const view = options.view ?? fixtureView(`${version} release`);
      const demo = options.demo !== undefined && version === 'v1.2.3';
      return { verified: !options.releaseFails, version, checks, view: demo ? { ...view, demo } : view };
    },
    async verifyImages(_view, references, onResult: (r: ImageResult) => void, onWarning?: (message: string) => void) {
      calls.verified.push(references);
      if (options.warning) onWarning?.(options.warning);
      for (const reference of references) onResult({ reference, status: 'running', checks: [] });
      await options.imagesGate?.promise;
      return references.map((reference) => {
        const result: ImageResult = reference.includes('proxy-arm64')
          ? {
              reference,
              status: 'failed',
              code: 'IDENTITY_MISMATCH',
              message: 'none of 1 signature(s) verified',
              checks: [{ check: 'signatures', status: 'fail', code: 'IDENTITY_MISMATCH', message: 'signer someone@else is not krel-trust' }],
            }
          : { reference, status: 'verified', digest: digestOf(reference), code: 'OK', message: 'verified: 1 signature(s)', checks: [] };
        onResult(result);
        return result;
      });
    },
    async verifyFiles(_view, paths, onResult: (r: ImageResult) => void) {
      calls.files.push(paths);
      for (const reference of paths) onResult({ reference, status: 'running', checks: [] });
      await options.filesGate?.promise;
      return paths.map((reference) => {
        const sha256 = { check: 'sha256', status: 'pass' as const, code: 'OK', message: `SHA-256 matches ${reference}.sha256` };
        const result: ImageResult =
          reference === options.tampered
            ? {
                reference,
                status: 'failed',
                code: 'DIGEST_MISMATCH',
                message: `sha512: SHA-512 of file:///dl/${reference} is 1111, but file:///dl/${reference}.sha512 says 2222`,
                checks: [
                  sha256,
                  { check: 'sha512', status: 'fail', code: 'DIGEST_MISMATCH', message: 'SHA-512 of the download is 1111, but .sha512 says 2222' },
                ],
              }
            : {
                reference,
                status: 'verified',
                digest: `sha512:${'ab'.repeat(64)}`,
                code: 'OK',
                message: `every check passed: file:///dl/${reference}`,
                checks: [sha256, { check: 'signature', status: 'pass', code: 'OK', message: 'signed by krel-staging@k8s-releng-prod.iam.gserviceaccount.com' }],
              };
        onResult(result);
        return result;
      });
    },
    exportDir: '/exports',
    async exportFile(_view, request, path) {
      calls.exports.push(request);
      calls.exportPaths.push(path);
      return {
        path: path ?? `/exports/out.${request.format}`,
        count: request.kind === 'images' ? request.references.length : request.results.length + (request.files?.length ?? 0),
      };
    },
    // The real thing: reads a local file (or downloads a loopback URL) and checks its SHA-1.
    openReference: (view, refId, path) => openReferencedFile({ maxBytes: 1024 * 1024, offline: false }, view, refId, path),
  };
  return { ports, calls };
}
