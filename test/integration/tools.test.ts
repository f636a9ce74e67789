import * as assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { signCallback } from '../../src/core/callbacks';
import { CODE_FORMATS } from '../../src/core/codegen';
import type { CallSpec } from '../../src/core/requests/types';
import { verifyUserSig } from '../../src/core/usersig';
import type { ExportOutcome } from '../../src/editor/signature/signatureCommands';
import type { DecodedUserSigOutcome, GeneratedUserSig } from '../../src/editor/tools/toolCommands';
import { explorer, IT_SECRET_ID, IT_SECRET_KEY, IT_TOKEN } from './helpers';
import { scriptedPrompts, type Answers, type ScriptedPrompts } from './scriptedPrompts';

// The documented callback example (FACTS §5): real newline and tab bytes, no final newline.
const FACTS_BODY =
  '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}';
const FACTS_KEY = '123654';
const FACTS_SIGN = 'kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=';
const USERSIG_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';

suite('code export, callback and UserSig tools', () => {
  let original: unknown;

  suiteSetup(async () => {
    const api = await explorer();
    original = api.prompts;
    await api.credentials.upsert({ name: 'tools-it', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-singapore' });
    await api.credentials.setActive('tools-it');
  });

  teardown(async () => {
    const api = await explorer();
    api.prompts = original as typeof api.prompts;
  });

  async function answer(answers: Answers): Promise<ScriptedPrompts> {
    const api = await explorer();
    const p = scriptedPrompts(answers);
    api.prompts = p;
    return p;
  }

  test('code export opens an untitled document in the right language for every format, with no secret in it', async () => {
    const known = new Set(await vscode.languages.getLanguages());
    const spec: CallSpec = { action: 'DescribeRoomInfo', params: { SdkAppId: 1400000001, RoomId: '1001' }, region: 'ap-singapore' };
    for (const format of CODE_FORMATS) {
      const prompts = await answer({ codeFormat: format.id });
      const outcome = await vscode.commands.executeCommand<ExportOutcome | undefined>('trtcExplorer.code.export', { spec, profile: 'tools-it' });
      assert.deepEqual(prompts.failures, []);
      assert.ok(outcome, `${format.id} was exported`);
      assert.equal(outcome.format, format.id);
      assert.equal(outcome.document.uri.scheme, 'untitled');
      assert.ok(known.has(format.languageId), `${format.languageId} is a language of this editor`);
      assert.equal(outcome.document.languageId, format.languageId);
      const text = outcome.document.getText();
      assert.ok(text.includes('DescribeRoomInfo'), `${format.id} names the action`);
      assert.ok(!text.includes(IT_SECRET_KEY) && !text.includes(IT_TOKEN), `${format.id} holds no key or token`);
      if (format.id === 'curl') {
        assert.ok(outcome.expiresAt && outcome.expiresAt > Date.now(), 'curl states its expiry');
        assert.match(text, /signature expires at/);
        assert.match(text, /TENCENTCLOUD_SESSION_TOKEN/, 'the token is read from the environment');
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('UserSig generate and decode round trip, with a PrivateMapKey and a remembered key', async () => {
    const api = await explorer();
    const gen = await answer({
      userSigSdkAppId: '1400000000',
      userSigKey: USERSIG_KEY,
      userSigKeyRemember: 'yes',
      userSigUserId: 'xiaojun',
      userSigExpiry: '86400',
      userSigPrivateMapKey: 'yes',
      userSigRoom: '1234',
      userSigPrivileges: ['enterRoom', 'receiveAudio'],
    });
    const generated = await vscode.commands.executeCommand<GeneratedUserSig | undefined>('trtcExplorer.usersig.generate');
    assert.deepEqual(gen.failures, []);
    assert.ok(generated?.userSig && generated.privateMapKey);
    assert.equal(verifyUserSig(generated.userSig, { key: USERSIG_KEY, sdkAppId: 1400000000, userId: 'xiaojun' }).valid, true, 'the UserSig verifies with the key');
    const genText = generated.document.getText();
    assert.ok(genText.includes(generated.userSig) && genText.includes(generated.privateMapKey));
    assert.ok(!genText.includes(USERSIG_KEY), 'the key is not in the document');
    assert.equal(await (await api.tools()).keys.get('usersig', '1400000000'), USERSIG_KEY, 'the key was remembered as asked');

    // With the key remembered, decoding verifies without asking for it.
    const dec = await answer({ userSigDecode: generated.privateMapKey });
    const decoded = await vscode.commands.executeCommand<DecodedUserSigOutcome | undefined>('trtcExplorer.usersig.decode');
    assert.deepEqual(dec.failures, []);
    assert.deepEqual(dec.asked, ['userSigDecode']);
    assert.ok(decoded);
    assert.equal(decoded.identifier, 'xiaojun');
    assert.equal(decoded.sdkAppId, 1400000000);
    assert.equal(decoded.verification?.valid, true);
    const decText = decoded.document.getText();
    assert.match(decText, /numeric room 1234/);
    assert.match(decText, /enter room, receive audio \(10\)/);
    assert.match(decText, /in 23 h 59 min|in 1 d/);

    // A wrong key is named as such.
    await (await api.tools()).keys.remove([{ kind: 'usersig', sdkAppId: '1400000000' }]);
    const wrong = await answer({ userSigDecode: generated.userSig, userSigVerifyKey: 'not-the-key' });
    const rejected = await vscode.commands.executeCommand<DecodedUserSigOutcome | undefined>('trtcExplorer.usersig.decode');
    assert.deepEqual(wrong.failures, []);
    assert.equal(rejected?.verification?.valid, false);
    assert.match(rejected?.verification?.reasons[0] ?? '', /signature does not match/);

    // Input that is not a UserSig is refused by the box's own validation.
    assert.ok(wrong.inputs.userSigDecode.validateInput?.('not a usersig'), 'garbage is refused');
  });

  test('callback verify: the documented example matches, and a final newline is named', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: FACTS_BODY });
    await vscode.window.showTextDocument(doc);
    const ok = await answer({ callbackBodySource: 'editor', callbackSign: `Sign: ${FACTS_SIGN}`, callbackSdkAppId: '', callbackKey: FACTS_KEY });
    const valid = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('trtcExplorer.callbacks.verify');
    assert.deepEqual(ok.failures, []);
    assert.ok(valid);
    assert.match(valid.getText(), /The Sign matches: the callback is authentic/);
    assert.ok(!valid.getText().includes(FACTS_KEY), 'the key is not echoed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    await vscode.env.clipboard.writeText(FACTS_BODY + '\n');
    const nl = await answer({ callbackBodySource: 'clipboard', callbackSign: FACTS_SIGN, callbackSdkAppId: '', callbackKey: FACTS_KEY });
    const invalid = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('trtcExplorer.callbacks.verify');
    assert.deepEqual(nl.failures, []);
    const text = invalid?.getText() ?? '';
    assert.match(text, /The Sign does not match/);
    assert.match(text, /A line break was added at the end of the body/);
    assert.match(text, /ends with a line break/);
  });

  test('callback events: every group and type with fields and a sample body', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('trtcExplorer.callbacks.showEvents');
    const text = doc.getText();
    for (const marker of ['103 EVENT_TYPE_ENTER_ROOM', '401 EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS', '701 EVENT_TYPE_STREAM_INGEST_START', '`Payload.Status`', '"EventGroupId":\t1']) {
      assert.ok(text.includes(marker), marker);
    }
  });

  test('callback simulator: a signed sample reaches a local handler and the answer is judged', async () => {
    const api = await explorer();
    const seen: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end('{"code":0}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trtc/callback`;
    try {
      const pass = await answer({ simulateUrl: url, simulateEvent: '103', simulateSdkAppId: '1400000001', callbackKey: 'cbKey123', callbackKeyRemember: 'no' });
      const passed = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('trtcExplorer.callbacks.simulate');
      assert.deepEqual(pass.failures, []);
      assert.equal(seen.length, 1);
      assert.equal(seen[0].headers.sign, signCallback(seen[0].body, 'cbKey123'), 'the Sign is over the exact body sent');
      assert.equal(seen[0].headers.sdkappid, '1400000001');
      assert.match(seen[0].body, /"EventType":\t103/);
      assert.match(passed?.getText() ?? '', /Passed: your handler answered HTTP 200/);
      assert.equal(await (await api.tools()).keys.get('callback', '1400000001'), undefined, 'the key was not remembered');

      status = 500;
      const fail = await answer({ simulateUrl: url, simulateEvent: '204', simulateSdkAppId: '1400000001', callbackKey: 'cbKey123', callbackKeyRemember: 'no' });
      const failed = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('trtcExplorer.callbacks.simulate');
      assert.deepEqual(fail.failures, []);
      assert.match(failed?.getText() ?? '', /Failed: TRTC would count this delivery as failed/);
      assert.match(failed?.getText() ?? '', /HTTP 500/);

      const validate = fail.inputs.simulateUrl.validateInput!;
      assert.ok(validate('ftp://127.0.0.1/x'), 'only http and https');
      assert.ok(validate('not a url'));
      assert.equal(validate(url), undefined);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('remembered keys can be forgotten', async () => {
    const api = await explorer();
    await (await api.tools()).keys.set('callback', '1400000009', 'k1');
    await (await api.tools()).keys.set('usersig', '1400000009', 'k2');
    const p = await answer({ forgetKeys: ['callback:1400000009', 'usersig:1400000009'] });
    await vscode.commands.executeCommand('trtcExplorer.tools.forgetKeys');
    assert.deepEqual(p.failures, []);
    assert.deepEqual((await (await api.tools()).keys.list()).filter((e) => e.sdkAppId === '1400000009'), []);
  });
});
