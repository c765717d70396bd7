// The real compiled program in a real terminal (tmux): the v1.25.4 release SBOM from ../shared/realdata, and the
// offline demo in samples/. Keys go in with send-keys, the screen comes back with capture-pane.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSbom } from '../../parsers/index.js';
import { cliPath, projectRoot, realdata, realdataMissing, runCli } from '../helpers/cli.js';
import { ESSENTIAL } from '../tui/essential-keys.js';
import { TmuxSession, tmuxMissing } from './tmux.js';

const V1254 = realdata('k8s', 'release-sbom', 'kubernetes-v1.25.4-release.spdx');
const NGINX = realdata('k8s', 'bom-image-sbom', 'nginx.spdx');
const SAMPLES = join(projectRoot, 'samples', 'demo.json');
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
];

/** Each test's bound: its waits are 20-30 s each on a loaded 2-CPU machine; the default 30 s would cut a slow but passing walk. */
const E2E = { timeout: 120_000 };

/** The status bar: the screen's last line with text. */
const statusBar = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';

let session: TmuxSession;
let exportDir: string;
beforeEach(async () => {
  session = new TmuxSession();
  exportDir = await mkdtemp(join(tmpdir(), 'kube-sbom-e2e-'));
});
afterEach(async () => {
  session.kill();
  await rm(exportDir, { recursive: true, force: true });
});

describe.skipIf(tmuxMissing ?? realdataMissing)('tui end to end on the v1.25.4 release SBOM', E2E, () => {
  it.each(SIZES)('every screen shows its essential keys at $columns x $rows; Detail opens at its top', async (size) => {
    session.start(['node', cliPath, 'tui', V1254, '--export-dir', exportDir], { cwd: projectRoot, ...size });
    const expectKeys = (screen: string, keys: readonly string[]) => {
      for (const key of keys) expect(statusBar(screen), screen).toContain(key);
      expect(screen.split('\n').every((l) => l.length <= size.columns)).toBe(true);
    };
    expectKeys(await session.waitFor(/\b243 of 243 elements/, 30_000), ESSENTIAL.explorer);
    session.keys('f');
    let screen = await session.waitFor(/kind images .*\b25 of 243/);
    // Look-alike archives differ where the name column starts: each row shows its own reference and architecture.
    const shown = [...screen.matchAll(/image\s+(\S+)/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(10);
    expect(new Set(shown).size).toBe(shown.length);
    for (const name of shown) expect(name).toMatch(/-(amd64|arm|arm64|ppc64le|s390x):v1\.25\.4$/);
    session.keys('Enter');
    // Detail opens at its top: the breadcrumb, then SPDXID and name, not scrolled past them.
    screen = await session.waitFor(/Explorer › /);
    expect(screen).toMatch(/SPDXID\s+SPDXRef-Package-registry\.k8s\.io-/);
    expectKeys(screen, ESSENTIAL.detail);
    session.keys('3');
    expectKeys(await session.waitFor(/\b25 of 25 images/), ESSENTIAL.images);
    session.keys('Enter');
    expectKeys(await session.waitFor(/Verification of registry\.k8s\.io\//), ESSENTIAL.verification);
    session.keys('4');
    expectKeys(await session.waitFor(/enter writes/), ESSENTIAL.export);
    session.keys('1');
    // Not /Release/: the header names it on every screen, so that would match before 1 is read.
    expectKeys(await session.waitFor(/\nOpened file /), ESSENTIAL.release);
    session.keys('q');
  });

  it('opens the Licenses and Tree views at 80 x 24 with their essential keys; a license lists its elements', async () => {
    session.start(['node', cliPath, 'tui', V1254], { cwd: projectRoot });
    const fits = (screen: string) => expect(screen.split('\n').every((l) => l.length <= 80)).toBe(true);
    await session.waitFor(/\b243 of 243 elements/, 30_000);
    session.keys('l');
    let screen = await session.waitFor(/Licenses \d+ across 130 packages, 113 files/);
    for (const key of ESSENTIAL.licenses) expect(statusBar(screen)).toContain(key);
    fits(screen);
    const first = /▸ (\S+)\s+(\d+)\s+(\d+)/.exec(screen)!;
    session.keys('Enter');
    screen = await session.waitFor(new RegExp(`/ license:${first[1]!.replace(/[.+*]/g, '\\$&')}`));
    // the license's count of packages and files is the Explorer's count of elements naming it
    expect(screen).toMatch(new RegExp(`kind all .*\\b${Number(first[2]) + Number(first[3])} of 243 elements`));
    session.keys('t');
    // the document describes 138 elements: its row and theirs
    screen = await session.waitFor(/Tree 139 rows shown/);
    expect(screen).toMatch(/▸ - document Kubernetes Release v1\.25\.4 /);
    expect(screen).toMatch(/ {4}DESCRIBES file bin\/darwin\/amd64\/kubectl /);
    for (const key of ESSENTIAL.tree) expect(statusBar(screen)).toContain(key);
    fits(screen);
    session.keys('Left');
    screen = await session.waitFor(/Tree 1 rows shown/);
    expect(screen).toMatch(/▸ \+ document Kubernetes Release v1\.25\.4 .*\+138/);
    session.keys('Enter');
    await session.waitFor(/Tree 139 rows shown/);
    session.keys('q');
  });

  it.each([
    { columns: 60, rows: 20 },
    { columns: 80, rows: 24 },
  ])('every screen, Audit, Licenses, Tree and Diff included, keeps its essential keys and fits at $columns x $rows', async (size) => {
    session.start(['node', cliPath, 'tui', V1254], { cwd: projectRoot, ...size });
    const walk: Array<[string, RegExp, keyof typeof ESSENTIAL]> = [
      ['3', /\nImages arch all\s+25 of 25 images/, 'images'],
      ['4', /\nExport\b/, 'export'],
      ['A', /\nAudit\s+0 verified this run/, 'audit'],
      ['l', /\nLicenses \d+ across 130 packages/, 'licenses'],
      ['t', /\nTree 139 rows shown/, 'tree'],
      ['D', /\nDiff nothing to compare with yet/, 'diff'],
      ['1', /\nOpened file /, 'release'],
      ['2', /\nExplorer kind all .*\b243 of 243 elements/, 'explorer'],
    ];
    await session.waitFor(/\b243 of 243 elements/, 30_000);
    for (const [key, shows, screen] of walk) {
      session.keys(key);
      const shown = await session.waitFor(shows);
      for (const essential of ESSENTIAL[screen]) expect(statusBar(shown), `${screen}:\n${shown}`).toContain(essential);
      expect(
        shown.split('\n').every((l) => l.length <= size.columns),
        shown,
      ).toBe(true);
    }
    session.keys('q');
  });

  it("under npm start (cwd the project, INIT_CWD the user) the Export screen writes into the user's directory", async () => {
    session.start(['node', cliPath, 'tui', V1254], { cwd: projectRoot, env: { INIT_CWD: exportDir, npm_lifecycle_event: 'start' } });
    await session.waitFor(/\b243 of 243 elements/, 30_000);
    session.keys('4');
    await session.waitFor(/enter writes the image list \(txt\) of all 25 image/);
    session.keys('f', 'f', 'f', 'f');
    const screen = await session.waitFor(/\[md\]/);
    expect(screen.replace(/\s+/g, '')).toContain(join(exportDir, 'kube-sbom-images.md'));
    session.keys('Enter');
    await session.waitFor(/wrote 25 entries to/);
    expect(await readFile(join(exportDir, 'kube-sbom-images.md'), 'utf8')).toMatch(/^# Images of Kubernetes v1\.25\.4/);
    expect(existsSync(join(projectRoot, 'kube-sbom-images.md'))).toBe(false);
    session.keys('q');
  });

  it("tells nginx's eight openssl packages apart at 80 x 24: the purl's arch comes first", async () => {
    session.start(['node', cliPath, 'tui', NGINX], { cwd: projectRoot });
    await session.waitFor(/of 1,185 elements/, 30_000);
    session.keys('/');
    session.type('openssl');
    session.keys('Enter');
    const screen = await session.waitFor(/\b8 of 1,185 elements/);
    const rows = screen.split('\n').filter((l) => /package\s+arch=\S+ · openssl-1\.1\.1k/.test(l));
    expect(rows.map((l) => /arch=(\S+)/.exec(l)![1])).toEqual(['amd64', 'armel', 'armhf', 'arm64', 'i386', 'mips64el', 'ppc64el', 's390x']);
    session.keys('q');
  });

  it.each(SIZES)(
    'lists 25 images, filters to 5 apiservers, shows checksums and layers, exports what `images --format txt` prints ($columns x $rows)',
    async (size) => {
      session.start(['node', cliPath, 'tui', V1254, '--export-dir', exportDir], { cwd: projectRoot, ...size });
      await session.waitFor(/\b243 of 243 elements/, 30_000);
      session.keys('3');
      let screen = await session.waitFor(/\b25 of 25 images/);
      expect(screen.match(/[○◉] registry\.k8s\.io\/conformance-/g)).toHaveLength(5);
      session.keys('G');
      await session.waitFor(/▸○ registry\.k8s\.io\/kube-scheduler-s390x:v1\.25\.4/);
      session.keys('g', '/');
      session.type('apiserver');
      session.keys('Enter');
      screen = await session.waitFor(/\b5 of 25 images/);
      const listed = screen.split('\n').filter((l) => /[○◉] registry\.k8s\.io\//.test(l));
      expect(listed, screen).toHaveLength(5);
      expect(listed.every((l) => l.includes('kube-apiserver-'))).toBe(true);

      // Detail opens at its top (SPDXID, name, checksums); the layers are at its end.
      session.keys('d');
      const top = await session.waitFor(/Checksums \(3\)/);
      session.keys('G');
      const first = await session.waitFor(/Layers \(\d+, diff IDs\)/);
      const doc = parseSbom(await readFile(V1254)).document;
      const pkg = doc.packages.find((p) => p.spdxId === 'SPDXRef-Package-registry.k8s.io-kube-apiserver-amd64-v1.25.4')!;
      expect(top).toContain('SPDXRef-Package-registry.k8s.io-kube-apiserver-amd64-v1.25.4');
      for (const c of pkg.checksums) expect(top.replace(/\s+/g, ' ')).toContain(c.value.slice(0, 40));
      expect(top).toMatch(/SHA1\s+[0-9a-f]{40}/);
      expect(top).toMatch(/SHA512\s+[0-9a-f]{50}/);
      const layers = Number(/Layers \((\d+), diff IDs\)/.exec(first)![1]);
      expect(layers).toBeGreaterThan(0);
      expect(first.match(/layer \d+\s+sha256:[0-9a-f]{20}/g)?.length).toBe(layers);
      expect(first).toMatch(/reference\s+registry\.k8s\.io\/kube-apiserver-amd64:v1\.25\.4/);

      session.keys('Escape');
      await session.waitFor(/\b5 of 25 images/);
      session.keys('/', 'Escape');
      await session.waitFor(/\b25 of 25 images/);
      session.keys('4');
      await session.waitFor(/enter writes the image list \(txt\) of all 25 image/);
      session.keys('Enter');
      screen = await session.waitFor(/wrote 25 entries to/);
      const written = await readFile(join(exportDir, 'kube-sbom-images.txt'), 'utf8');
      const cli = await runCli(['images', V1254, '--format', 'txt']);
      expect(cli.code).toBe(0);
      expect(written).toBe(cli.stdout);
      expect(screen).toContain(join(exportDir, 'kube-sbom-images.txt').slice(0, 40));

      // q leaves the alternate screen: the pane is blank again.
      session.keys('q');
      await session.waitFor(/^\s*$/s, 10_000);
    },
  );

  it('with CI set says in one line why the UI cannot run and how to run it, and exits 2 before drawing', async () => {
    session.start(['sh', '-c', `node '${cliPath}' tui '${V1254}'; echo "exit $?"`], { cwd: projectRoot, env: { CI: 'true' } });
    const screen = await session.waitFor(/exit \d/, 15_000);
    expect(screen).toMatch(/CI=true is set.*CI=0 kube-sbom/s);
    expect(screen).toContain('[CI_SET]');
    expect(screen).toContain('exit 2');
    expect(screen).not.toContain('elements');
  });

  it('ctrl-c quits and gives the terminal back', async () => {
    session.start(['node', cliPath, 'tui', V1254], { cwd: projectRoot });
    await session.waitFor(/elements/, 30_000);
    session.type('/kube');
    await session.waitFor(/\/ kube/);
    session.keys('C-c');
    const start = Date.now();
    while (/elements/.test(session.screen()) && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 100));
    expect(session.screen()).not.toMatch(/elements/);
  });
});

describe.skipIf(tmuxMissing ?? (existsSync(SAMPLES) ? undefined : 'samples/ is missing: run npm run samples'))(
  'tui end to end on the offline demo (npm start)',
  E2E,
  () => {
    it.each(SIZES)(
      'selects and verifies a binary and an archive from the Explorer, sees them pass, and opens the Audit view ($columns x $rows)',
      async (size) => {
        session.start(['node', cliPath, 'tui', '--samples', '--export-dir', exportDir], { cwd: projectRoot, ...size });
        await session.waitFor(/VERIFIED: every check passed/, 30_000);
        const fits = (screen: string) => expect(screen.split('\n').every((l) => l.length <= size.columns)).toBe(true);
        const expectKeys = (screen: string, keys: readonly string[]) => {
          for (const key of keys) expect(statusBar(screen), screen).toContain(key);
          fits(screen);
        };
        session.keys('2');
        expectKeys(await session.waitFor(/of 23 elements/), ESSENTIAL.explorer);
        // Select the amd64 kubectl binary and the server archive, each found with the filter.
        session.keys('/');
        session.type('amd64/kubectl');
        session.keys('Enter');
        let screen = await session.waitFor(/\b1 of 23 elements/);
        expect(screen).toMatch(/binary\s+bin\/linux\/amd64\/kubectl.*○ · not verified/);
        // Escape alone, then wait: a key right after it would arrive as alt-key.
        session.keys('Space', '/', 'Escape');
        await session.waitFor(/\b23 of 23 elements\s+1 selected/);
        session.keys('/');
        session.type('server-linux');
        session.keys('Enter');
        await session.waitFor(/\b1 of 23 elements\s+1 selected/);
        session.keys('Space', '/', 'Escape');
        await session.waitFor(/\b23 of 23 elements\s+2 selected/);
        session.keys('v');
        // The release files are listed after the packages: the filter brings all five into view.
        session.keys('/');
        session.type('linux');
        session.keys('Enter');
        screen = await session.waitFor(/\b5 of 23 elements/);
        screen = await session.waitFor(/kubernetes-server-linux-amd64\.tar\.gz.*◉ ✔ verified/, 30_000);
        screen = await session.waitFor(/bin\/linux\/amd64\/kubectl.*◉ ✔ verified/, 30_000);
        // Only what was selected was verified: the arm64 kubectl and the client archive were not.
        expect(screen).toMatch(/bin\/linux\/arm64\/kubectl.*○ · not verified/);
        expect(screen).toMatch(/kubernetes-client-linux-amd64\.tar\.gz.*○ · not verified/);
        expectKeys(screen, ESSENTIAL.explorer);
        session.keys('A');
        screen = await session.waitFor(/Audit\s+2 verified this run\s+2 passed/);
        expectKeys(screen, ESSENTIAL.audit);
        expect(screen).toMatch(/kind\s+artifact\s+status\s+sha256\s+sha512\s+signature/);
        expect(screen).toMatch(/file\s+bin\/linux\/amd64\/kubectl\s+✔ verified\s+✔\s+✔\s+✔/);
        expect(screen).toMatch(/file\s+kubernetes-server-linux-amd64\S*\s+✔ verified\s+✔\s+✔\s+✔/);
        expect(screen).not.toMatch(/✘/);
        // enter: every check of the archive, including those the matrix has no room for.
        session.keys('j', 'Enter');
        screen = await session.waitFor(/Verification of kubernetes-server-linux-amd64\.tar\.gz/);
        expectKeys(screen, ESSENTIAL.verification);
        expect(screen).toMatch(/status\s+✔ verified/);
        // The last checks, scrolled into view at 80 x 24.
        session.keys('G');
        screen = await session.waitFor(/✔ sbom-describes/);
        expect(screen).toMatch(/✔ signature\s+OK signed by release-signer@demo\.kube-sbom\.example/);
        fits(screen);
        session.keys('Escape');
        await session.waitFor(/Audit\s+2 verified/);
        session.keys('q');
      },
    );

    it('verifies the demo release offline, explores it, verifies images and exports a pinned list', async () => {
      // What `npm start` runs, without its compile step.
      session.start(['node', cliPath, 'tui', '--samples', '--export-dir', exportDir], { cwd: projectRoot });
      let screen = await session.waitFor(/VERIFIED: every check passed/, 30_000);
      expect(screen).toContain('DEMO DATA');
      expect(screen).toMatch(/✔ SHA-256/);
      expect(screen).toMatch(/✔ SHA-512/);
      expect(screen).toMatch(/identity release-signer@demo\.kube-sbom\.example/);
      expect(screen).toMatch(/Rekor time 2025-03-04T10:00:20/);
      session.keys('2');
      await session.waitFor(/of 23 elements/);
      // The same walk as on v1.25.4: the list, a filter, an image's checksums and layers, the plain export.
      session.keys('3');
      await session.waitFor(/\b6 of 6 images/);
      session.keys('/');
      session.type('apiserver');
      session.keys('Enter');
      screen = await session.waitFor(/\b2 of 6 images/);
      session.keys('d');
      screen = await session.waitFor(/Checksums \(3\)/);
      expect(screen).toMatch(/SHA1\s+[0-9a-f]{40}/);
      session.keys('G');
      await session.waitFor(/Layers \(2, diff IDs\)/);
      // Escape alone, then wait for Images: `/` sent straight after it can be read with it as one alt-/.
      session.keys('Escape');
      await session.waitFor(/Images arch all\s+2 of 6 images/);
      session.keys('/', 'Escape');
      await session.waitFor(/\b6 of 6 images/);
      session.keys('4', 'Enter');
      await session.waitFor(/wrote 6 entries to/);
      const cli = await runCli(['images', join(projectRoot, 'samples', 'sbom', 'v1.99.0', 'release'), '--format', 'txt']);
      expect(await readFile(join(exportDir, 'kube-sbom-images.txt'), 'utf8')).toBe(cli.stdout);
      session.keys('3', 'V');
      screen = await session.waitFor(/\b5 verified\s+1 failed/, 30_000);
      expect(screen).toMatch(/kube-scheduler-arm64:v1\.99\.0\s+arm64\s+✘ FAILED/);
      session.keys('G', 'Enter');
      screen = await session.waitFor(/Verification of registry\.k8s\.io\/kube-scheduler-arm64:v1\.99\.0/);
      expect(screen).toMatch(/status\s+✘ FAILED/);
      expect(screen).toMatch(/code\s+NO_SIGNATURES/);
      session.keys('Escape');
      await session.waitFor(/\b6 of 6 images/);
      session.keys('a');
      await session.waitFor(/arch amd64\s+3 of 6 images/);
      session.keys('4', 'p');
      await session.waitFor(/digest-pinned image list \(txt\) of all 3 image/);
      session.keys('Enter');
      await session.waitFor(/wrote 3 entries to/);
      const written = await readFile(join(exportDir, 'kube-sbom-images-pinned.txt'), 'utf8');
      expect(written.trim().split('\n')).toEqual([
        expect.stringMatching(/^registry\.k8s\.io\/kube-apiserver-amd64@sha256:[0-9a-f]{64}$/),
        expect.stringMatching(/^registry\.k8s\.io\/kube-proxy-amd64@sha256:[0-9a-f]{64}$/),
        expect.stringMatching(/^registry\.k8s\.io\/kube-scheduler-amd64@sha256:[0-9a-f]{64}$/),
      ]);
      // The same SBOM opened as a file is the user's document, not the demo's: no banner, not verified.
      session.keys('1', 'o');
      session.type(join(projectRoot, 'samples', 'sbom', 'v1.99.0', 'release'));
      session.keys('Enter');
      screen = await session.waitFor(/release \(unverified\)/);
      expect(screen).not.toContain('DEMO DATA');
    });
  },
);
