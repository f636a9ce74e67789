import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/errors';
import { bypassesProxy, chooseProxy, normalizeProxyUrl, parseNoProxy } from '../../../src/core/http/proxy';

const API = new URL('https://trtc.tencentcloudapi.com');

test('environment: HTTPS_PROXY family for https targets, HTTP_PROXY for http targets', () => {
  assert.equal(chooseProxy(API, { env: {} }), undefined);
  assert.equal(chooseProxy(API, { env: { HTTPS_PROXY: 'http://a:1' } })?.url, 'http://a:1/');
  assert.equal(chooseProxy(API, { env: { https_proxy: 'http://b:2' } })?.url, 'http://b:2/');
  assert.equal(chooseProxy(API, { env: { HTTP_PROXY: 'http://c:3' } })?.url, 'http://c:3/');
  assert.equal(chooseProxy(API, { env: { HTTPS_PROXY: 'http://a:1', HTTP_PROXY: 'http://c:3' } })?.url, 'http://a:1/');
  assert.equal(chooseProxy(API, { env: { HTTPS_PROXY: '  ', HTTP_PROXY: 'c:3' } })?.url, 'http://c:3/');
  const plain = new URL('http://api.internal:8080');
  assert.equal(chooseProxy(plain, { env: { HTTPS_PROXY: 'http://a:1' } }), undefined);
  assert.equal(chooseProxy(plain, { env: { http_proxy: 'http://d:4' } })?.url, 'http://d:4/');
});

test('the explicit setting overrides the environment; false disables proxies', () => {
  const env = { HTTPS_PROXY: 'http://env-proxy:1' };
  assert.equal(chooseProxy(API, { env, proxy: 'http://setting-proxy:2' })?.url, 'http://setting-proxy:2/');
  assert.equal(chooseProxy(API, { env, proxy: '' })?.url, 'http://env-proxy:1/');
  assert.equal(chooseProxy(API, { env, proxy: false }), undefined);
});

test('NO_PROXY: exact hosts, domains, wildcards, ports, CIDR ranges, IPv6', () => {
  const env = { HTTPS_PROXY: 'http://p:1' };
  const proxied = (target: string, noProxy: string): boolean => chooseProxy(new URL(target), { env: { ...env, NO_PROXY: noProxy } }) !== undefined;
  assert.equal(proxied('https://trtc.tencentcloudapi.com', 'trtc.tencentcloudapi.com'), false);
  assert.equal(proxied('https://trtc.tencentcloudapi.com', 'other.com'), true);
  assert.equal(proxied('https://trtc.tencentcloudapi.com', '.tencentcloudapi.com'), false);
  assert.equal(proxied('https://trtc.tencentcloudapi.com', '*.tencentcloudapi.com'), false);
  assert.equal(proxied('https://trtc.tencentcloudapi.com', 'tencentcloudapi.com'), false);
  assert.equal(proxied('https://xtencentcloudapi.com', '.tencentcloudapi.com'), true);
  assert.equal(proxied('https://trtc.tencentcloudapi.com', '*'), false);
  assert.equal(proxied('https://trtc.tencentcloudapi.com', 'a.com, trtc.tencentcloudapi.com:443 b.com'), false);
  assert.equal(proxied('https://trtc.tencentcloudapi.com', 'trtc.tencentcloudapi.com:8443'), true);
  assert.equal(proxied('https://trtc.example.com:8443', 'trtc.example.com:8443'), false);
  assert.equal(proxied('https://10.1.2.3', '10.0.0.0/8'), false);
  assert.equal(proxied('https://11.1.2.3', '10.0.0.0/8'), true);
  assert.equal(proxied('https://[fd00::5]', 'fd00::/8'), false);
  assert.equal(proxied('https://[fd00::5]:8443', '[fd00::5]:8443'), false);
  assert.equal(proxied('https://TRTC.TencentCloudAPI.com', 'trtc.tencentcloudapi.com'), false);
  // The explicit list replaces the environment's.
  assert.notEqual(chooseProxy(API, { env: { ...env, NO_PROXY: '*' }, noProxy: ['other.com'] }), undefined);
  assert.equal(chooseProxy(API, { env: { ...env, no_proxy: '*' } }), undefined);
});

test('this machine is never proxied unless asked', () => {
  const env = { HTTP_PROXY: 'http://p:1', HTTPS_PROXY: 'http://p:1' };
  for (const target of ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080', 'https://127.9.9.9']) {
    assert.equal(chooseProxy(new URL(target), { env }), undefined, target);
    assert.equal(chooseProxy(new URL(target), { proxy: 'http://p:1' }), undefined, target);
    assert.notEqual(chooseProxy(new URL(target), { env, proxyLoopback: true }), undefined, target);
  }
  assert.equal(chooseProxy(new URL('http://127.0.0.1:8080'), { env, proxyLoopback: true, noProxy: '127.0.0.1' }), undefined);
});

test('parseNoProxy and bypassesProxy on their own', () => {
  const rules = parseNoProxy(' example.com ,, .corp.net:8080 ');
  assert.deepEqual(
    rules.map((r) => [r.host, r.port]),
    [
      ['example.com', 0],
      ['corp.net', 8080],
    ],
  );
  assert.equal(bypassesProxy('api.example.com', 443, rules), true);
  assert.equal(bypassesProxy('a.corp.net', 443, rules), false);
  assert.equal(bypassesProxy('a.corp.net', 8080, rules), true);
  assert.equal(bypassesProxy('example.org', 443, rules), false);
  assert.deepEqual(parseNoProxy('10.0.0.0/99'), []);
});

test('proxy URLs are validated, and credentials never appear in messages or display forms', () => {
  assert.deepEqual(normalizeProxyUrl('proxy.corp:3128'), { url: 'http://proxy.corp:3128/', display: 'http://proxy.corp:3128' });
  assert.deepEqual(normalizeProxyUrl('http://user:s3cret@proxy.corp:3128'), {
    url: 'http://user:s3cret@proxy.corp:3128/',
    display: 'http://proxy.corp:3128',
  });
  assert.throws(() => normalizeProxyUrl('socks5://proxy:1080'), (e: unknown) => e instanceof ConfigError && /not supported/.test(e.message));
  assert.throws(
    () => normalizeProxyUrl('http://user:s3cret@[bad'),
    (e: unknown) => e instanceof ConfigError && /not a valid URL/.test(e.message) && !e.message.includes('s3cret'),
  );
  assert.throws(
    () => chooseProxy(API, { env: { HTTPS_PROXY: 'http://u:s3cret@[' } }),
    (e: unknown) => e instanceof ConfigError && /environment variable/.test(e.message) && !e.message.includes('s3cret'),
  );
});
