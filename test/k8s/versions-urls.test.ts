import { describe, expect, it } from 'vitest';
import { binaryPath, binaryUrls, hostTarget, joinUrl, releaseSbomUrls } from '../../src/k8s/release-urls.js';
import { parseMarkerContent, parseVersionSpec, resolveVersion } from '../../src/k8s/versions.js';

describe('version specs', () => {
  it('accepts exact versions, prereleases and markers', () => {
    expect(parseVersionSpec('v1.29.0')).toEqual({ kind: 'exact', version: 'v1.29.0' });
    expect(parseVersionSpec('1.29.0')).toEqual({ kind: 'exact', version: 'v1.29.0' });
    expect(parseVersionSpec('v1.30.0-rc.1')).toEqual({ kind: 'exact', version: 'v1.30.0-rc.1' });
    expect(parseVersionSpec('v1.30.0-alpha.0')).toEqual({ kind: 'exact', version: 'v1.30.0-alpha.0' });
    for (const m of ['stable', 'latest', 'stable-1.29', 'latest-1.29', 'stable-1']) {
      expect(parseVersionSpec(m)).toEqual({ kind: 'marker', marker: m });
    }
  });
  it.each(['v1.29', 'v1.29.0.1', '../etc/passwd', 'v1.29.0-rc1', 'stable-1.29.0', 'latest/1.29', 'v01.2.3', '', 'v1.29.0\n'])(
    'refuses %j as a usage error',
    (bad) => {
      expect(() => parseVersionSpec(bad)).toThrow(expect.objectContaining({ code: 'VERSION_INVALID', kind: 'usage' }));
    },
  );
  it('resolves markers through the marker file and checks what it says', async () => {
    const seen: string[] = [];
    const read = async (p: string) => (seen.push(p), 'v1.29.3\n');
    expect(await resolveVersion(parseVersionSpec('stable-1.29'), read)).toBe('v1.29.3');
    expect(seen).toEqual(['release/stable-1.29.txt']);
    expect(await resolveVersion(parseVersionSpec('v1.25.4'), read)).toBe('v1.25.4');
    expect(seen).toHaveLength(1);
  });
  it('refuses marker contents that are not a matching version', () => {
    expect(() => parseMarkerContent('stable', '<html>')).toThrow(expect.objectContaining({ code: 'MARKER_INVALID' }));
    expect(() => parseMarkerContent('stable', 'v1.29.0/../../x')).toThrow(expect.objectContaining({ code: 'MARKER_INVALID' }));
    expect(() => parseMarkerContent('stable-1.29', 'v1.28.4')).toThrow(expect.objectContaining({ code: 'MARKER_INVALID' }));
    expect(() => parseMarkerContent('stable', 'v1.30.0-rc.1')).toThrow(expect.objectContaining({ code: 'MARKER_INVALID' }));
    expect(parseMarkerContent('latest', 'v1.30.0-rc.1')).toBe('v1.30.0-rc.1');
  });
});

describe('release URLs', () => {
  it('builds the SBOM and binary URLs per K8S-RELEASE.md', () => {
    expect(releaseSbomUrls('v1.25.4', 'https://sbom.k8s.io')).toEqual({
      artifact: 'https://sbom.k8s.io/v1.25.4/release',
      sha256: 'https://sbom.k8s.io/v1.25.4/release.sha256',
      sha512: 'https://sbom.k8s.io/v1.25.4/release.sha512',
      sig: 'https://sbom.k8s.io/v1.25.4/release.sig',
      cert: 'https://sbom.k8s.io/v1.25.4/release.cert',
    });
    expect(binaryUrls('v1.29.0', { name: 'kubectl', os: 'linux', arch: 'arm64' }, 'https://dl.k8s.io/').artifact).toBe(
      'https://dl.k8s.io/release/v1.29.0/bin/linux/arm64/kubectl',
    );
    expect(joinUrl('file:///srv/mirror/dl', 'release/stable.txt')).toBe('file:///srv/mirror/dl/release/stable.txt');
    expect(joinUrl('http://127.0.0.1:8080/sbom/', 'v1.25.4/release')).toBe('http://127.0.0.1:8080/sbom/v1.25.4/release');
  });
  it('adds .exe on windows and refuses bad names, OSes, arches and schemes', () => {
    expect(binaryPath({ name: 'kubectl', os: 'windows', arch: '386' })).toBe('bin/windows/386/kubectl.exe');
    expect(() => binaryPath({ name: '../kubectl', os: 'linux', arch: 'amd64' })).toThrow(expect.objectContaining({ code: 'BINARY_NAME_INVALID' }));
    expect(() => binaryPath({ name: 'kubectl', os: 'plan9', arch: 'amd64' })).toThrow(expect.objectContaining({ code: 'OS_INVALID' }));
    expect(() => binaryPath({ name: 'kubectl', os: 'linux', arch: 'x86_64' })).toThrow(expect.objectContaining({ code: 'ARCH_INVALID' }));
    expect(() => joinUrl('ftp://example.com', 'x')).toThrow(expect.objectContaining({ code: 'URL_UNSUPPORTED', kind: 'usage' }));
  });
  it('maps the host platform to Kubernetes names', () => {
    expect(hostTarget('linux', 'x64')).toEqual({ os: 'linux', arch: 'amd64' });
    expect(hostTarget('win32', 'ia32')).toEqual({ os: 'windows', arch: '386' });
    expect(hostTarget('sunos', 'mips')).toEqual({ os: undefined, arch: undefined });
  });
});
