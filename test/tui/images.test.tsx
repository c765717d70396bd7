// Images and Export driven by real keys: arch filter, multi-select, verify with live status, failure details, export.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { digestOf, fakePorts, gate } from './fake-ports.js';
import type { ImageResult } from '../../src/tui/ports.js';
import { KEY, press, see, until } from './keys.js';

afterEach(() => cleanup());

async function imagesScreen(options: Parameters<typeof fakePorts>[0] = {}) {
  const { ports, calls } = fakePorts(options);
  const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
  await until(app.lastFrame, (f) => f.includes('elements'));
  await press(app.stdin, '3');
  await see(app, /Images\s+arch all\s+4 of 4 images/);
  return { app, calls };
}

const line = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';

describe('Images', () => {
  it('shows what the verification run warned about, until the next run', async () => {
    const { app } = await imagesScreen({ warning: 'could not refresh the trusted root through TUF; using the shipped public-good root' });
    expect(app.lastFrame()).not.toContain('warning:');
    await press(app.stdin, 'V');
    const frame = await see(app, /3 verified/);
    expect(frame).toContain('? warning: could not refresh the trusted root through TUF; using the shipped');
  });

  it('filters by architecture and by text', async () => {
    const { app } = await imagesScreen();
    await press(app.stdin, 'a');
    let frame = await see(app, /arch amd64\s+2 of 4 images/);
    expect(frame).not.toContain('arm64:v1.2.3');
    await press(app.stdin, 'a');
    await see(app, /arch arm64\s+2 of 4/);
    await press(app.stdin, 'a', '/', 'p', 'r', 'o', 'x', 'y', KEY.enter);
    frame = await see(app, /arch all\s+2 of 4 images/);
    expect(frame).toContain('registry.k8s.io/kube-proxy-amd64:v1.2.3');
  });

  it('selects with space, verifies the selection with live status, and never shows an unverified image as verified', async () => {
    const imagesGate = gate();
    const { app, calls } = await imagesScreen({ imagesGate });
    let frame = app.lastFrame()!;
    expect(line(frame, 'kube-apiserver-amd64')).toContain('not verified');
    expect(frame).not.toContain('✔');
    // select apiserver-amd64 and (after skipping one) proxy-amd64
    await press(app.stdin, KEY.space, 'j', KEY.space);
    frame = await see(app, /2 selected/);
    expect(line(frame, 'kube-apiserver-amd64')).toContain('◉');
    expect(line(frame, 'kube-apiserver-arm64')).toContain('○');
    expect(line(frame, 'kube-proxy-amd64')).toContain('◉');
    await press(app.stdin, 'v');
    frame = await see(app, /verifying/);
    expect(calls.verified).toEqual([['registry.k8s.io/kube-apiserver-amd64:v1.2.3', 'registry.k8s.io/kube-proxy-amd64:v1.2.3']]);
    expect(line(frame, 'kube-apiserver-amd64')).toMatch(/… verifying/);
    expect(line(frame, 'kube-apiserver-arm64')).toContain('not verified');
    expect(frame).not.toContain('✔');
    imagesGate.open();
    frame = await see(app, /2 verified/);
    expect(line(frame, 'kube-apiserver-amd64')).toContain('✔ verified');
    expect(line(frame, 'kube-proxy-amd64')).toContain('✔ verified');
    expect(line(frame, 'kube-proxy-arm64')).toContain('not verified');
  });

  it('verifies all shown with V and shows why one failed', async () => {
    const { app, calls } = await imagesScreen();
    await press(app.stdin, 'V');
    let frame = await see(app, /3 verified\s+1 failed/);
    expect(calls.verified[0]).toHaveLength(4);
    expect(line(frame, 'kube-proxy-arm64')).toContain('✘ FAILED');
    await press(app.stdin, 'G');
    frame = await see(app, /IDENTITY_MISMATCH/);
    expect(frame).toContain('signer someone@else is not krel-trust');
    await press(app.stdin, 'g');
    frame = await see(app, new RegExp(`digest ${digestOf('registry.k8s.io/kube-apiserver-amd64:v1.2.3')}`));
  });

  it('a verification that could not run marks the images not checked, never verified', async () => {
    const { ports } = fakePorts();
    ports.verifyImages = async (_view, references, onResult) => {
      for (const reference of references) onResult({ reference, status: 'running', checks: [] });
      throw new Error('trusted_root.json: no such file [FILE_NOT_FOUND]');
    };
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
    await until(app.lastFrame, (f) => f.includes('elements'));
    await press(app.stdin, '3', 'V');
    const frame = await see(app, /\? not checked/);
    expect(frame).not.toContain('✔');
    expect(frame).toMatch(/VERIFY_FAILED_TO_RUN: trusted_root\.json: no such file/);
    expect(frame.match(/\? not checked/g)).toHaveLength(4);
    expect(frame).toMatch(/Images\s+arch all\s+4 of 4 images\s+0 selected\s+4 not checked/);
    expect(frame).not.toContain('failed');
  });

  it('enter shows the verification of the image: every check and the whole reason, wrapped; d opens its element', async () => {
    const reason = Array.from({ length: 40 }, (_, i) => `reason${i + 1}`).join(' ');
    const { ports } = fakePorts();
    ports.verifyImages = async (_view, references, onResult) =>
      references.map((reference) => {
        const result: ImageResult = {
          reference,
          status: 'failed',
          code: 'LAYERS_DIFFER',
          message: reason,
          checks: [
            { check: 'signatures', status: 'pass', code: 'OK', message: '1 signature verified' },
            { check: 'sbom-layers', status: 'fail', code: 'LAYERS_DIFFER', message: `layer 2: ${reason}` },
          ],
        };
        onResult(result);
        return result;
      });
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, '3', 'v');
    await see(app, /1 failed/);
    await press(app.stdin, KEY.enter);
    const frame = await see(app, /Verification of registry\.k8s\.io\/kube-apiserver-amd64:v1\.2\.3/);
    expect(frame).toContain('✘ FAILED');
    expect(frame).toMatch(/✔ signatures\s+OK 1 signature verified/);
    expect(frame).toMatch(/✘ sbom-layers\s+LAYERS_DIFFER layer 2: reason1 /);
    const text = frame.replace(/\s+/g, ' ');
    expect(text).toContain(reason);
    expect(text).toContain(`layer 2: ${reason}`);
    expect(frame.split('\n').every((l) => l.length <= 100)).toBe(true);
    await press(app.stdin, KEY.escape);
    await see(app, /Images\s+arch all/);
    await press(app.stdin, 'd');
    let detail = await see(app, 'Container image');
    expect(detail).toMatch(/reference\s+registry\.k8s\.io\/kube-apiserver-amd64:v1\.2\.3/);
    await press(app.stdin, KEY.escape, KEY.enter, 'd');
    detail = await see(app, 'Container image');
    await press(app.stdin, KEY.escape);
    await see(app, /Verification of registry/);
    await press(app.stdin, KEY.escape);
    await see(app, /Images\s+arch all/);
  });

  it('the verification scrolled down still shows a new run of it from the top', async () => {
    const imagesGate = gate();
    const { ports } = fakePorts({ imagesGate });
    const verifyFake = ports.verifyImages;
    const checks = Array.from({ length: 40 }, (_, i) => ({ check: `check${i + 1}`, status: 'fail' as const, code: 'FAILED', message: 'no' }));
    ports.verifyImages = async (_view, references, onResult) =>
      references.map((reference) => {
        const result: ImageResult = { reference, status: 'failed', code: 'FAILED', message: 'every check failed', checks };
        onResult(result);
        return result;
      });
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'fixture.spdx' }} />);
    await see(app, 'elements');
    await press(app.stdin, '3', 'v', KEY.enter, 'G');
    await see(app, /check40/);
    ports.verifyImages = verifyFake;
    await press(app.stdin, 'v');
    await see(app, /status\s+… verification in progress/);
    imagesGate.open();
    await see(app, /status\s+✔ verified/);
  });

  it('enter on an image not verified yet says so and how to verify it', async () => {
    const { app } = await imagesScreen();
    await press(app.stdin, KEY.enter);
    await see(app, /not verified yet: v verifies it/);
  });
});

describe('Export', () => {
  it('writes the image list of all shown images, then of the selection, in the chosen format', async () => {
    const { app, calls } = await imagesScreen();
    await press(app.stdin, '4');
    let frame = await see(app, /enter writes the image list \(txt\) of all 4 image/);
    await press(app.stdin, KEY.enter);
    frame = await see(app, /wrote 4 entries to/);
    expect(frame).toContain('/exports/kube-sbom-images.txt');
    expect(calls.exports[0]).toMatchObject({ kind: 'images', format: 'txt', pinned: false });
    expect((calls.exports[0] as { references: string[] }).references).toHaveLength(4);
    await press(app.stdin, '3', KEY.space, '4', 'f', 'f');
    frame = await see(app, /image list \(csv\) of the 1 selected image/);
    await press(app.stdin, 'w');
    await see(app, /wrote 1 entry to/);
    expect(calls.exports[1]).toMatchObject({ kind: 'images', format: 'csv', references: ['registry.k8s.io/kube-apiserver-amd64:v1.2.3'] });
  });

  it('refuses a pinned list until the images are verified, then pins with the verified digests', async () => {
    const { app, calls } = await imagesScreen();
    await press(app.stdin, KEY.space, '4', 'p');
    await see(app, /pinned needs a verified digest: 1 of the 1 selected image\(s\) not verified/);
    await press(app.stdin, KEY.enter);
    await see(app, /✘ pinned needs a verified digest/);
    expect(calls.exports).toHaveLength(0);
    await press(app.stdin, '3', 'v');
    await see(app, /1 verified/);
    await press(app.stdin, '4');
    await see(app, /digest-pinned image list \(txt\) of the 1 selected/);
    await press(app.stdin, KEY.enter);
    await see(app, /wrote 1 entry/);
    const reference = 'registry.k8s.io/kube-apiserver-amd64:v1.2.3';
    expect(calls.exports[0]).toEqual({ kind: 'images', format: 'txt', pinned: true, references: [reference], digests: { [reference]: digestOf(reference) } });
  });

  it('a pinned list refused for an image that failed says it failed, not that it is not verified yet', async () => {
    const { app, calls } = await imagesScreen();
    await press(app.stdin, '/', ...'proxy-arm64'.split(''), KEY.enter, KEY.space, 'v');
    await see(app, /1 failed/);
    await press(app.stdin, '4', 'p');
    const frame = await see(app, /pinned needs a verified digest/);
    expect(frame.replace(/\s+/g, ' ')).toMatch(/1 of the 1 selected image\(s\) failed verification \(Images screen: enter shows why\)/);
    expect(frame).not.toContain('not verified yet');
    expect(calls.exports).toHaveLength(0);
  });

  it('writes a verification report of the results', async () => {
    const { app, calls } = await imagesScreen();
    await press(app.stdin, '4', 'c');
    await see(app, /no verification results/);
    await press(app.stdin, '3', 'V');
    await see(app, /1 failed/);
    await press(app.stdin, '4');
    await see(app, /verification report \(json\) of 4 image/);
    await press(app.stdin, KEY.enter);
    await see(app, /wrote 4 entries/);
    const request = calls.exports[0] as { kind: string; results: Array<{ status: string }> };
    expect(request.kind).toBe('report');
    expect(request.results.map((r) => r.status).sort()).toEqual(['failed', 'verified', 'verified', 'verified']);
  });
});
