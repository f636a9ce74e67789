import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createRequest,
  DYNAMIC_VARIABLES,
  findVariableReferences,
  memorySecretResolver,
  processEnvSecretResolver,
  resolveRequest,
  secretEnvVarName,
  UnresolvedVariablesError,
  type Environment,
} from '../../../src/core/collections';
import { isLosslessNumber, LosslessNumber, stringifyJson } from '../../../src/core/json';

const env: Environment = {
  version: 1,
  name: 'dev',
  variables: {
    SdkAppId: { value: 1400000001 },
    RoomId: { value: '1001' },
    Big: { value: new LosslessNumber('98765432109876543210') },
    Flag: { value: true },
    Layout: { value: { Mode: 3, Ids: ['a', 'b'] } },
    Region: { value: 'ap-guangzhou' },
    Port: { value: 9000 },
    UserSig: { secret: true },
    CosSecretKey: { secret: true },
    Empty: {},
  },
};

async function unresolved(promise: Promise<unknown>): Promise<UnresolvedVariablesError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof UnresolvedVariablesError, String(e));
    return e;
  }
  assert.fail('expected UnresolvedVariablesError');
}

describe('variables', () => {
  test('a whole-value reference keeps the type; an embedded one is interpolated as text', async () => {
    const request = createRequest({
      action: 'DescribeRoomInfo',
      params: {
        SdkAppId: '{{SdkAppId}}',
        RoomId: '{{ RoomId }}',
        Name: 'room-{{RoomId}}-{{SdkAppId}}',
        Big: '{{Big}}',
        BigText: 'id={{Big}}',
        Flag: '{{Flag}}',
        Layout: '{{Layout}}',
        LayoutText: 'layout {{Layout}}',
        List: ['{{SdkAppId}}', { Deep: '{{Big}}' }],
        Untouched: 'no {braces} here',
        Number: 7,
      },
      region: '{{Region}}',
      endpoint: { kind: 'custom', url: 'http://127.0.0.1:{{Port}}' },
    });
    const spec = await resolveRequest(request, { environment: env });
    assert.equal(spec.params.SdkAppId, 1400000001);
    assert.equal(spec.params.RoomId, '1001');
    assert.equal(spec.params.Name, 'room-1001-1400000001');
    assert.ok(isLosslessNumber(spec.params.Big));
    assert.equal(spec.params.BigText, 'id=98765432109876543210');
    assert.equal(spec.params.Flag, true);
    assert.deepEqual(spec.params.Layout, { Mode: 3, Ids: ['a', 'b'] });
    assert.equal(spec.params.LayoutText, 'layout {"Mode":3,"Ids":["a","b"]}');
    assert.equal(spec.params.Untouched, 'no {braces} here');
    assert.equal(
      stringifyJson(spec.params.List),
      '[1400000001,{"Deep":98765432109876543210}]',
      'big integers stay exact in the serialized call',
    );
    assert.equal(spec.region, 'ap-guangzhou');
    assert.deepEqual(spec.endpoint, { kind: 'custom', url: 'http://127.0.0.1:9000' });
    assert.equal(request.params.SdkAppId, '{{SdkAppId}}', 'the saved request is not changed');
    (spec.params.Layout as { Mode: number }).Mode = 4;
    assert.equal((env.variables.Layout.value as { Mode: number }).Mode, 3, 'the environment value is copied, not shared');
  });

  test('secret variables come from the resolver; overrides win over the environment', async () => {
    const request = createRequest({
      action: 'CreateCloudRecording',
      params: { UserSig: '{{UserSig}}', Key: 'k-{{CosSecretKey}}', SdkAppId: '{{SdkAppId}}' },
    });
    const secrets = memorySecretResolver({ dev: { UserSig: 'sig-value', CosSecretKey: 'cos' }, other: { UserSig: 'wrong' } });
    const spec = await resolveRequest(request, { environment: env, secrets, overrides: { SdkAppId: 1400000002 } });
    assert.deepEqual(spec.params, { UserSig: 'sig-value', Key: 'k-cos', SdkAppId: 1400000002 });
  });

  test('the command-line resolver reads TRTC_VAR_<NAME>', async () => {
    assert.equal(secretEnvVarName('UserSig'), 'TRTC_VAR_USERSIG');
    assert.equal(secretEnvVarName('cos.secret-key'), 'TRTC_VAR_COS_SECRET_KEY');
    const resolver = processEnvSecretResolver({ TRTC_VAR_USERSIG: 'from-env' });
    const spec = await resolveRequest(createRequest({ action: 'DismissRoom', params: { UserSig: '{{UserSig}}' } }), { environment: env, secrets: resolver });
    assert.equal(spec.params.UserSig, 'from-env');
    const e = await unresolved(
      resolveRequest(createRequest({ action: 'DismissRoom', params: { K: '{{CosSecretKey}}' } }), { environment: env, secrets: resolver }),
    );
    assert.equal(e.message, '1 variable cannot be resolved:\n  {{CosSecretKey}}: secret with no stored value (set TRTC_VAR_COSSECRETKEY); used in params.K');
  });

  test('every missing variable is listed once with every place it is used', async () => {
    const request = createRequest({
      action: 'DescribeRoomInfo',
      params: { A: '{{Nope}}', B: ['x-{{Nope}}', '{{Nope}}{{Nope}}'], S: '{{UserSig}}', E: '{{Empty}}', D: '{{$nope}}' },
      region: '{{Nope}}',
    });
    const e = await unresolved(resolveRequest(request, { environment: env, secrets: memorySecretResolver({}) }));
    assert.deepEqual(
      e.missing.map((m) => [m.name, m.usedAt]),
      [
        ['Nope', ['params.A', 'params.B[0]', 'params.B[1]', 'region']],
        ['UserSig', ['params.S']],
        ['Empty', ['params.E']],
        ['$nope', ['params.D']],
      ],
    );
    assert.match(e.message, /^4 variables cannot be resolved:\n/);
    assert.match(e.message, /\{\{Nope\}\}: not defined in environment "dev"; used in params\.A, params\.B\[0\], params\.B\[1\], region/);
    assert.match(e.message, /\{\{UserSig\}\}: secret with no stored value; used in params\.S/);
    assert.match(e.message, /\{\{Empty\}\}: defined in environment "dev" without a value/);
    assert.match(e.message, /\{\{\$nope\}\}: not a built-in variable/);
    const none = await unresolved(resolveRequest(createRequest({ action: 'DismissRoom', params: { A: '{{SdkAppId}}' } })));
    assert.match(none.message, /\{\{SdkAppId\}\}: no environment is selected/);
  });

  test('dynamic variables: typed timestamp and randomInt, ISO date, fresh uuid per occurrence', async () => {
    let n = 0;
    const request = createRequest({
      action: 'DescribeRoomInfo',
      params: {
        StartTime: '{{$timestamp}}',
        Label: 't={{$timestamp}}',
        When: '{{$isoDate}}',
        Rand: '{{$randomInt}}',
        Ids: ['{{$uuid}}', '{{$uuid}}'],
      },
    });
    const fixed = { now: () => new Date('2026-08-21T09:30:15.500Z'), randomInt: () => 42, uuid: () => `uuid-${++n}` };
    const spec = await resolveRequest(request, fixed);
    assert.equal(spec.params.StartTime, 1787304615);
    assert.equal(spec.params.Label, 't=1787304615');
    assert.equal(spec.params.When, '2026-08-21T09:30:15.500Z');
    assert.equal(spec.params.Rand, 42);
    assert.deepEqual(spec.params.Ids, ['uuid-1', 'uuid-2']);

    const real = await resolveRequest(createRequest({ action: 'DismissRoom', params: { U: '{{$uuid}}', R: '{{$randomInt}}', T: '{{$timestamp}}' } }));
    assert.match(real.params.U as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(Number.isInteger(real.params.R) && (real.params.R as number) >= 0 && (real.params.R as number) <= 1000);
    assert.ok(Number.isInteger(real.params.T));
    assert.deepEqual(Object.keys(DYNAMIC_VARIABLES).sort(), ['$isoDate', '$randomInt', '$timestamp', '$uuid']);
  });

  test('findVariableReferences lists names and locations in params, region and endpoint', () => {
    const refs = findVariableReferences({
      params: { 'odd key': ['{{A}}'], B: 'x{{ B }}y{{C}}' },
      region: '{{R}}',
      endpoint: { kind: 'custom', url: 'http://{{H}}' },
    });
    assert.deepEqual(refs, [
      { name: 'A', location: 'params["odd key"][0]' },
      { name: 'B', location: 'params.B' },
      { name: 'C', location: 'params.B' },
      { name: 'R', location: 'region' },
      { name: 'H', location: 'endpoint.url' },
    ]);
  });

  test('the call carries the saved call options', async () => {
    const spec = await resolveRequest(
      createRequest({
        action: 'DismissRoom',
        params: {},
        endpoint: { kind: 'intl' },
        signMethod: 'HmacSHA256',
        httpMethod: 'GET',
        language: 'en-US',
        signedHeaders: 'content-type;host;x-tc-action',
        timeoutMs: 5000,
      }),
    );
    assert.deepEqual(spec, {
      action: 'DismissRoom',
      params: {},
      endpoint: { kind: 'intl' },
      language: 'en-US',
      signMethod: 'HmacSHA256',
      httpMethod: 'GET',
      signedHeaders: 'content-type;host;x-tc-action',
      timeoutMs: 5000,
    });
  });
});
