// The UI's release SBOM through its carried Sigstore bundle (tui --sbom-bundle): the demo release's copy, written by
// verify-sbom -o with release.sigstore.json, loads offline with no Rekor entry and no cache; a bundle with one byte
// changed fails the signature check and yields no document, and release files are then not checked either.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPorts, type TuiSettings } from '../../../src/tui/adapters/index.js';
import { loadDemo, samplesDir, type DemoSettings } from '../../../src/tui/samples.js';
import { runCli } from '../../helpers/cli.js';

const BINARY = 'bin/linux/amd64/kubectl';

describe.skipIf(existsSync(join(samplesDir(), 'demo.json')) ? undefined : 'samples/ is missing')(
  'the UI loads a release through --sbom-bundle',
  { timeout: 60_000 },
  () => {
    let work: string;
    let demo: DemoSettings;
    let carriedSbomUrl: string;
    let bundle: string;
    let changed: string;

    /** The user's settings for the carried copy: offline, no cache, no Rekor entry, the Rekor URL not one that works offline. */
    const settings = (extra: Partial<TuiSettings>): TuiSettings => ({
      sbomUrl: carriedSbomUrl,
      dlUrl: demo.dlUrl,
      rekorUrl: 'https://rekor.sigstore.dev',
      trustedRootPath: demo.trustedRootPath,
      releaseIdentity: demo.releaseIdentity,
      imageIdentity: demo.imageIdentity,
      issuer: demo.issuer,
      offline: true,
      allowHttpRegistry: false,
      exportDir: work,
      maxBytes: 64 << 20,
      concurrency: 2,
      versions: [],
      ...extra,
    });

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'kube-sbom-tui-sbom-bundle-'));
      demo = await loadDemo();
      const out = join(work, 'carried', 'sbom', demo.version);
      const r = await runCli([
        ...['verify-sbom', demo.version, '--sbom-url', demo.sbomUrl, '--dl-url', demo.dlUrl, '--rekor-entry', demo.rekorEntryFile],
        ...['--trusted-root', demo.trustedRootPath, '--certificate-identity', demo.releaseIdentity, '--certificate-oidc-issuer', demo.issuer],
        ...['--offline', '--no-cache', '-o', out],
      ]);
      expect(r.code, r.stderr).toBe(0);
      carriedSbomUrl = pathToFileURL(join(work, 'carried', 'sbom')).href;
      bundle = join(out, 'release.sigstore.json');
      const json = JSON.parse(await readFile(bundle, 'utf8')) as { verificationMaterial: { tlogEntries: Array<{ integratedTime: string }> } };
      const entry = json.verificationMaterial.tlogEntries[0]!;
      // One digit of the logged time, which the log's signed entry timestamp covers.
      entry.integratedTime = entry.integratedTime.slice(0, -1) + String((Number(entry.integratedTime.at(-1)) + 1) % 10);
      changed = join(work, 'changed.sigstore.json');
      await writeFile(changed, JSON.stringify(json));
    });
    afterAll(async () => rm(work, { recursive: true, force: true }));

    it('verifies the carried release offline through the bundle alone; without it there is nothing to prove the signing time', async () => {
      const outcome = await createPorts(settings({ sbomBundleFile: bundle })).verifyRelease(demo.version, () => undefined);
      expect(outcome.verified).toBe(true);
      expect(outcome.checks.map((c) => [c.id, c.status])).toEqual([
        ['sha256', 'pass'],
        ['sha512', 'pass'],
        ['signature', 'pass'],
        ['parse', 'pass'],
      ]);
      expect(outcome.view!.images).toHaveLength(6);

      await expect(createPorts(settings({})).verifyRelease(demo.version, () => undefined)).rejects.toMatchObject({ code: 'OFFLINE_NOT_CACHED' });
    });

    it('a bundle with one byte changed fails the signature and yields no document', async () => {
      const outcome = await createPorts(settings({ sbomBundleFile: changed })).verifyRelease(demo.version, () => undefined);
      expect(outcome.verified).toBe(false);
      expect(outcome.view).toBeUndefined();
      expect(outcome.checks.find((c) => c.id === 'signature')).toMatchObject({ status: 'fail' });
    });

    it("release files are checked against the SBOM as its bundle proves it: the release's bundle passes, a changed one stops them", async () => {
      // Rekor entries for the binaries come from the demo's saved log, which would find the SBOM's too: only the bundle differs.
      const withRekor = (sbomBundleFile: string) => createPorts(settings({ sbomBundleFile, ...(demo.rekorUrl ? { rekorUrl: demo.rekorUrl } : {}) }));
      const good = withRekor(bundle);
      const { view } = await good.verifyRelease(demo.version, () => undefined);
      const [passed] = await good.verifyFiles(view!, [BINARY], () => undefined);
      expect(passed).toMatchObject({ reference: BINARY, status: 'verified' });

      const [stopped] = await withRekor(changed).verifyFiles(view!, [BINARY], () => undefined);
      expect(stopped).toMatchObject({ reference: BINARY, status: 'failed', code: 'TLOG_SET_INVALID' });
    });

    it('kube-sbom tui --sbom-bundle with --rekor-entry is a usage error (exit 2), before any terminal is needed', async () => {
      const r = await runCli(['tui', demo.version, '--sbom-bundle', bundle, '--rekor-entry', demo.rekorEntryFile]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--sbom-bundle.*cannot be used with.*--rekor-entry|--rekor-entry.*cannot be used with.*--sbom-bundle/);
    });
  },
);
