import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TlsError } from '../../../src/core/errors';
import { decodeResponse } from '../../../src/core/http/decodeResponse';
import { HttpClient, type HttpRequest } from '../../../src/core/http/httpClient';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { makeTestCertificates, type KeyPair, type TestCertificates } from '../../fixtures/testCerts';
import { signTc3 } from '../../fixtures/testSigner';
import { startTestProxy, type TestProxy } from '../../fixtures/testProxy';

const ID = 'AKIDEXAMPLE000000000000000000000000';
const KEY = 'tls-test-key-000000000000000000000';

describe('HTTPS: certificate failures are TLS errors that say what is wrong', () => {
  let certs: TestCertificates;
  const servers: StandInServer[] = [];
  let proxy: TestProxy;

  before(async () => {
    certs = makeTestCertificates();
    proxy = await startTestProxy();
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await proxy.close();
  });

  const serve = async (pair: KeyPair): Promise<StandInServer> => {
    const s = await startStandInServer({ credentials: { [ID]: KEY }, tls: pair });
    servers.push(s);
    return s;
  };
  const signed = (server: StandInServer): HttpRequest => ({
    origin: server.url,
    ...signTc3({
      secretId: ID,
      secretKey: KEY,
      action: 'DismissRoom',
      timestamp: Math.floor(Date.now() / 1000),
      host: new URL(server.url).host,
      params: { SdkAppId: 1400000001, RoomId: 1 },
    }),
  });
  const attempt = async (server: StandInServer, options: ConstructorParameters<typeof HttpClient>[0] = {}) => {
    const client = new HttpClient(options);
    try {
      return await client.send(signed(server));
    } finally {
      await client.close();
    }
  };

  test('a certificate from a trusted CA is accepted, directly and through a CONNECT proxy', async () => {
    const server = await serve(certs.trusted);
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(decodeResponse(await attempt(server, { ca: certs.caCert })).error, undefined);
    const before = proxy.connects.length;
    assert.equal(decodeResponse(await attempt(server, { ca: certs.caCert, proxy: proxy.url, proxyLoopback: true })).error, undefined);
    assert.equal(proxy.connects.length - before, 1);
  });

  test('self-signed', async () => {
    const server = await serve(certs.selfSigned);
    await assert.rejects(
      attempt(server),
      (e: unknown) => e instanceof TlsError && e.code === 'DEPTH_ZERO_SELF_SIGNED_CERT' && /self-signed/.test(e.message) && e.exitCode === 3,
    );
  });

  test('unknown certificate authority', async () => {
    const server = await serve(certs.trusted);
    await assert.rejects(
      attempt(server),
      (e: unknown) => e instanceof TlsError && e.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' && /unknown certificate authority/.test(e.message),
    );
  });

  test('wrong name, directly and through the proxy tunnel', async () => {
    const server = await serve(certs.wrongName);
    const check = (e: unknown): boolean =>
      e instanceof TlsError && e.code === 'ERR_TLS_CERT_ALTNAME_INVALID' && /not valid for the name 127\.0\.0\.1/.test(e.message);
    await assert.rejects(attempt(server, { ca: certs.caCert }), check);
    await assert.rejects(attempt(server, { ca: certs.caCert, proxy: proxy.url, proxyLoopback: true }), check);
  });

  test('expired', async () => {
    const server = await serve(certs.expired);
    await assert.rejects(attempt(server, { ca: certs.caCert }), (e: unknown) => e instanceof TlsError && e.code === 'CERT_HAS_EXPIRED' && /expired/.test(e.message));
  });

  test('https:// to a plain-HTTP server', async () => {
    const plain = await startStandInServer({ credentials: { [ID]: KEY } });
    servers.push(plain);
    const client = new HttpClient();
    try {
      // The server answers the TLS greeting with a plain HTTP 400, which OpenSSL reads as a bad record.
      await assert.rejects(
        client.send({ ...signed(plain), origin: plain.url.replace('http:', 'https:') }),
        (e: unknown) => e instanceof TlsError && e.code === 'ERR_SSL_WRONG_VERSION_NUMBER' && /use http:\/\//.test(e.message),
      );
    } finally {
      await client.close();
    }
  });
});
