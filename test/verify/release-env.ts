// Shared set-up for the release verification tests: a pristine signed release built once, copied per test into a
// fresh folder served by its own mirror, plus the CLI arguments that point kube-sbom at it with short timeouts.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReleaseFixture, type ReleaseFixture } from '../helpers/release-fixture.js';
import { ReleaseMirror } from '../helpers/release-mirror.js';

export interface ReleaseEnv {
  fixture: ReleaseFixture;
  root: string;
  mirror: ReleaseMirror;
  cacheDir: string;
  outDir: string;
  /** Flags for verify-sbom / verify-binary pointing at this mirror. */
  flags: string[];
  close(): Promise<void>;
}

let pristine: Promise<ReleaseFixture> | undefined;
let pristineDir: string | undefined;

/** Built once per test file. */
export function pristineRelease(): Promise<ReleaseFixture> {
  pristine ??= (async () => {
    pristineDir = await mkdtemp(join(tmpdir(), 'kube-sbom-release-'));
    return buildReleaseFixture(pristineDir);
  })();
  return pristine;
}

export async function removePristine(): Promise<void> {
  if (pristineDir) await rm(pristineDir, { recursive: true, force: true });
}

export async function releaseEnv(): Promise<ReleaseEnv> {
  const fixture = await pristineRelease();
  const work = await mkdtemp(join(tmpdir(), 'kube-sbom-env-'));
  const root = join(work, 'mirror');
  await cp(fixture.root, root, { recursive: true });
  const mirror = await ReleaseMirror.start(root);
  const cacheDir = join(work, 'cache');
  const outDir = join(work, 'out');
  const flags = [
    '--sbom-url',
    mirror.sbomUrl,
    '--dl-url',
    mirror.dlUrl,
    '--rekor-url',
    mirror.rekorUrl,
    '--trusted-root',
    join(root, 'trusted_root.json'),
    '--cache-dir',
    cacheDir,
    '--connect-timeout',
    '2000',
    '--idle-timeout',
    '400',
    '--retry-delay',
    '10',
  ];
  return {
    fixture,
    root,
    mirror,
    cacheDir,
    outDir,
    flags,
    close: async () => {
      await mirror.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Every file under dir (relative paths), [] when dir does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as { path?: string }).path ?? '', e.name).slice(dir.length + 1))
    .sort();
}
