import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { tencentOnly } from '../../../src/core/http/endpointPolicy';
import { exportCode, findSensitiveValues, toGoSdk, toJavaSdk, toNodeSdk, toPythonSdk, type ResolvedTarget } from '../../../src/core/codegen';
import { isJsonObject, parseJson, stringifyJson, type JsonObject, type JsonValue } from '../../../src/core/json';
import type { CallSpec } from '../../../src/core/requests/types';
import { startStandInServer, type StandInServer } from '../../fixtures/standInServer';
import { tc3CanonicalHeaders, tc3CanonicalRequest, tc3Signature, tc3StringToSign } from '../../fixtures/standInVerify';
import { createHash } from 'node:crypto';

const ROOT = path.resolve(__dirname, '../../..');
const SECRET_ID = 'AKIDEXAMPLETEST000000000000000000000';
const SECRET_KEY = 'snippet-secret-key-000000000000000';
const CREDS = { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY };
const SECRETS = { TRTC_USERSIG: 'eJy-user-sig', TRTC_CLOUDSTORAGE_SECRETKEY: 'SK-secret', TRTC_CLOUDSTORAGE_ACCESSKEY: 'AK-access' };

const PARAMS = parseJson(
  `{"SdkAppId":1400000001,"RoomId":"it's \\"7\\" \\\\ 中文 \\u2028","UserId":"rec","UserSig":"${SECRETS.TRTC_USERSIG}",
    "RecordParams":{"RecordMode":2,"MaxIdleTime":12345678901234567890,"SubscribeStreamUserIds":{"SubscribeAudioUserIds":["a","b"]}},
    "StorageParams":{"CloudStorage":{"Vendor":0,"Region":"cn","Bucket":"b","AccessKey":"${SECRETS.TRTC_CLOUDSTORAGE_ACCESSKEY}","SecretKey":"${SECRETS.TRTC_CLOUDSTORAGE_SECRETKEY}","FileNamePrefix":[]}},
    "MixLayoutParams":{"MixLayoutMode":3,"PureAudioDisableLayout":false},"Ratio":0.25}`,
) as JsonObject;
const SPEC: CallSpec = { action: 'CreateCloudRecording', params: PARAMS };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-codegen-'));
const servers: Server[] = [];
let standIn: StandInServer | undefined;
after(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await standIn?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function target(origin: string, region = 'ap-guangzhou'): ResolvedTarget {
  return { origin, host: new URL(origin).host, region, version: '2019-07-22', service: 'trtc' };
}

function run(cmd: string, args: string[], env: Record<string, string>, cwd = tmp): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmp, ...env }, timeout: 60000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function noSecrets(text: string): void {
  for (const v of [SECRET_KEY, ...Object.values(SECRETS)]) {
    assert.ok(!text.includes(v), `the snippet does not contain ${v.slice(0, 4)}…`);
  }
}

/** The parameters with the sensitive values emptied: what the snippets embed. */
function blanked(): JsonValue {
  const copy = parseJson(stringifyJson(PARAMS)) as JsonObject;
  for (const v of findSensitiveValues(copy)) {
    let o: JsonValue = copy;
    for (const p of v.path.slice(0, -1)) {
      o = (o as Record<string, JsonValue>)[p as string];
    }
    (o as Record<string, JsonValue>)[v.path[v.path.length - 1] as string] = '';
  }
  return copy;
}

test('sensitive parameters get environment variables named after the field', () => {
  assert.deepEqual(
    findSensitiveValues(PARAMS).map((v) => v.envVar),
    ['TRTC_USERSIG', 'TRTC_CLOUDSTORAGE_ACCESSKEY', 'TRTC_CLOUDSTORAGE_SECRETKEY'],
  );
  const twice = findSensitiveValues({ A: [{ SecretKey: 'x' }, { SecretKey: 'y' }], B: { SecretKey: '' } });
  assert.deepEqual(
    twice.map((v) => v.envVar),
    ['TRTC_A_SECRETKEY', 'TRTC_A_SECRETKEY_2'],
  );
});

test('the Node.js snippet runs, sends the exact parameters and prints the response (TC3, local server)', async () => {
  let seen: { req: IncomingMessage; body: string } | undefined;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen = { req, body };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"Response":{"TaskId":"task-42","RequestId":"req-1"}}');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { text } = toNodeSdk({ ...SPEC, language: 'en-US' }, target(origin), { sessionToken: true });
  noSecrets(text);
  const file = write(tmp, 'tc3.js', text);
  const r = await run(process.execPath, [file], {
    NODE_PATH: path.join(ROOT, 'node_modules'),
    ...CREDS,
    TENCENTCLOUD_SESSION_TOKEN: 'session-tok',
    ...SECRETS,
  });
  assert.equal(r.code, 0, r.stderr);
  const printed = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(printed.TaskId, 'task-42');
  assert.equal(printed.RequestId, 'req-1');

  assert.ok(seen);
  const h = seen.req.headers;
  assert.equal(seen.req.method, 'POST');
  assert.equal(h['x-tc-action'], 'CreateCloudRecording');
  assert.equal(h['x-tc-version'], '2019-07-22');
  assert.equal(h['x-tc-region'], 'ap-guangzhou');
  assert.equal(h['x-tc-language'], 'en-US');
  assert.equal(h['x-tc-token'], 'session-tok');
  // The body carries the exact parameters, the 20-digit integer as its digits. (The SDK's JSON writer
  // escapes U+2028 where ours does not, so the texts are compared as JSON.)
  assert.deepEqual(parseJson(seen.body), PARAMS);
  assert.match(seen.body, /"MaxIdleTime":12345678901234567890[,}]/);
  // Recompute the SDK's signature with its own choices for a custom endpoint: the service is the
  // endpoint's first label and the signed host has no port.
  const auth = String(h.authorization);
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  assert.ok(m, auth);
  assert.equal(m[1], SECRET_ID);
  assert.equal(m[3], '127');
  const canonical = tc3CanonicalRequest({
    method: 'POST',
    path: '/',
    query: '',
    canonicalHeaders: tc3CanonicalHeaders(m[4].split(';'), (n) => (n === 'host' ? '127.0.0.1' : String(h[n]))),
    signedHeaders: m[4],
    payloadHash: createHash('sha256').update(seen.body).digest('hex'),
  });
  const sts = tc3StringToSign(String(h['x-tc-timestamp']), `${m[2]}/${m[3]}/tc3_request`, canonical);
  assert.equal(tc3Signature(SECRET_KEY, m[2], m[3], sts), m[5]);
});

test('the Node.js snippet passes the stand-in server with legacy signatures, POST and GET', async () => {
  standIn = await startStandInServer({
    credentials: { [SECRET_ID]: SECRET_KEY },
    handler: (action, params) => ({ Action: action, Got: params }),
  });
  const spec: CallSpec = { action: 'DismissRoom', params: { SdkAppId: 1400000001, RoomId: 1001 }, signMethod: 'HmacSHA256' };
  for (const httpMethod of ['POST', 'GET'] as const) {
    const { text } = toNodeSdk({ ...spec, httpMethod }, target(standIn.url));
    const file = write(tmp, `legacy-${httpMethod}.js`, text);
    const r = await run(process.execPath, [file], { NODE_PATH: path.join(ROOT, 'node_modules'), ...CREDS });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const printed = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.equal(printed.Action, 'DismissRoom');
    const last = standIn.requests.at(-1);
    assert.equal(last?.verified, true, JSON.stringify(last?.error));
    assert.equal(last?.method, httpMethod);
    assert.equal(last?.signMethod, 'HmacSHA256');
  }
});

test('an action only the international API has uses the generic request', () => {
  const { text, notes } = toNodeSdk({ action: 'SetUserBlocked', params: { SdkAppId: 1, RoomId: '1', UserId: 'u', IsMute: 1 } }, target('https://trtc.tencentcloudapi.com'));
  assert.match(text, /client\.request\("SetUserBlocked", params\)/);
  assert.ok(notes.some((n) => n.includes('international')));
  assert.ok(!/endpoint:/.test(text), 'the default host needs no endpoint');
});

/** A stand-in for the Python SDK that reports what the snippet configured and sent. */
function pythonStubs(dir: string): void {
  const files: Record<string, string> = {
    'tencentcloud/__init__.py': '',
    'tencentcloud/common/__init__.py': '',
    'tencentcloud/common/credential.py':
      'class Credential:\n    def __init__(self, secret_id, secret_key, token=None):\n        self.secret_id, self.secret_key, self.token = secret_id, secret_key, token\n',
    'tencentcloud/common/exception/__init__.py': '',
    'tencentcloud/common/exception/tencent_cloud_sdk_exception.py': 'class TencentCloudSDKException(Exception):\n    pass\n',
    'tencentcloud/common/profile/__init__.py': '',
    'tencentcloud/common/profile/http_profile.py':
      'class HttpProfile:\n    def __init__(self, protocol=None, endpoint=None, reqMethod="POST", reqTimeout=60):\n' +
      '        self.endpoint, self.reqMethod = endpoint, reqMethod\n        self.protocol = protocol or "https"\n        self.scheme = self.protocol\n',
    'tencentcloud/common/profile/client_profile.py':
      'class ClientProfile:\n    def __init__(self, signMethod=None, httpProfile=None, language="zh-CN"):\n' +
      '        self.signMethod, self.httpProfile, self.language = signMethod or "TC3-HMAC-SHA256", httpProfile, language\n',
    'tencentcloud/trtc/__init__.py': '',
    'tencentcloud/trtc/v20190722/__init__.py': '',
    'tencentcloud/trtc/v20190722/models.py':
      'import json\nclass _Request:\n    def from_json_string(self, s):\n        self.params = json.loads(s)\n' +
      'def __getattr__(name):\n    if name.endswith("Request"):\n        return type(name, (_Request,), {})\n    raise AttributeError(name)\n',
    'tencentcloud/trtc/v20190722/trtc_client.py':
      'import json\nclass _Resp:\n    def __init__(self, d):\n        self.d = d\n    def to_json_string(self):\n        return json.dumps(self.d)\n' +
      'class TrtcClient:\n    def __init__(self, cred, region, profile):\n        self.cred, self.region, self.profile = cred, region, profile\n' +
      '    def __getattr__(self, action):\n        def call(req):\n            p = self.profile\n' +
      '            return _Resp({"Action": action, "Params": req.params, "Region": self.region, "Endpoint": p.httpProfile.endpoint,\n' +
      '                "Scheme": p.httpProfile.scheme, "ReqMethod": p.httpProfile.reqMethod, "SignMethod": p.signMethod, "Language": p.language,\n' +
      '                "SecretId": self.cred.secret_id, "Token": self.cred.token})\n        return call\n',
  };
  for (const [name, text] of Object.entries(files)) {
    write(dir, name, text);
  }
}

test('the Python snippet compiles, embeds the exact JSON and sends it with the secrets filled in', async () => {
  const dir = path.join(tmp, 'py');
  pythonStubs(dir);
  const spec: CallSpec = { ...SPEC, signMethod: 'HmacSHA1', httpMethod: 'GET', language: 'en-US' };
  const { text } = toPythonSdk(spec, target('http://127.0.0.1:8443'), { sessionToken: true });
  noSecrets(text);
  const file = write(dir, 'snippet.py', text);
  const compiled = await run('python3', ['-m', 'py_compile', file], {}, dir);
  assert.equal(compiled.code, 0, compiled.stderr);

  const literal = await run('python3', ['-c', 'import ast,sys\nsrc=open(sys.argv[1]).read()\nprint(ast.literal_eval(src.split("PARAMS = ",1)[1].split("\\n",1)[0]))', file], {}, dir);
  assert.equal(literal.code, 0, literal.stderr);
  assert.deepEqual(parseJson(literal.stdout.replace(/\n$/, '')), blanked());

  // Without a single quote in the JSON the literal is a raw string; JSON escapes must survive it.
  const quoteless = parseJson('{"SdkAppId":1,"RoomId":"q\\"\\\\ \\u2028 中 \\t"}') as JsonObject;
  const rawText = toPythonSdk({ action: 'DismissRoomByStrRoomId', params: quoteless }, target('https://trtc.tencentcloudapi.com')).text;
  assert.match(rawText, /^PARAMS = r'\{/m);
  const rawFile = write(dir, 'raw.py', rawText);
  const rawLiteral = await run('python3', ['-c', 'import ast,sys\nsrc=open(sys.argv[1]).read()\nprint(ast.literal_eval(src.split("PARAMS = ",1)[1].split("\\n",1)[0]))', rawFile], {}, dir);
  assert.equal(rawLiteral.code, 0, rawLiteral.stderr);
  assert.deepEqual(parseJson(rawLiteral.stdout.replace(/\n$/, '')), quoteless);

  const r = await run('python3', [file], { PYTHONPATH: dir, ...CREDS, TENCENTCLOUD_SESSION_TOKEN: 'tok', ...SECRETS }, dir);
  assert.equal(r.code, 0, r.stderr);
  const out = parseJson(r.stdout) as JsonObject;
  assert.deepEqual(out.Params, PARAMS);
  assert.deepEqual(
    { ...out, Params: null },
    {
      Action: 'CreateCloudRecording',
      Params: null,
      Region: 'ap-guangzhou',
      Endpoint: '127.0.0.1:8443',
      Scheme: 'http',
      ReqMethod: 'GET',
      SignMethod: 'HmacSHA1',
      Language: 'en-US',
      SecretId: SECRET_ID,
      Token: 'tok',
    },
  );
});

test('the Go snippet embeds the exact JSON and sets the secrets on the typed request', () => {
  const { text } = toGoSdk({ ...SPEC, signMethod: 'HmacSHA256' }, target('https://trtc.ap-guangzhou.tencentcloudapi.com'));
  noSecrets(text);
  const raw = /const params = `([^`]*)`/.exec(text);
  assert.ok(raw, 'the parameters are a raw string literal');
  assert.deepEqual(parseJson(raw[1]), blanked());
  assert.match(text, /request := trtc\.NewCreateCloudRecordingRequest\(\)\n\tif err := request\.FromJsonString\(params\); err != nil \{/);
  assert.match(text, /\trequest\.UserSig = common\.StringPtr\(os\.Getenv\("TRTC_USERSIG"\)\)/);
  assert.match(text, /\trequest\.StorageParams\.CloudStorage\.SecretKey = common\.StringPtr\(os\.Getenv\("TRTC_CLOUDSTORAGE_SECRETKEY"\)\)/);
  assert.match(text, /cpf\.HttpProfile\.Endpoint = "trtc\.ap-guangzhou\.tencentcloudapi\.com"/);
  assert.match(text, /cpf\.SignMethod = "HmacSHA256"/);
  assert.match(text, /trtc\.NewClient\(credential, "ap-guangzhou", cpf\)/);
  assert.ok(!/Scheme/.test(text));
  // Balanced braces and parentheses, tab indentation: the shape gofmt expects.
  for (const [open, close] of [
    ['{', '}'],
    ['(', ')'],
  ]) {
    const code = text.replace(/`[^`]*`/g, '').replace(/"(?:[^"\\]|\\.)*"/g, '').replace(/\/\/.*$/gm, '');
    assert.equal(code.split(open).length, code.split(close).length, `${open}${close} balanced`);
  }
  assert.ok(text.split('\n').every((l) => !/^ +\S/.test(l)), 'indented with tabs');
  const http = toGoSdk(SPEC, target('http://127.0.0.1:9000')).text;
  assert.match(http, /cpf\.HttpProfile\.Scheme = "HTTP"/);
  assert.match(http, /cpf\.HttpProfile\.Endpoint = "127\.0\.0\.1:9000"/);
});

/** Java stand-ins for the SDK classes the snippet uses; the response prints what the snippet did. */
function javaStubs(dir: string, action: string, spec: CallSpec): void {
  const p = 'com/tencentcloudapi';
  write(dir, `${p}/common/Recorder.java`, 'package com.tencentcloudapi.common;\npublic class Recorder {\n  public static String params;\n  public static final java.util.Map<String, String> sets = new java.util.TreeMap<>();\n  public static String config = "";\n}\n');
  write(
    dir,
    `${p}/common/AbstractModel.java`,
    'package com.tencentcloudapi.common;\npublic abstract class AbstractModel {\n' +
      '  public static <O> O fromJsonString(String json, Class<O> cls) {\n    Recorder.params = json;\n' +
      '    try { return cls.getDeclaredConstructor().newInstance(); } catch (Exception e) { throw new RuntimeException(e); }\n  }\n' +
      '  public static String toJsonString(AbstractModel m) {\n    StringBuilder b = new StringBuilder("{\\"params\\":" + Recorder.params + ",\\"config\\":\\"" + Recorder.config + "\\",\\"sets\\":{");\n' +
      '    String sep = "";\n    for (java.util.Map.Entry<String, String> e : Recorder.sets.entrySet()) { b.append(sep).append("\\"" + e.getKey() + "\\":\\"" + e.getValue() + "\\""); sep = ","; }\n' +
      '    return b.append("}}").toString();\n  }\n}\n',
  );
  write(
    dir,
    `${p}/common/Credential.java`,
    'package com.tencentcloudapi.common;\npublic class Credential {\n  public Credential(String id, String key) { Recorder.config += "id=" + id + ";"; }\n' +
      '  public Credential(String id, String key, String token) { Recorder.config += "id=" + id + ";token=" + token + ";"; }\n}\n',
  );
  write(dir, `${p}/common/exception/TencentCloudSDKException.java`, 'package com.tencentcloudapi.common.exception;\npublic class TencentCloudSDKException extends Exception {}\n');
  write(
    dir,
    `${p}/common/profile/HttpProfile.java`,
    'package com.tencentcloudapi.common.profile;\nimport com.tencentcloudapi.common.Recorder;\npublic class HttpProfile {\n' +
      '  public static final String REQ_HTTP = "http://";\n  public static final String REQ_GET = "GET";\n' +
      '  public void setEndpoint(String e) { Recorder.config += "endpoint=" + e + ";"; }\n  public void setProtocol(String p) { Recorder.config += "protocol=" + p + ";"; }\n' +
      '  public void setReqMethod(String m) { Recorder.config += "method=" + m + ";"; }\n}\n',
  );
  write(
    dir,
    `${p}/common/profile/ClientProfile.java`,
    'package com.tencentcloudapi.common.profile;\nimport com.tencentcloudapi.common.Recorder;\npublic class ClientProfile {\n' +
      '  public static final String SIGN_SHA1 = "HmacSHA1";\n  public static final String SIGN_SHA256 = "HmacSHA256";\n' +
      '  public void setHttpProfile(HttpProfile p) {}\n  public void setSignMethod(String m) { Recorder.config += "sign=" + m + ";"; }\n' +
      '  public void setLanguage(Language l) { Recorder.config += "language=" + l + ";"; }\n}\n',
  );
  write(dir, `${p}/common/profile/Language.java`, 'package com.tencentcloudapi.common.profile;\npublic enum Language { ZH_CN, EN_US }\n');
  write(
    dir,
    `${p}/trtc/v20190722/TrtcClient.java`,
    'package com.tencentcloudapi.trtc.v20190722;\nimport com.tencentcloudapi.common.*;\nimport com.tencentcloudapi.common.exception.TencentCloudSDKException;\n' +
      'import com.tencentcloudapi.common.profile.ClientProfile;\nimport com.tencentcloudapi.trtc.v20190722.models.*;\npublic class TrtcClient {\n' +
      '  public TrtcClient(Credential c, String region, ClientProfile p) { Recorder.config += "region=" + region + ";"; }\n' +
      `  public ${action}Response ${action}(${action}Request r) throws TencentCloudSDKException { return new ${action}Response(); }\n}\n`,
  );
  write(dir, `${p}/trtc/v20190722/models/${action}Response.java`, `package com.tencentcloudapi.trtc.v20190722.models;\npublic class ${action}Response extends com.tencentcloudapi.common.AbstractModel {}\n`);
  // One nested class per object on the way to a sensitive value, named after its path.
  const classes = new Map<string, Map<string, string>>();
  const ensure = (name: string): Map<string, string> => {
    let m = classes.get(name);
    if (!m) {
      m = new Map();
      classes.set(name, m);
    }
    return m;
  };
  for (const v of findSensitiveValues(spec.params)) {
    let cls = `${action}Request`;
    let prefix = '';
    v.path.forEach((seg, i) => {
      const name = String(seg);
      prefix += (prefix ? '.' : '') + name;
      if (i === v.path.length - 1) {
        ensure(cls).set(`set${name}`, `  public void set${name}(String v) { com.tencentcloudapi.common.Recorder.sets.put("${prefix}", v); }`);
      } else {
        const child = `N_${prefix.replace(/\./g, '_')}`;
        ensure(cls).set(`get${name}`, `  private final ${child} f${name} = new ${child}();\n  public ${child} get${name}() { return f${name}; }`);
        ensure(child);
        cls = child;
      }
    });
  }
  ensure(`${action}Request`);
  for (const [name, members] of classes) {
    const base = name.endsWith('Request') ? ' extends com.tencentcloudapi.common.AbstractModel' : '';
    write(dir, `${p}/trtc/v20190722/models/${name}.java`, `package com.tencentcloudapi.trtc.v20190722.models;\npublic class ${name}${base} {\n${[...members.values()].join('\n')}\n}\n`);
  }
}

function listJava(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listJava(path.join(dir, e.name)) : e.name.endsWith('.java') ? [path.join(dir, e.name)] : []));
}

test('the Java snippet compiles against stand-in SDK classes and runs with the exact JSON', async () => {
  const dir = path.join(tmp, 'java');
  javaStubs(dir, SPEC.action, SPEC);
  const spec: CallSpec = { ...SPEC, signMethod: 'HmacSHA256', httpMethod: 'GET', language: 'en-US' };
  const { text, notes } = toJavaSdk(spec, target('http://127.0.0.1:8443'), { sessionToken: true });
  noSecrets(text);
  assert.ok(notes.some((n) => /long/.test(n)), 'the 20-digit integer is flagged for Java');
  assert.ok(/^[\x00-\x7f]*$/.test(text.split('PARAMS = ')[1].split('\n')[0]), 'the JSON literal is plain ASCII');
  write(dir, `${SPEC.action}.java`, text);
  const out = path.join(dir, 'out');
  const compiled = await run('javac', ['-encoding', 'US-ASCII', '-d', out, ...listJava(dir)], {}, dir);
  assert.equal(compiled.code, 0, compiled.stderr);
  const r = await run('java', ['-Dfile.encoding=UTF-8', '-Dsun.stdout.encoding=UTF-8', '-cp', out, SPEC.action], { ...CREDS, TENCENTCLOUD_SESSION_TOKEN: 'tok', ...SECRETS }, dir);
  assert.equal(r.code, 0, r.stderr);
  const printed = parseJson(r.stdout.trim());
  assert.ok(isJsonObject(printed));
  assert.deepEqual(printed.params, blanked());
  assert.deepEqual(printed.sets, {
    UserSig: SECRETS.TRTC_USERSIG,
    'StorageParams.CloudStorage.AccessKey': SECRETS.TRTC_CLOUDSTORAGE_ACCESSKEY,
    'StorageParams.CloudStorage.SecretKey': SECRETS.TRTC_CLOUDSTORAGE_SECRETKEY,
  });
  assert.equal(
    printed.config,
    `id=${SECRET_ID};token=tok;endpoint=127.0.0.1:8443;protocol=http://;method=GET;sign=HmacSHA256;language=EN_US;region=ap-guangzhou;`,
  );
});

test('exportCode dispatches every format and curl needs a signed request', () => {
  const t = target('https://trtc.tencentcloudapi.com');
  for (const format of ['tccli', 'node', 'python', 'go', 'java'] as const) {
    const r = exportCode(format, { spec: SPEC, target: t, policy: tencentOnly() });
    assert.equal(r.format, format);
    assert.ok(r.text.length > 50);
    noSecrets(r.text);
  }
  assert.equal(exportCode('go', { spec: SPEC, target: t, policy: tencentOnly() }).languageId, 'go');
  assert.equal(exportCode('tccli', { spec: SPEC, target: t, policy: tencentOnly() }).languageId, 'shellscript');
  assert.throws(() => exportCode('curl', { spec: SPEC, target: t, policy: tencentOnly() }), /sign the request first/);
});
