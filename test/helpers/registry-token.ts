// A token server for docker-registry's token auth: self-signed ES256 key, JWTs with an x5c header,
// every requested action granted (tests push through it too), every request recorded.
import 'reflect-metadata';
import { randomUUID, sign, webcrypto } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as x509 from '@peculiar/x509';

export interface TokenRequest {
  service?: string;
  scopes: string[];
  authorization?: string;
}

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  rootCertPem: string;
  requests: TokenRequest[];
  /** A token for these scopes, as the push helpers use it. */
  issue(scopes: string[]): string;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function accessFor(scopes: string[]) {
  return scopes.flatMap((scope) => {
    const m = /^repository:(.+):([a-z,*]+)$/.exec(scope);
    return m ? [{ type: 'repository', name: m[1]!, actions: m[2]!.split(',') }] : [];
  });
}

export async function startTokenServer(): Promise<TokenServer> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=kube-sbom test token issuer',
    notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + 24 * 3600_000),
    keys,
    signingAlgorithm: alg,
  });
  const privateKey = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const service = 'kube-sbom-test-registry';
  const issuer = 'kube-sbom-test-token-issuer';
  const issue = (scopes: string[]) => {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'ES256', x5c: [Buffer.from(cert.rawData).toString('base64')] };
    const claims = { iss: issuer, sub: '', aud: service, exp: now + 600, nbf: now - 60, iat: now, jti: randomUUID(), access: accessFor(scopes) };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = sign('sha256', Buffer.from(input), { key: Buffer.from(privateKey), format: 'der', type: 'pkcs8', dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(signature)}`;
  };
  const requests: TokenRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token');
    const entry: TokenRequest = {
      scopes: url.searchParams.getAll('scope'),
      ...(url.searchParams.get('service') ? { service: url.searchParams.get('service')! } : {}),
    };
    if (req.headers.authorization) entry.authorization = req.headers.authorization;
    requests.push(entry);
    const token = issue(entry.scopes);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token, access_token: token, expires_in: 600, issued_at: new Date().toISOString() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    rootCertPem: cert.toString('pem'),
    requests,
    issue,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
