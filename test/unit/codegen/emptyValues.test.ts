import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'shell-quote';
import { CODE_FORMATS, exportCode, toCurl, toGoSdk, type ResolvedTarget } from '../../../src/core/codegen';
import { createCollection, createRequest, toPostman } from '../../../src/core/collections';
import { tencentOnly } from '../../../src/core/http/endpointPolicy';
import { isJsonObject, parseJson, stringifyJson, type JsonObject } from '../../../src/core/json';
import { prepareCall } from '../../../src/core/requests/callExecutor';
import type { CallSpec } from '../../../src/core/requests/types';

// An empty list or object the user gave is a different request from one without the field: the
// API reads `"SubscribeAudioUserIds": []` as "nobody", a missing field as "the default".
const WITH_EMPTIES = parseJson(
  '{"SdkAppId":1400000001,"RoomId":"1001","UserId":"rec","RecordParams":{"RecordMode":2,"SubscribeStreamUserIds":{"SubscribeAudioUserIds":[],"UnSubscribeVideoUserIds":["x"]}},"MixTranscodeParams":{}}',
) as JsonObject;
const WITHOUT = parseJson('{"SdkAppId":1400000001,"RoomId":"1001","UserId":"rec","RecordParams":{"RecordMode":2}}') as JsonObject;
const TARGET: ResolvedTarget = { origin: 'https://trtc.tencentcloudapi.com', host: 'trtc.tencentcloudapi.com', region: 'ap-guangzhou', version: '2019-07-22', service: 'trtc' };
const spec = (params: JsonObject): CallSpec => ({ action: 'CreateCloudRecording', params, region: 'ap-guangzhou' });

/** Top-level scalars as the text tccli receives them. */
function asTccliWords(params: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isJsonObject(v) || Array.isArray(v) ? v : String(v)]));
}

/** The JSON each format embeds, read back the way the program or shell would. */
function embeddedParams(format: string, text: string): JsonObject {
  switch (format) {
    case 'go':
      return parseJson(/const params = `([^`]*)`/.exec(text)![1]!) as JsonObject;
    case 'python':
      return parseJson(/PARAMS = r'([^']*)'/.exec(text)![1]!) as JsonObject;
    case 'java': {
      const literal = /PARAMS = ("(?:[^"\\]|\\.)*");/.exec(text)![1]!;
      return parseJson(JSON.parse(literal) as string) as JsonObject;
    }
    case 'node': {
      const literal = /const params = (\{[\s\S]*?\n\});/.exec(text)![1]!;
      return parseJson(stringifyJson(new Function(`return ${literal}`)() as JsonObject)) as JsonObject;
    }
    case 'tccli': {
      const words = parse(text.split('\n').filter((l) => !l.startsWith('#')).join('\n').replace(/\\\n/g, ' ')) as string[];
      const out: JsonObject = {};
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        if (w.startsWith('--') && !['--region', '--endpoint', '--language'].includes(w)) {
          const v = words[++i]!;
          // tccli types scalars by the API's own definition, so they are compared as text here.
          out[w.slice(2)] = /^[[{]/.test(v) ? (parseJson(v) as JsonObject) : v;
        }
      }
      return out;
    }
    default:
      throw new Error(format);
  }
}

test('every SDK snippet and tccli keeps an empty list and an empty object, and adds nothing for a field left out', () => {
  for (const f of CODE_FORMATS.filter((c) => !c.needsSignedRequest)) {
    const withEmpties = exportCode(f.id, { spec: spec(WITH_EMPTIES), target: TARGET, policy: tencentOnly() }).text;
    const expect = (p: JsonObject): JsonObject => (f.id === 'tccli' ? asTccliWords(p) : p);
    assert.deepEqual(embeddedParams(f.id, withEmpties), expect(WITH_EMPTIES), `${f.id} with empty values`);
    const without = exportCode(f.id, { spec: spec(WITHOUT), target: TARGET, policy: tencentOnly() }).text;
    const params = embeddedParams(f.id, without);
    assert.deepEqual(params, expect(WITHOUT), `${f.id} without the fields`);
    assert.ok(isJsonObject(params.RecordParams) && !('SubscribeStreamUserIds' in params.RecordParams));
  }
});

test('the Go snippet makes the SDK send an empty list it would otherwise drop, and says so', () => {
  const { text, notes } = toGoSdk(spec(WITH_EMPTIES), TARGET);
  assert.match(text, /\n\ttcjson "github\.com\/tencentcloud\/tencentcloud-sdk-go\/tencentcloud\/common\/json"\n/);
  assert.match(text, /func main\(\) \{\n\t\/\/ Send empty lists as \[\] instead of leaving them out\.\n\ttcjson\.OmitBehaviour = tcjson\.OmitNil\n/);
  assert.ok(notes.some((n) => n.includes('RecordParams.SubscribeStreamUserIds.SubscribeAudioUserIds') && n.includes('v1.0.885')));
  const plain = toGoSdk(spec(WITHOUT), TARGET);
  assert.ok(!plain.text.includes('tcjson'), 'no switch when there is no empty list');
  assert.ok(!plain.notes.some((n) => n.includes('empty list')));
});

test('curl sends the empty values byte for byte, and the Postman body keeps them', () => {
  const prepared = prepareCall(spec(WITH_EMPTIES), { credentials: { secretId: 'AKIDEXAMPLEempty0000000000000000000', secretKey: 'k' }, timestamp: 1_700_000_000, policy: tencentOnly() });
  const curl = toCurl(prepared.signed, prepared.endpoint.origin).text;
  const words = parse(curl.split('\n').filter((l) => !l.startsWith('#')).join('\n').replace(/\\\n/g, ' ')) as string[];
  const data = words[words.indexOf('--data-raw') + 1]!;
  assert.equal(data, stringifyJson(WITH_EMPTIES));
  const collection = createCollection('Empty');
  collection.items.push(createRequest({ action: 'CreateCloudRecording', params: WITH_EMPTIES }));
  const postman = toPostman(collection);
  const item = (postman.item as JsonObject[])[0]!;
  const raw = ((item.request as JsonObject).body as JsonObject).raw as string;
  assert.deepEqual(parseJson(raw), WITH_EMPTIES);
});
