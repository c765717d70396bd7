// Credentials from a Docker config: auths entries (base64 or username/password), credential helpers run with the
// host on stdin, and the rule that a host only ever gets its own credentials.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authsKeyHost, dockerConfigPath, lookupCredentials, readDockerConfig, runCredentialHelper, type DockerConfig } from '../../src/registry/credentials.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('Docker config credentials', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sbom-creds-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the config through $DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/etc/dc' })).toBe('/etc/dc/config.json');
    expect(dockerConfigPath({})).toMatch(/\.docker\/config\.json$/);
  });

  it('reads auths by host, whatever scheme or path the key was written with', async () => {
    const config: DockerConfig = {
      auths: {
        'https://registry.example:5000/v1/': { auth: b64('alice:pa:ss') },
        'other.example': { username: 'bob', password: 'secret' },
      },
    };
    expect(authsKeyHost('https://index.docker.io/v1/')).toBe('index.docker.io');
    expect(await lookupCredentials(config, 'registry.example:5000')).toEqual({ username: 'alice', password: 'pa:ss' });
    expect(await lookupCredentials(config, 'other.example')).toEqual({ username: 'bob', password: 'secret' });
    // Same name on another port, or another name: nothing.
    expect(await lookupCredentials(config, 'registry.example')).toBeUndefined();
    expect(await lookupCredentials(config, 'evil.example')).toBeUndefined();
  });

  it('asks the helper named for the host, then credsStore, with the host on stdin; helpers never see other hosts', async () => {
    const asked: Array<[string, string]> = [];
    const run = async (helper: string, host: string) => {
      asked.push([helper, host]);
      return host === 'registry.example' ? { username: helper, password: 'x' } : undefined;
    };
    const config: DockerConfig = { credHelpers: { 'registry.example': 'ecr' }, credsStore: 'desktop', auths: { 'plain.example': { auth: b64('carol:pw') } } };
    expect(await lookupCredentials(config, 'registry.example', run)).toEqual({ username: 'ecr', password: 'x' });
    // credsStore has nothing for plain.example: the auths entry answers.
    expect(await lookupCredentials(config, 'plain.example', run)).toEqual({ username: 'carol', password: 'pw' });
    expect(asked).toEqual([
      ['ecr', 'registry.example'],
      ['desktop', 'plain.example'],
    ]);
  });

  it('runs docker-credential-NAME get as Docker does', async () => {
    const bin = join(dir, 'bin');
    await import('node:fs/promises').then((fs) => fs.mkdir(bin));
    const script = join(bin, 'docker-credential-kstest');
    await writeFile(
      script,
      '#!/bin/sh\nread host\n[ "$1" = get ] || exit 2\nif [ "$host" = found.example ]; then printf \'{"ServerURL":"%s","Username":"dave","Secret":"s3"}\' "$host"; else echo "credentials not found in native keychain"; exit 1; fi\n',
    );
    await chmod(script, 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      expect(await runCredentialHelper('kstest', 'found.example')).toEqual({ username: 'dave', password: 's3' });
      expect(await runCredentialHelper('kstest', 'missing.example')).toBeUndefined();
      await expect(runCredentialHelper('absent-helper', 'x')).rejects.toMatchObject({ code: 'CREDENTIAL_HELPER_FAILED' });
      await expect(runCredentialHelper('../evil', 'x')).rejects.toMatchObject({ code: 'CREDENTIAL_HELPER_FAILED' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('a missing config means anonymous; a broken one is an error naming the file', async () => {
    expect(await readDockerConfig(join(dir, 'none.json'))).toEqual({});
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{not json');
    await expect(readDockerConfig(bad)).rejects.toMatchObject({ code: 'DOCKER_CONFIG_UNREADABLE', message: expect.stringContaining(bad) });
  });
});
