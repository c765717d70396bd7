// Release: pick a version, watch the checklist fill in live, explore only what verified; type a version or a file.
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { fakePorts, gate } from './fake-ports.js';
import { KEY, press, see } from './keys.js';

afterEach(() => cleanup());

describe('Release', () => {
  it('verifies the picked version with a live checklist, then loads the document as verified', async () => {
    const releaseGate = gate();
    const { ports, calls } = fakePorts({ releaseGate });
    const app = render(<App ports={ports} />);
    let frame = await see(app, /choose a version/);
    expect(frame).toContain('v1.2.3');
    expect(frame).toContain('nothing loaded');
    await press(app.stdin, KEY.enter);
    frame = await see(app, /✔ SHA-256/);
    expect(calls.releases).toEqual(['v1.2.3']);
    expect(frame).toMatch(/release\s+█+░+\s+512 B \/ 2\.0 KiB\s+4\.0 KiB\/s/);
    expect(frame).toMatch(/… SHA-512\s+waiting/);
    expect(frame).toMatch(/… signature\s+waiting/);
    expect(frame).not.toContain('VERIFIED');
    expect(frame).toContain('nothing loaded');
    releaseGate.open();
    frame = await see(app, /VERIFIED: every check passed/);
    expect(frame).toMatch(/✔ signature\s+signature verified/);
    expect(frame).toContain('identity krel-staging@k8s-releng-prod.iam.gserviceaccount.com');
    expect(frame).toContain('Rekor time 2025-03-04T10:00:20Z');
    expect(frame).toMatch(/✔ v1\.2\.3 verified/);
    await press(app.stdin, '2');
    await see(app, /15 of 15 elements/);
  });

  it('keeps a warning of the run (e.g. a trusted-root fallback) on screen after the checks finish', async () => {
    const { ports } = fakePorts({ warning: 'could not refresh the trusted root through TUF (offline); using the shipped public-good root' });
    const app = render(<App ports={ports} initial={{ kind: 'version', value: 'v1.2.3' }} />);
    const frame = await see(app, /VERIFIED: every check passed/);
    expect(frame).toContain('? warning: could not refresh the trusted root through TUF (offline); using the shipped');
  });

  it('a release that fails a check is not loaded and says NOT VERIFIED', async () => {
    const { ports } = fakePorts({ releaseFails: true });
    const app = render(<App ports={ports} initial={{ kind: 'version', value: 'v1.2.3' }} />);
    const frame = await see(app, /NOT VERIFIED/);
    expect(frame).toMatch(/✘ signature\s+IDENTITY_MISMATCH: signed by someone@else/);
    expect(frame).toContain('nothing loaded');
    await press(app.stdin, '3');
    await see(app, /No document loaded yet/);
  });

  it('o takes a typed version or a file path; a missing file is reported on the Release screen', async () => {
    const { ports, calls } = fakePorts();
    const app = render(<App ports={ports} />);
    await see(app, /choose a version/);
    await press(app.stdin, 'o', ...'missing.spdx'.split(''), KEY.enter);
    await see(app, /✘ missing\.spdx: no such file \[FILE_NOT_FOUND\]/);
    await press(app.stdin, 'o', ...'doc.spdx'.split(''), KEY.enter);
    await see(app, /15 of 15 elements/);
    expect(calls.opened).toEqual(['missing.spdx', 'doc.spdx']);
    await press(app.stdin, '1');
    let frame = await see(app, /not verified: no checksum or signature was checked/);
    expect(frame).toMatch(/SPDX-2\.3 tag-value "Kubernetes Release v1\.2\.3"/);
    await press(app.stdin, 'o', 's', 't', 'a', 'b', 'l', 'e', KEY.enter);
    frame = await see(app, /VERIFIED: every check passed/);
    expect(calls.releases).toEqual(['stable']);
    expect(frame).toMatch(/✔ stable verified/);
  });

  it('a release typed while a file is open shows its progress and its failure; the file stays open', async () => {
    const releaseGate = gate();
    const { ports, calls } = fakePorts({ releaseGate, releaseFails: true });
    const app = render(<App ports={ports} initial={{ kind: 'file', value: 'doc.spdx' }} />);
    await see(app, /15 of 15 elements/);
    await press(app.stdin, '1', 'o', ...'v1.2.3'.split(''), KEY.enter);
    let frame = await see(app, /✔ SHA-256/);
    expect(calls.releases).toEqual(['v1.2.3']);
    expect(frame).toContain('verifying the release SBOM of v1.2.3');
    releaseGate.open();
    frame = await see(app, /NOT VERIFIED/);
    expect(frame).toMatch(/✘ signature\s+IDENTITY_MISMATCH: signed by someone@else/);
    expect(frame).toContain('doc.spdx (unverified)');
    expect(frame).toContain('doc.spdx is still open (not verified): 2 explores it');
    await press(app.stdin, '2');
    await see(app, /15 of 15 elements/);
  });

  it('a release that fails after another verified leaves the verified one open, and says so', async () => {
    const { ports } = fakePorts();
    const app = render(<App ports={ports} initial={{ kind: 'version', value: 'v1.2.3' }} />);
    let frame = await see(app, /VERIFIED: every check passed/);
    expect(frame).not.toContain('still open');
    const failing = fakePorts({ releaseFails: true }).ports;
    ports.verifyRelease = failing.verifyRelease;
    await press(app.stdin, 'o', ...'stable'.split(''), KEY.enter);
    frame = await see(app, /NOT VERIFIED/);
    expect(frame).toMatch(/✔ v1\.2\.3 verified/);
    expect(frame).toContain('v1.2.3 (verified) is still open: 2 explores it');
  });
});
