// policy-controller's glob semantics, cases written after its documentation and tests: full names, Docker Hub
// defaults, * versus **, whole-name matching, invalid globs.
import { describe, expect, it } from 'vitest';
import { compileGlob, fullImageName, globMatches } from '../../src/k8s/cip-glob.js';

const matches = (glob: string, image: string) => {
  const re = compileGlob(glob);
  if (!re) throw new Error(`invalid glob ${glob}`);
  return globMatches(re, image);
};

describe('ClusterImagePolicy globs', () => {
  it('matches the full name: Docker Hub as index.docker.io/library, latest when no tag, the digest when pinned', () => {
    expect(fullImageName('busybox')).toBe('index.docker.io/library/busybox:latest');
    expect(fullImageName('me/app:1')).toBe('index.docker.io/me/app:1');
    expect(fullImageName(`registry.k8s.io/pause@sha256:${'a'.repeat(64)}`)).toBe(`registry.k8s.io/pause@sha256:${'a'.repeat(64)}`);
  });

  it.each([
    ['index.docker.io/library/busybox:latest', 'busybox', true],
    ['index.docker.io/library/*', 'busybox', true],
    ['index.docker.io/*/*', 'me/app', true],
    ['*', 'busybox', true], // upgraded to index.docker.io/library/*
    ['*/*', 'me/app', true], // upgraded to index.docker.io/*/*
    ['*', 'registry.k8s.io/pause:3.9', false],
    ['registry.k8s.io/*', 'registry.k8s.io/pause:3.9', true], // the tag is part of the name; * crosses the colon
    ['registry.k8s.io/*', 'registry.k8s.io/sig/img:1', false], // * stops at /
    ['registry.k8s.io/**', 'registry.k8s.io/sig/img:1', true],
    ['registry.k8s.io/pause', 'registry.k8s.io/pause:3.9', false], // the whole name must match
    ['registry.k8s.io/pause*', `registry.k8s.io/pause@sha256:${'b'.repeat(64)}`, true],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.10', false],
    ['ghcr.io/**', 'ghcrxio/foo', false], // a dot is a dot
    ['ghcr.io/foo', 'prefix-ghcr.io/foo', false],
    ['127.0.0.1:5000/team/*', '127.0.0.1:5000/team/app:1.0', true],
    ['myuser/myapp', 'myuser/myapp', true], // policy-controller's deprecated fallback to the name as written
  ])('%s against %s: %s', (glob, image, expected) => {
    expect(matches(glob, image)).toBe(expected);
  });

  it('rejects globs that are regular expressions or hold other characters', () => {
    expect(compileGlob('.+')).toBeUndefined();
    expect(compileGlob('[a-z]*')).toBeUndefined();
    expect(compileGlob('registry.k8s.io/pause@sha256:*')).toBeUndefined();
    expect(compileGlob('')).toBeUndefined();
  });
});
