// pin at run time: options checked before any network, manifests read and parsed, images verified, then the diff,
// the files written, or the check made.
import { extname } from 'node:path';
import { ioError, checkError, ExitCode, usageError } from '../common/errors.js';
import { writeOutputFile } from '../common/output-file.js';
import { readLimited } from '../common/read-limited.js';
import { mapLimited } from '../registry/limiter.js';
import { compilePolicy } from '../sigstore/identity.js';
import { collectLocalFiles } from '../verify/local-files.js';
import { pingRegistries } from '../verify/verify-images.js';
import { parseReference } from '../registry/reference.js';
import { imagesProgress } from './image-progress.js';
import { loadManifests, pinManifests, type ManifestFile } from '../verify/pin-manifests.js';
import type { ImageCliOptions } from './image-options.js';
import { assertOfflineAllows, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom } from './image-run-options.js';
import { outputSettings, warn, writeJson, writeReport, writeSerialized, writeText } from './output.js';
import { sanitizeKeepingCrlf } from '../common/sanitize.js';
import { addPolicyHints, checkLines, notPinnedLines, pinExitCode, summaryLine } from './pin-report-text.js';
import { parseSize } from './size-option.js';
import { unifiedDiff } from '../export/unified-diff.js';

export interface PinCliOptions extends ImageCliOptions {
  write?: boolean;
  check?: boolean;
  maxSize: string;
  concurrency: string;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const READS_AT_ONCE = 16;

export async function runPin(paths: string[], opts: PinCliOptions): Promise<number> {
  const policy = policyFrom(opts);
  compilePolicy(policy);
  const timeoutMs = imageTimeoutFrom(opts);
  const source = imageSourceFrom(opts);
  const loaded = loadManifests(await readManifests(paths, parseSize(opts.maxSize)));
  if (loaded.parsed.every(({ manifest }) => manifest.images.length === 0 && manifest.problems.length === 0)) {
    warn(`no container images in ${loaded.parsed.length} file(s): only Pods, workloads, CronJobs, PodTemplates and Lists of them hold images`);
  }
  assertOfflineAllows(
    opts,
    loaded.references.map((r) => parseReference(r).registry),
  );
  const trustedRoot = await trustedRootFrom(opts);
  // An unreachable registry is one error (exit 3), not one failure per image.
  await pingRegistries(source, loaded.references, timeoutMs);
  const result = await pinManifests(loaded, {
    source,
    trustedRoot,
    policy,
    concurrency: parseConcurrency(opts.concurrency),
    // --check only reports: nothing is rewritten or rendered.
    rewrite: !opts.check,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onEvent: opts.json ? () => {} : imagesProgress(),
  });
  addPolicyHints(result, opts);
  const mode = opts.check ? 'check' : opts.write ? 'write' : 'diff';
  const changed = result.files.filter((f) => f.after !== f.before);
  if (mode === 'write') for (const file of changed) await writeOutputFile(file.path, file.after);
  const code = pinExitCode(result, mode === 'check');
  if (opts.json) {
    writeJson({
      mode,
      ok: code === ExitCode.OK,
      trustedRoot: trustedRoot.source,
      policy,
      files: result.files.map((f) => ({
        path: f.path,
        changed: f.images.some((i) => i.status === 'pinned'),
        ...(mode === 'write' ? { written: f.after !== f.before } : {}),
        ...(mode === 'diff' ? { diff: unifiedDiff(f.path, f.before, f.after) } : {}),
        images: f.images,
        problems: f.problems,
      })),
    });
    return code;
  }
  if (mode === 'check') writeText(checkLines(result));
  else {
    // A CRLF file's diff keeps its CRs raw, or patch could not apply it; every other control character is still escaped.
    if (mode === 'diff') writeSerialized(sanitizeKeepingCrlf(changed.map((f) => unifiedDiff(f.path, f.before, f.after)).join('')));
    writeReport(notPinnedLines(result));
    if (mode === 'write') for (const file of changed) if (!outputSettings().quiet) writeReport(`wrote ${file.path}\n`);
  }
  if (!outputSettings().quiet) writeReport(summaryLine(result, mode === 'check'));
  return code;
}

function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 64) throw usageError('OPTION_INVALID', `--concurrency ${text}: give a whole number from 1 to 64`);
  return n;
}

async function readManifests(paths: string[], maxBytes: number): Promise<ManifestFile[]> {
  const { files, leftOut } = await collectLocalFiles(paths);
  for (const left of leftOut) warn(`${left.path}: ${left.message}`);
  const named = new Set(paths);
  // A file named on the command line is read whatever its name; inside folders only manifest extensions are.
  const wanted = files.filter((path) => named.has(path) || MANIFEST_EXTENSIONS.has(extname(path).toLowerCase()));
  // Several reads in flight: one after another, a folder of small manifests waits on the file system per file.
  const manifests: ManifestFile[] = await mapLimited(wanted, READS_AT_ONCE, async (path) => {
    const bytes = await readLimited(path, { maxBytes, hint: 'raise --max-size if it really is a manifest' });
    return { path, text: decodeUtf8(bytes, path) };
  });
  if (manifests.length === 0) throw ioError('NO_MANIFESTS', `no manifest files (*.yaml, *.yml, *.json) under ${paths.join(', ')}`);
  return manifests;
}

function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    // The byte-order mark stays in the text so that a rewritten file keeps it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw checkError('MANIFEST_INVALID', `${path}: not UTF-8 text; Kubernetes manifests are UTF-8`);
  }
}
