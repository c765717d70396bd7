// pin at run time: options checked before any network, manifests read and parsed, images verified, then the diff,
// the files written, or the check made.
import { ExitCode, usageError } from '../common/errors.js';
import { writeOutputFile } from '../common/output-file.js';
import { compilePolicy } from '../sigstore/identity.js';
import { pingRegistries } from '../verify/verify-images.js';
import { parseReference } from '../registry/reference.js';
import { imagesProgress } from './image-progress.js';
import { loadManifests, pinManifests } from '../verify/pin-manifests.js';
import type { ImageCliOptions } from './image-options.js';
import { assertOfflineAllows, carriedFrom, imageSourceFrom, imageTimeoutFrom, policyFrom, trustedRootFrom } from './image-run-options.js';
import { readManifests } from './manifest-files.js';
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
  const carried = await carriedFrom(opts);
  // An unreachable registry is one error (exit 3), not one failure per image.
  await pingRegistries(source, loaded.references, timeoutMs);
  const result = await pinManifests(loaded, {
    source,
    trustedRoot,
    policy,
    ...carried,
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
