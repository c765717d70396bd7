// Verifying release artifacts from the Explorer with real keys: v on a binary, space and * to select, a layer
// verifying its image, live status on the row and in Detail, the Audit view and its reasons, the report.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { fakePorts, gate } from './fake-ports.js';
import { KEY, press, see, until } from './keys.js';

afterEach(() => cleanup());

const KUBECTL = 'bin/linux/amd64/kubectl';

async function explorer(options: Parameters<typeof fakePorts>[0] = {}) {
  const { ports, calls } = fakePorts(options);
  const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
  await until(app.lastFrame, (f) => f.includes('elements'));
  return { app, calls };
}

const line = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';
const typed = (text: string) => text.split('');

describe('Explorer: verifying release artifacts', () => {
  it('v verifies the binary under the cursor with live status on its row; a plain file is no artifact', async () => {
    const filesGate = gate();
    const { app, calls } = await explorer({ filesGate });
    let frame = app.lastFrame()!;
    expect(line(frame, KUBECTL)).toContain('○ · not verified');
    // README.md is not a release artifact: no mark, no status, and v on it verifies nothing.
    expect(line(frame, 'README.md')).not.toMatch(/○|not verified/);
    await press(app.stdin, '/', ...typed('README'), KEY.enter, 'v');
    expect(calls.files).toEqual([]);
    expect(calls.verified).toEqual([]);
    await press(app.stdin, '/', KEY.escape, '/', ...typed('kubectl'), KEY.enter, 'v');
    frame = await see(app, /… verifying/);
    expect(calls.files).toEqual([[KUBECTL]]);
    expect(line(frame, KUBECTL)).toContain('… verifying');
    expect(frame).not.toContain('✔');
    filesGate.open();
    frame = await see(app, /✔ verified/);
    expect(line(frame, KUBECTL)).toContain('✔ verified');
  });

  it('space and * select artifacts; v verifies the selection: images as on the Images screen, a layer through its image', async () => {
    const { app, calls } = await explorer();
    await press(app.stdin, 'f');
    await see(app, /kind images.*4 of 15/);
    await press(app.stdin, KEY.space, 'j', KEY.space);
    let frame = await see(app, /2 selected/);
    expect(line(frame, 'kube-apiserver-amd64:v1.2.3')).toContain('◉');
    expect(line(frame, 'kube-apiserver-arm64:v1.2.3')).toContain('○');
    expect(line(frame, 'kube-proxy-amd64:v1.2.3')).toContain('◉');
    await press(app.stdin, 'v');
    frame = await see(app, /✔ verified/);
    expect(calls.verified).toEqual([['registry.k8s.io/kube-apiserver-amd64:v1.2.3', 'registry.k8s.io/kube-proxy-amd64:v1.2.3']]);
    expect(line(frame, 'kube-apiserver-amd64:v1.2.3')).toContain('✔ verified');
    expect(line(frame, 'kube-apiserver-arm64:v1.2.3')).toContain('not verified');
    // * selects every artifact shown, then none.
    await press(app.stdin, '*');
    await see(app, /4 selected/);
    await press(app.stdin, '*');
    await until(app.lastFrame, (f) => !/selected/.test(f.split('\n')[1] ?? '') && !f.includes('◉'));
    // A layer row verifies the image that CONTAINS it, and shows that image's status.
    await press(app.stdin, 'f');
    await see(app, /kind layers.*8 of 15/);
    await press(app.stdin, 'G', 'v');
    await until(app.lastFrame, () => calls.verified.length === 2);
    expect(calls.verified[1]).toEqual(['registry.k8s.io/kube-proxy-arm64:v1.2.3']);
    frame = await see(app, /FAILED/);
    expect(line(frame, '▸')).toContain('✘ FAILED');
  });

  it('Detail shows the element’s status and v verifies it there', async () => {
    const { app, calls } = await explorer();
    await press(app.stdin, '/', ...typed('kubectl'), KEY.enter, KEY.enter);
    let frame = await see(app, /Explorer › bin\/linux\/amd64\/kubectl/);
    expect(frame).toMatch(/binary · not verified \(v verifies\)/);
    await press(app.stdin, 'v');
    frame = await see(app, /binary ✔ verified/);
    expect(calls.files).toEqual([[KUBECTL]]);
  });

  it('a tampered binary fails; the Audit view shows the failed check and enter gives the whole reason', async () => {
    const { app } = await explorer({ tampered: KUBECTL });
    await press(app.stdin, '/', ...typed('kubectl'), KEY.enter, 'v');
    let frame = await see(app, /✘ FAILED/);
    await press(app.stdin, '/', KEY.escape, 'f', 'v');
    await see(app, /kind images.*4 of 15/);
    await see(app, /✔ verified/);
    await press(app.stdin, 'A');
    frame = await see(app, /Audit\s+2 verified this run\s+1 passed\s+1 failed/);
    const header = line(frame, 'artifact');
    expect(header).toMatch(/kind\s+artifact\s+status\s+sha256\s+sha512$/);
    const row = line(frame, KUBECTL);
    expect(row).toMatch(/file\s+bin\/linux\/amd64\/kubectl\s+✘ FAILED\s+✔\s+✘$/);
    // The fake image results carry no checks: not checked (·) in every column, never a pass.
    expect(line(frame, 'kube-apiserver-amd64')).toMatch(/image\s+registry\.k8s\.io\/kube-apiserver-amd64:v1\.2\.3\s+✔ verified\s+·\s+·$/);
    // The Audit view is listed in the status bar.
    expect(frame.trimEnd().split('\n').pop()).toMatch(/enter why.*A audit/);
    await press(app.stdin, KEY.enter);
    frame = await see(app, /Verification of bin\/linux\/amd64\/kubectl/);
    expect(frame).toContain("esc back to Audit, d the file's SPDX element, v verify it");
    expect(frame.replace(/\s+/g, ' ')).toContain(
      'SHA-512 of file:///dl/bin/linux/amd64/kubectl is 1111, but file:///dl/bin/linux/amd64/kubectl.sha512 says 2222',
    );
    expect(frame).toMatch(/✘ sha512\s+DIGEST_MISMATCH/);
    await press(app.stdin, KEY.escape);
    await see(app, /Audit\s+2 verified/);
  });

  it('the Audit view says how to verify when nothing is verified yet', async () => {
    const { app } = await explorer();
    await press(app.stdin, 'A');
    await see(app, /nothing verified yet: v verifies on the Explorer/);
  });

  it('the Export report carries the verified files and the Audit matrix', async () => {
    const { app, calls } = await explorer({ tampered: KUBECTL });
    await press(app.stdin, '/', ...typed('kubectl'), KEY.enter, 'v');
    await see(app, /✘ FAILED/);
    await press(app.stdin, '4', 'c');
    await see(app, /verification report \(json\) of 0 image\(s\) and 1 release file\(s\), with the Audit/);
    await press(app.stdin, KEY.enter);
    await see(app, /wrote 1 entry/);
    const request = calls.exports[0] as { kind: string; files?: Array<{ reference: string; status: string }> };
    expect(request.kind).toBe('report');
    expect(request.files?.map((f) => [f.reference, f.status])).toEqual([[KUBECTL, 'failed']]);
  });

  it('V verifies every artifact shown, says it is verifying meanwhile, and the Audit view keeps the run’s warning', async () => {
    const imagesGate = gate();
    const warning = 'could not refresh the trusted root through TUF; using the shipped public-good root';
    const { app, calls } = await explorer({ imagesGate, warning });
    await press(app.stdin, 'f');
    await see(app, /kind images.*4 of 15/);
    await press(app.stdin, 'V');
    await see(app, /4 of 15 elements\s+verifying…/);
    expect(calls.verified).toEqual([
      [
        'registry.k8s.io/kube-apiserver-amd64:v1.2.3',
        'registry.k8s.io/kube-apiserver-arm64:v1.2.3',
        'registry.k8s.io/kube-proxy-amd64:v1.2.3',
        'registry.k8s.io/kube-proxy-arm64:v1.2.3',
      ],
    ]);
    expect(calls.files).toEqual([]);
    imagesGate.open();
    await until(app.lastFrame, (f) => !f.includes('verifying'));
    await press(app.stdin, 'A');
    const frame = await see(app, /Audit\s+4 verified this run\s+3 passed\s+1 failed/);
    expect(frame).toContain(`? warning: ${warning.slice(0, 40)}`);
  });
});
