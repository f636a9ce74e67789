import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../../src/core/errors';
import { findRegion, INTL_HOST, isLoopbackHost, NEAREST_HOST, regionHost, REGIONS, resolveEndpoint } from '../../../src/core/http/endpoints';

// The endpoint table of the API's "Request Structure" page: the nearest-region host plus 15 regions.
const DOC_TABLE: Array<[string, string]> = [
  ['South China (Guangzhou)', 'trtc.ap-guangzhou.tencentcloudapi.com'],
  ['East China (Shanghai)', 'trtc.ap-shanghai.tencentcloudapi.com'],
  ['North China (Beijing)', 'trtc.ap-beijing.tencentcloudapi.com'],
  ['Southwest China (Chengdu)', 'trtc.ap-chengdu.tencentcloudapi.com'],
  ['Southwest China (Chongqing)', 'trtc.ap-chongqing.tencentcloudapi.com'],
  ['Hong Kong, Macao, Taiwan (Hong Kong, China)', 'trtc.ap-hongkong.tencentcloudapi.com'],
  ['Southeast Asia (Singapore)', 'trtc.ap-singapore.tencentcloudapi.com'],
  ['Southeast Asia (Bangkok)', 'trtc.ap-bangkok.tencentcloudapi.com'],
  ['South Asia (Mumbai)', 'trtc.ap-mumbai.tencentcloudapi.com'],
  ['Northeast Asia (Seoul)', 'trtc.ap-seoul.tencentcloudapi.com'],
  ['Northeast Asia (Tokyo)', 'trtc.ap-tokyo.tencentcloudapi.com'],
  ['U.S. East Coast (Virginia)', 'trtc.na-ashburn.tencentcloudapi.com'],
  ['U.S. West Coast (Silicon Valley)', 'trtc.na-siliconvalley.tencentcloudapi.com'],
  ['North America (Toronto)', 'trtc.na-toronto.tencentcloudapi.com'],
  ['Europe (Frankfurt)', 'trtc.eu-frankfurt.tencentcloudapi.com'],
];

test('every regional row of the endpoint table resolves to its host, with both display names', () => {
  assert.equal(REGIONS.length, DOC_TABLE.length);
  for (const [english, host] of DOC_TABLE) {
    const region = REGIONS.find((r) => r.en === english);
    assert.ok(region, `missing ${english}`);
    assert.equal(regionHost(region.id), host);
    assert.deepEqual(resolveEndpoint({ kind: 'regional' }, region.id), { origin: `https://${host}`, host, custom: false });
    assert.match(region.zh, /^[\u4e00-\u9fff]+\([\u4e00-\u9fff]+\)$/, `${region.id} has a Chinese name of the form 地区(城市)`);
    assert.equal(findRegion(region.id), region);
  }
  assert.equal(new Set(REGIONS.map((r) => r.zh)).size, REGIONS.length);
  assert.equal(findRegion('ap-guangzhou')?.zh, '华南地区(广州)');
});

test('nearest and international hosts', () => {
  assert.deepEqual(resolveEndpoint({ kind: 'nearest' }), { origin: 'https://trtc.tencentcloudapi.com', host: NEAREST_HOST, custom: false });
  assert.deepEqual(resolveEndpoint({ kind: 'intl' }, 'ap-singapore'), {
    origin: 'https://trtc.intl.tencentcloudapi.com',
    host: INTL_HOST,
    custom: false,
  });
});

test('a regional endpoint needs a known region', () => {
  assert.throws(() => resolveEndpoint({ kind: 'regional' }), (e: unknown) => e instanceof InputError && /needs a region/.test(e.message));
  assert.throws(
    () => resolveEndpoint({ kind: 'regional' }, 'ap-atlantis'),
    (e: unknown) => e instanceof InputError && /Unknown region "ap-atlantis"/.test(e.message) && /ap-guangzhou/.test(e.message),
  );
  assert.equal(findRegion('ap-atlantis'), undefined);
});

test('custom endpoints: accepted forms', () => {
  const cases: Array<[string, string, string]> = [
    ['https://trtc.example.com', 'https://trtc.example.com', 'trtc.example.com'],
    ['https://trtc.example.com/', 'https://trtc.example.com', 'trtc.example.com'],
    ['  https://trtc.example.com:443/ ', 'https://trtc.example.com', 'trtc.example.com'],
    ['https://trtc.example.com:8443', 'https://trtc.example.com:8443', 'trtc.example.com:8443'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', '127.0.0.1:8080'],
    ['http://127.45.6.7', 'http://127.45.6.7', '127.45.6.7'],
    ['http://localhost:3000/', 'http://localhost:3000', 'localhost:3000'],
    ['http://[::1]:9000', 'http://[::1]:9000', '[::1]:9000'],
    ['HTTPS://TRTC.Example.COM', 'https://trtc.example.com', 'trtc.example.com'],
  ];
  for (const [input, origin, host] of cases) {
    assert.deepEqual(resolveEndpoint({ kind: 'custom', url: input }), { origin, host, custom: true }, input);
  }
});

test('custom endpoints: rejected forms say what is wrong', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /empty/],
    ['trtc.example.com', /not a valid URL/],
    ['ftp://trtc.example.com', /must start with https:\/\//],
    ['http://trtc.example.com', /plain http:\/\/.*unencrypted/],
    ['http://10.0.0.5:8080', /plain http:\/\//],
    ['http://128.0.0.1', /plain http:\/\//],
    ['https://trtc.example.com/v3', /must not have a path.*use https:\/\/trtc\.example\.com/],
    ['https://trtc.example.com/?Action=X', /query string/],
    ['https://trtc.example.com?', /query string/],
    ['https://trtc.example.com/#top', /fragment/],
    ['https://user:hunter2@trtc.example.com', /user name or password/],
  ];
  for (const [input, pattern] of cases) {
    assert.throws(
      () => resolveEndpoint({ kind: 'custom', url: input }),
      (e: unknown) => e instanceof InputError && pattern.test(e.message) && !e.message.includes('hunter2') && e.path === 'endpoint',
      input,
    );
  }
});

test('loopback detection', () => {
  for (const h of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', 'api.localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
    assert.equal(isLoopbackHost(h), true, h);
  }
  for (const h of ['128.0.0.1', '10.0.0.1', 'localhost.example.com', '::2', 'example.com', '0.0.0.0']) {
    assert.equal(isLoopbackHost(h), false, h);
  }
});
